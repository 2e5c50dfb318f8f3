package org.moderato.filtering.toxicity;

/** A toxicity scorer could not give a usable answer; the comment is held for review. */
public final class ToxicityScorerException extends RuntimeException {

  public ToxicityScorerException(String message) {
    super(message);
  }

  public ToxicityScorerException(String message, Throwable cause) {
    super(message, cause);
  }
}
