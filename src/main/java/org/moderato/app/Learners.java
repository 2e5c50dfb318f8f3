package org.moderato.app;

import org.moderato.classifier.AdaptiveModel;
import org.moderato.classifier.LearnOutcome;
import org.moderato.domain.ModerationAction;
import org.moderato.moderation.Learner;

/** Adapts the learned models to what moderation teaches them. */
final class Learners {

  private Learners() {}

  /** Spam: approve teaches ham; spam (or a rejection for spam) teaches spam. */
  static Learner spam(AdaptiveModel model) {
    return new AdaptiveLearner("spam", model) {
      @Override
      public Boolean label(ModerationAction action, String reason) {
        return switch (action) {
          case APPROVE -> false;
          case SPAM -> true;
          case REJECT -> reason != null && reason.toLowerCase().contains("spam") ? true : null;
          case REQUEUE -> null;
        };
      }
    };
  }

  /** Toxicity: approve teaches "not toxic"; a rejection for being toxic teaches toxic. */
  static Learner toxicity(AdaptiveModel model) {
    return new AdaptiveLearner("toxicity", model) {
      @Override
      public Boolean label(ModerationAction action, String reason) {
        return switch (action) {
          case APPROVE -> false;
          case REJECT -> reason != null && reason.toLowerCase().contains("toxic") ? true : null;
          case SPAM, REQUEUE -> null;
        };
      }
    };
  }

  private abstract static class AdaptiveLearner implements Learner {

    private final String name;
    private final AdaptiveModel model;

    AdaptiveLearner(String name, AdaptiveModel model) {
      this.name = name;
      this.model = model;
    }

    @Override
    public String name() {
      return name;
    }

    @Override
    public boolean learn(String moderatorId, String text, boolean positive) {
      return model.learn(moderatorId, text, positive).status() == LearnOutcome.Status.APPLIED;
    }

    @Override
    public byte[] exportState() {
      return model.exportDelta();
    }

    @Override
    public boolean importState(byte[] state) {
      return model.importDelta(state);
    }

    @Override
    public void reset() {
      model.reset();
    }
  }
}
