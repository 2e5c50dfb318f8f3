package org.moderato.filtering.toxicity;

import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.moderato.filtering.Action;
import org.moderato.filtering.Candidate;
import org.moderato.filtering.CommentFilter;
import org.moderato.filtering.FilterResult;
import org.moderato.filtering.Reason;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The toxicity step of the pipeline: asks a {@link ToxicityModel} and turns its scores into
 * reasons. It makes no demand of its own when the model answers, so the pipeline's thresholds
 * decide (set the pipeline's {@code toxicityHold}/{@code toxicityReject} to
 * {@link ToxicityThresholds#hold()}/{@link ToxicityThresholds#reject()}).
 *
 * <p>Reasons: {@code toxicity-model} carries the overall score as its contribution and the
 * strongest features as detail. Each category at or above the nudge threshold adds a reason named
 * after it ({@code insult}, {@code severe-toxicity}) with the category score in the detail and a
 * contribution of 0: categories are aspects of the same judgment, and the pipeline's noisy-or
 * would otherwise count one insult twice.
 *
 * <p>When the model fails (time-out, server error, a bug), the comment is held with the reason
 * {@code toxicity-unavailable}: it is never published unread. Runs on the caller's event loop;
 * the model decides where the scoring itself runs.
 */
public final class ToxicityFilter implements CommentFilter {

  /** Reason code for the overall model score. */
  public static final String MODEL_REASON = "toxicity-model";
  /** Reason code when the model could not score. */
  public static final String UNAVAILABLE_REASON = "toxicity-unavailable";

  private static final Logger LOG = LoggerFactory.getLogger(ToxicityFilter.class);
  private static final int DETAIL_FEATURES = 3;

  private final ToxicityModel model;
  private final ToxicityThresholds thresholds;

  public ToxicityFilter(ToxicityModel model, ToxicityThresholds thresholds) {
    this.model = Objects.requireNonNull(model, "model");
    this.thresholds = Objects.requireNonNull(thresholds, "thresholds");
  }

  @Override
  public String name() {
    return "toxicity";
  }

  @Override
  public Future<FilterResult> evaluate(Candidate candidate) {
    Future<ToxicityScores> scored;
    try {
      scored = model.score(candidate.text());
    } catch (RuntimeException e) {
      scored = Future.failedFuture(e);
    }
    return scored.map(this::toResult).recover(failure -> {
      LOG.warn("Toxicity model '{}' could not score a comment; holding it for review: {}",
          model.name(), failure.toString());
      return Future.succeededFuture(FilterResult.of(Action.HOLD,
          Reason.toxicity(UNAVAILABLE_REASON, 0, model.name())));
    });
  }

  /** The reasons for a set of scores; public so the moderation check can show the same thing. */
  public FilterResult toResult(ToxicityScores scores) {
    List<Reason> reasons = new ArrayList<>();
    List<String> top = scores.features().subList(0,
        Math.min(DETAIL_FEATURES, scores.features().size()));
    reasons.add(Reason.toxicity(MODEL_REASON, scores.toxicity(), String.join(", ", top)));
    scores.categories().forEach((category, score) -> {
      if (!ToxicityScores.TOXICITY.equals(category) && thresholds.nudges(score)) {
        reasons.add(Reason.toxicity(category.replace('_', '-'), 0,
            String.format(Locale.ROOT, "%.2f", score)));
      }
    });
    return FilterResult.scored(reasons.toArray(Reason[]::new));
  }
}
