package org.moderato.app;

import java.util.function.Predicate;
import java.util.function.Supplier;
import org.moderato.classifier.AdaptiveModel;
import org.moderato.classifier.LearnOutcome;
import org.moderato.domain.ModerationAction;
import org.moderato.filtering.toxicity.ToxicityClassifier;
import org.moderato.moderation.Learner;

/** Adapts the learned models to what moderation teaches them. */
final class Learners {

  private Learners() {}

  /** Spam: approve teaches ham; spam (or a rejection for spam) teaches spam. */
  static Learner spam(AdaptiveModel model) {
    return new AdaptiveLearner("spam", model::learn, model::exportDelta, model::importDelta,
        model::reset) {
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
  static Learner toxicity(ToxicityClassifier model) {
    return new AdaptiveLearner("toxicity", model::learn, model::exportDelta, model::importDelta,
        model::reset) {
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

  /** How a model learns one decision. */
  private interface Learn {
    LearnOutcome learn(String moderatorId, String text, boolean positive);
  }

  private abstract static class AdaptiveLearner implements Learner {

    private final String name;
    private final Learn learn;
    private final Supplier<byte[]> export;
    private final Predicate<byte[]> importer;
    private final Runnable reset;

    AdaptiveLearner(String name, Learn learn, Supplier<byte[]> export,
        Predicate<byte[]> importer, Runnable reset) {
      this.name = name;
      this.learn = learn;
      this.export = export;
      this.importer = importer;
      this.reset = reset;
    }

    @Override
    public String name() {
      return name;
    }

    @Override
    public boolean learn(String moderatorId, String text, boolean positive) {
      return learn.learn(moderatorId, text, positive).status() == LearnOutcome.Status.APPLIED;
    }

    @Override
    public byte[] exportState() {
      return export.get();
    }

    @Override
    public boolean importState(byte[] state) {
      return importer.test(state);
    }

    @Override
    public void reset() {
      reset.run();
    }
  }
}
