package org.moderato.domain;

import java.time.Instant;

/** A person who works the queue. Only a hash of their bearer token is ever stored. */
public record Moderator(
    String id, String name, Role role, String tokenHash, Instant createdAt, boolean revoked) {

  public boolean isAdmin() {
    return role == Role.ADMIN;
  }
}
