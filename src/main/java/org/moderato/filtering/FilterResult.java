package org.moderato.filtering;

import java.util.List;

/** What one filter says about one candidate: its reasons and its demand, if any. */
public record FilterResult(List<Reason> reasons, Action action) {

  public static final FilterResult CLEAN = new FilterResult(List.of(), Action.NONE);

  public FilterResult {
    reasons = List.copyOf(reasons);
  }

  public static FilterResult of(Action action, Reason... reasons) {
    return new FilterResult(List.of(reasons), action);
  }

  /** A score with no demand: the pipeline's thresholds decide what it means. */
  public static FilterResult scored(Reason... reasons) {
    return new FilterResult(List.of(reasons), Action.NONE);
  }
}
