package org.moderato.filtering;

import java.util.Locale;
import org.moderato.domain.CommentStatus;

/** The pipeline's outcome for a candidate, as {@code moderation/check} names it. */
public enum Decision {
  PUBLISH,
  HOLD,
  REJECT;

  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Decision of(CommentStatus status) {
    return switch (status) {
      case PUBLISHED -> PUBLISH;
      case PENDING -> HOLD;
      default -> REJECT;
    };
  }
}
