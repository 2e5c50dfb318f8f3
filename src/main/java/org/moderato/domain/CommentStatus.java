package org.moderato.domain;

import java.util.Locale;
import java.util.Optional;

/**
 * Where a comment stands. The first four are the contract's; {@code DELETED} marks a comment its
 * author removed (kept as a placeholder while it has published replies).
 */
public enum CommentStatus {
  PUBLISHED,
  PENDING,
  SPAM,
  REJECTED,
  DELETED;

  /** The lower-case name used on the wire and in storage. */
  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses a wire name; empty for anything else. */
  public static Optional<CommentStatus> fromWire(String value) {
    if (value == null) {
      return Optional.empty();
    }
    for (CommentStatus status : values()) {
      if (status.wire().equals(value)) {
        return Optional.of(status);
      }
    }
    return Optional.empty();
  }

  /** What the author is told: spam and rejected comments look pending, so spammers learn nothing. */
  public CommentStatus shownToAuthor() {
    return this == PUBLISHED ? PUBLISHED : PENDING;
  }

  /** How a change from {@code before} to {@code after} moves the published counters: -1, 0 or 1. */
  public static long publishedDelta(CommentStatus before, CommentStatus after) {
    boolean was = before == PUBLISHED;
    boolean is = after == PUBLISHED;
    return was == is ? 0 : is ? 1 : -1;
  }
}
