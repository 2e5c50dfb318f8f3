package org.moderato.domain;

import java.util.Locale;
import java.util.Optional;

/** What a moderator can do to a comment, and the status each leads to. */
public enum ModerationAction {
  APPROVE(CommentStatus.PUBLISHED),
  REJECT(CommentStatus.REJECTED),
  SPAM(CommentStatus.SPAM),
  /** Puts a decided comment back in the queue: the console's undo. */
  REQUEUE(CommentStatus.PENDING);

  private final CommentStatus target;

  ModerationAction(CommentStatus target) {
    this.target = target;
  }

  public CommentStatus target() {
    return target;
  }

  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<ModerationAction> fromWire(String value) {
    for (ModerationAction action : values()) {
      if (action.wire().equals(value)) {
        return Optional.of(action);
      }
    }
    return Optional.empty();
  }
}
