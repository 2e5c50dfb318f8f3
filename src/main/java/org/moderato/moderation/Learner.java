package org.moderato.moderation;

/**
 * A learned model that moderators teach: how {@link LearningListener} sees the spam and toxicity
 * models, whatever their machinery. Implementations guard themselves against bursts and are safe
 * to call from any thread.
 */
public interface Learner {

  /** A stable name, also the key its state is stored under. */
  String name();

  /**
   * The label a decision gives the comment for this model: true (positive: spam, toxic), false
   * (negative), or null when the decision says nothing about it.
   */
  Boolean label(org.moderato.domain.ModerationAction action, String reason);

  /** Learns one example; whether the model changed (and its state should be saved). */
  boolean learn(String moderatorId, String text, boolean positive);

  byte[] exportState();

  /** Loads a stored state; false when it does not fit the shipped model (then it is ignored). */
  boolean importState(byte[] state);

  /** Back to the shipped model. */
  void reset();
}
