package org.moderato.filtering.toxicity;

/**
 * The three toxicity thresholds, applied to {@link ToxicityScores#toxicity()}: at or above
 * {@code nudge} the author is asked to reconsider before the comment is sent (HTTP 422 with the
 * score, handled by the submission layer); at or above {@code hold} it waits for a moderator; at
 * or above {@code reject} it is refused.
 *
 * <p>The defaults come from cross-validation on the dev data (see {@code docs/toxicity.md}):
 * {@code nudge} asks about 13% of ordinary news comments to reconsider, {@code hold} holds at
 * most 5% of them, and at {@code reject} no ordinary news comment and 0.1% of Wikipedia ones
 * remain. Config keys: {@code toxicity.nudge}, {@code toxicity.hold}, {@code toxicity.reject}.
 */
public record ToxicityThresholds(double nudge, double hold, double reject) {

  /** Proposed defaults; see {@code docs/toxicity.md} for the figures behind them. */
  public static final ToxicityThresholds DEFAULTS = new ToxicityThresholds(0.6, 0.70, 0.95);

  public ToxicityThresholds {
    check("nudge", nudge);
    check("hold", hold);
    check("reject", reject);
    if (!(nudge <= hold && hold <= reject)) {
      throw new IllegalArgumentException("toxicity thresholds must satisfy nudge <= hold <= reject,"
          + " were " + nudge + ", " + hold + ", " + reject);
    }
  }

  private static void check(String key, double value) {
    if (!(value > 0 && value <= 1)) {
      throw new IllegalArgumentException("toxicity." + key + " must be in (0, 1], was " + value);
    }
  }

  /** Whether a score calls for asking the author to reconsider. */
  public boolean nudges(double toxicity) {
    return toxicity >= nudge;
  }

  /** Whether a score holds the comment for a moderator. */
  public boolean holds(double toxicity) {
    return toxicity >= hold;
  }

  /** Whether a score rejects the comment. */
  public boolean rejects(double toxicity) {
    return toxicity >= reject;
  }
}
