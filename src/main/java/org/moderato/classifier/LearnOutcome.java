package org.moderato.classifier;

/**
 * What one moderator decision did to an {@link AdaptiveModel}.
 *
 * @param status whether the decision was learned
 * @param before the text's score before
 * @param after the text's score after (equal to {@code before} unless applied)
 */
public record LearnOutcome(Status status, double before, double after) {

  /** Why a decision was or was not learned. */
  public enum Status {
    /** The delta was updated. */
    APPLIED,
    /** The model already agreed with the decision to within 1%, so nothing changed. */
    ALREADY_AGREES,
    /** The moderator's budget was spent; try again later. */
    RATE_LIMITED
  }
}
