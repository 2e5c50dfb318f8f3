package org.moderato.filtering;

import io.vertx.core.Future;

/**
 * One check in the ordered pipeline. Filters are called on an event loop: one that needs more
 * than about 100 microseconds of CPU (a learned model) moves its work to a bounded worker pool, and
 * one that needs storage returns the storage future. A failed future holds the comment for review;
 * it never lets it through.
 */
public interface CommentFilter {

  /** A short stable name, used in logs and in the {@code filter-error} reason. */
  String name();

  Future<FilterResult> evaluate(Candidate candidate);
}
