package org.moderato.storage;

import java.util.Locale;
import java.util.Optional;

/**
 * Orders of top-level comments in a thread. {@code TOP} is most replies in the tree first, then
 * oldest.
 */
public enum ThreadSort {
  OLDEST,
  NEWEST,
  TOP;

  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<ThreadSort> fromWire(String value) {
    for (ThreadSort sort : values()) {
      if (sort.wire().equals(value)) {
        return Optional.of(sort);
      }
    }
    return Optional.empty();
  }
}
