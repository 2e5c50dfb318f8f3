package org.moderato.filtering.toxicity;

import io.vertx.core.Future;

/**
 * The port to whatever scores toxicity: the shipped local model ({@link LocalToxicityModel}, the
 * default) or a site's own model server ({@link HttpToxicityModel}).
 *
 * <p>{@link #score(String)} is called on an event-loop thread and must not block it: an
 * implementation that needs more than about 100 microseconds of CPU moves the work to a bounded
 * worker pool, and one that does I/O returns the I/O future. A failed future means "no opinion";
 * {@link ToxicityFilter} then holds the comment for review rather than publishing it.
 */
public interface ToxicityModel {

  /** A short stable name for logs and reasons, for example {@code local} or {@code http}. */
  String name();

  /**
   * Scores one comment text as the author wrote it (the model folds evasions itself).
   *
   * @return the scores, or a failed future when the model cannot answer (time-out, server error)
   */
  Future<ToxicityScores> score(String text);
}
