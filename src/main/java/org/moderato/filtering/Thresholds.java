package org.moderato.filtering;

/**
 * Score thresholds that turn combined scores into a status. A score at or above {@code spamHold}
 * or {@code toxicityHold} holds the comment; at or above {@code spamSpam} it is kept out as spam;
 * at or above {@code toxicityReject} it is rejected.
 */
public record Thresholds(
    double spamHold, double spamSpam, double toxicityHold, double toxicityReject) {

  public static final Thresholds DEFAULTS = new Thresholds(0.5, 0.95, 0.70, 0.95);

  public Thresholds {
    check("spamHold", spamHold);
    check("spamSpam", spamSpam);
    check("toxicityHold", toxicityHold);
    check("toxicityReject", toxicityReject);
  }

  private static void check(String key, double value) {
    if (!(value > 0 && value <= 1)) {
      throw new IllegalArgumentException(key + " must be in (0, 1], was " + value);
    }
  }

  /** The action the scores alone call for. */
  Action actionFor(double spam, double toxicity) {
    Action action = Action.NONE;
    if (spam >= spamHold || toxicity >= toxicityHold) {
      action = Action.HOLD;
    }
    if (spam >= spamSpam) {
      action = action.max(Action.SPAM);
    }
    if (toxicity >= toxicityReject) {
      action = action.max(Action.REJECT);
    }
    return action;
  }
}
