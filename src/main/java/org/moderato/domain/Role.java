package org.moderato.domain;

import java.util.Locale;
import java.util.Optional;

/** What a moderator may do: {@code ADMIN} manages moderators and lists and also decides. */
public enum Role {
  MODERATOR,
  ADMIN;

  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<Role> fromWire(String value) {
    for (Role role : values()) {
      if (role.wire().equals(value)) {
        return Optional.of(role);
      }
    }
    return Optional.empty();
  }
}
