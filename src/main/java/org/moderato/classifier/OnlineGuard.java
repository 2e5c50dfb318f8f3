package org.moderato.classifier;

import java.time.Duration;

/**
 * Limits on what moderators' decisions can do to a model through {@link AdaptiveModel}. Together
 * they bound the damage of a mistaken or malicious burst: each update is a small clipped step, each
 * moderator gets a budget of updates that refills over time, each weight's total change is capped,
 * and the whole learned delta has a bounded norm, so its effect on any comment's logit is at most
 * {@code maxDeltaNorm} times the norm of the comment's feature vector (1 for the word block that
 * learns).
 *
 * @param learningRate the step on the log loss for one decision
 * @param maxStep the largest change one decision makes to one weight
 * @param maxWeightDelta the largest total change to any one weight
 * @param maxDeltaNorm the largest Euclidean norm of the whole delta; beyond it the delta is scaled
 *     down
 * @param burst how many decisions one moderator can teach at once
 * @param refill how long it takes for one moderator's budget to refill completely
 * @param maxDeltaFeatures the most weights the delta may touch; updates to new weights beyond it
 *     are dropped, which bounds memory and the cost of a copy-on-write update
 * @param maxTrackedModerators how many moderators' budgets are remembered (least recently used are
 *     forgotten, which refills their budget)
 */
public record OnlineGuard(
    double learningRate,
    double maxStep,
    double maxWeightDelta,
    double maxDeltaNorm,
    int burst,
    Duration refill,
    int maxDeltaFeatures,
    int maxTrackedModerators) {

  /**
   * Step 1, at most 0.5 per weight per decision and 2 in total, delta norm at most 8, and 20
   * decisions per moderator refilling over an hour, 50,000 weights, 10,000 moderators. With these
   * a single approve or spam decision moves the same comment's score by up to about one logit, so a
   * site adapts after a few decisions; one moderator alone cannot teach more than 20 decisions an
   * hour; no single word can move any comment by more than 2 logits; and the whole delta moves no
   * comment by more than 8 logits. When the norm limit is reached, older lessons shrink in
   * proportion as new ones arrive, a slow forgetting.
   */
  public static final OnlineGuard DEFAULTS =
      new OnlineGuard(1.0, 0.5, 2.0, 8.0, 20, Duration.ofHours(1), 50_000, 10_000);

  public OnlineGuard {
    if (!(learningRate > 0) || !(maxStep > 0) || !(maxWeightDelta > 0) || !(maxDeltaNorm > 0)
        || burst < 1 || refill.isNegative() || refill.isZero() || maxDeltaFeatures < 1
        || maxTrackedModerators < 1) {
      throw new IllegalArgumentException("bad online guard: " + this);
    }
  }
}
