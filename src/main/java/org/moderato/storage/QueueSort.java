package org.moderato.storage;

import java.util.Locale;
import java.util.Optional;

/** Orders of the moderation queue. {@code RISK} is the higher of spam and toxicity first. */
public enum QueueSort {
  OLDEST,
  NEWEST,
  RISK;

  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<QueueSort> fromWire(String value) {
    for (QueueSort sort : values()) {
      if (sort.wire().equals(value)) {
        return Optional.of(sort);
      }
    }
    return Optional.empty();
  }
}
