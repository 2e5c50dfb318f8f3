package org.moderato.filtering;

import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;
import org.moderato.domain.CommentStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the filters in their declared order and folds their results into one {@link Verdict}. The
 * order is the one given to the constructor (see {@code app.Filters} for the commented list): a
 * filter that demands {@link Action#REJECT} ends the run early, since nothing after it could
 * change the outcome, and its reason is what the moderator sees.
 *
 * <p>A filter whose future fails contributes the reason {@code filter-error} and holds the
 * comment: a broken filter never publishes silently.
 */
public final class FilterPipeline {

  private static final Logger LOG = LoggerFactory.getLogger(FilterPipeline.class);

  private final List<CommentFilter> filters;
  private final Thresholds thresholds;

  public FilterPipeline(List<CommentFilter> filters, Thresholds thresholds) {
    this.filters = List.copyOf(filters);
    this.thresholds = thresholds;
  }

  public List<CommentFilter> filters() {
    return filters;
  }

  public Thresholds thresholds() {
    return thresholds;
  }

  public Future<Verdict> run(Candidate candidate) {
    return step(candidate, 0, new ArrayList<>(), Action.NONE);
  }

  private Future<Verdict> step(
      Candidate candidate, int index, List<Reason> reasons, Action demanded) {
    if (index == filters.size() || demanded == Action.REJECT) {
      return Future.succeededFuture(conclude(reasons, demanded));
    }
    CommentFilter filter = filters.get(index);
    Future<FilterResult> result;
    try {
      result = filter.evaluate(candidate);
    } catch (RuntimeException e) {
      result = Future.failedFuture(e);
    }
    return result
        .recover(failure -> {
          LOG.warn("Filter {} failed; holding the comment for review", filter.name(), failure);
          return Future.succeededFuture(FilterResult.of(Action.HOLD,
              Reason.spam("filter-error", 0, filter.name())));
        })
        .compose(r -> {
          reasons.addAll(r.reasons());
          return step(candidate, index + 1, reasons, demanded.max(r.action()));
        });
  }

  Verdict conclude(List<Reason> reasons, Action demanded) {
    List<Reason> spamReasons = new ArrayList<>();
    List<Reason> toxicReasons = new ArrayList<>();
    for (Reason reason : reasons) {
      (reason.category() == Category.SPAM ? spamReasons : toxicReasons).add(reason);
    }
    Score spam = Score.combine(spamReasons);
    Score toxicity = Score.combine(toxicReasons);
    Action action = demanded.max(thresholds.actionFor(spam.score(), toxicity.score()));
    CommentStatus status = switch (action) {
      case NONE -> CommentStatus.PUBLISHED;
      case HOLD -> CommentStatus.PENDING;
      case SPAM -> CommentStatus.SPAM;
      case REJECT -> CommentStatus.REJECTED;
    };
    return new Verdict(status, spam, toxicity);
  }
}
