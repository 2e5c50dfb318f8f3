package org.moderato.filtering.spam;

import io.vertx.core.Future;
import java.io.IOException;
import java.util.List;
import java.util.Objects;
import java.util.StringJoiner;
import org.moderato.classifier.AdaptiveModel;
import org.moderato.classifier.Contribution;
import org.moderato.classifier.LogisticModel;
import org.moderato.filtering.Candidate;
import org.moderato.filtering.CommentFilter;
import org.moderato.filtering.FilterResult;
import org.moderato.filtering.Reason;

/**
 * The learned spam layer: scores the comment text with a logistic model over hashed words and
 * structural features (see {@link SpamTask}), and reports the model probability as the
 * {@code spam-model} reason's contribution. When the score is at least {@link #EXPLAIN_FROM}, the
 * detail lists the features that pushed it up most (for example
 * {@code call to action +3.34, self-promotion +2.11, word "check" +0.78}), so a moderator can see
 * why.
 *
 * <p>Scoring runs on the calling thread and completes the future at once: it costs about 20
 * microseconds for an ordinary comment (median on an idle core) and is bounded for long ones,
 * because only the first {@code maxChars} normalized characters are featurized. Explaining costs
 * more and is done only for comments likely to be shown to a moderator.
 *
 * <p>The model is an {@link AdaptiveModel}, so moderators' decisions fed to it (by whoever owns
 * learning) change scores at once; thread-safe.
 */
public final class SpamModelFilter implements CommentFilter {

  /** The reason code this filter gives. */
  public static final String CODE = "spam-model";

  /** The class-path resource of the shipped model. */
  public static final String MODEL_RESOURCE = "models/spam.model";

  /**
   * Scores at or above this get an explanation in the reason's detail: the default hold
   * threshold, since explaining costs about twice the scoring and only held comments are read.
   */
  public static final double EXPLAIN_FROM = 0.5;

  private static final int EXPLAINED_FEATURES = 3;

  private final AdaptiveModel model;

  /** A filter over a site's adaptive model: decisions learned by {@code model} apply at once. */
  public SpamModelFilter(AdaptiveModel model) {
    this.model = Objects.requireNonNull(model, "model");
  }

  /** A filter over a fixed model that learns nothing (for evaluation). */
  public SpamModelFilter(LogisticModel model) {
    this(new AdaptiveModel(model));
  }

  /**
   * Loads the shipped model from the class path.
   *
   * @throws IOException if it is missing or was built by an incompatible version
   */
  public static LogisticModel loadShippedModel() throws IOException {
    return LogisticModel.fromResource(MODEL_RESOURCE);
  }

  /** The model this filter scores with, for feeding it moderators' decisions. */
  public AdaptiveModel model() {
    return model;
  }

  @Override
  public String name() {
    return CODE;
  }

  @Override
  public Future<FilterResult> evaluate(Candidate candidate) {
    double p = model.score(candidate.text());
    String detail = p >= EXPLAIN_FROM ? explain(candidate.text()) : "";
    return Future.succeededFuture(FilterResult.scored(Reason.spam(CODE, clamp(p), detail)));
  }

  private String explain(String text) {
    List<Contribution> top = model.explain(text, 12);
    StringJoiner out = new StringJoiner(", ");
    int shown = 0;
    for (Contribution c : top) {
      if (c.logit() > 0 && shown < EXPLAINED_FEATURES) {
        out.add(c.display());
        shown++;
      }
    }
    return out.toString();
  }

  private static double clamp(double p) {
    return Double.isNaN(p) ? 1 : Math.max(0, Math.min(1, p));
  }
}
