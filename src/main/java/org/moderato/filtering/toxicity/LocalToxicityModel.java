package org.moderato.filtering.toxicity;

import io.vertx.core.Future;
import io.vertx.core.WorkerExecutor;
import java.util.Objects;

/**
 * The default {@link ToxicityModel}: the shipped hashed-n-gram model, scored in process, with no
 * network and nothing downloaded.
 *
 * <p>Where scoring runs: a comment of up to {@link #INLINE_MAX_CHARS} characters is scored on the
 * calling thread (an event loop), since the scores alone take about 25 microseconds for such a
 * text (median; p99 under 100 us on a loaded 2-core machine, measured by
 * {@code eval --task toxicity}). Everything else goes
 * to the bounded {@link WorkerExecutor} given to the constructor, unordered so comments do not
 * queue behind each other: longer comments, and comments scoring 0.5 or more, whose explanation
 * for moderators costs several times the score. The executor's pool size bounds concurrent
 * scoring; its max-execute-time is the guard against a stuck task.
 *
 * <p>Thread-safe. Feedback, reset and delta persistence go through {@link #classifier()}.
 */
public final class LocalToxicityModel implements ToxicityModel {

  /**
   * Longest text scored inline. Cost grows about linearly with length; up to this length the
   * scores alone stay under 100 microseconds at the p99 (98 us measured under load, 26 us
   * median).
   */
  public static final int INLINE_MAX_CHARS = 400;

  private final ToxicityClassifier classifier;
  private final WorkerExecutor workers;

  /**
   * @param classifier the model, usually {@link ToxicityClassifier#bundled()}
   * @param workers a bounded pool for long comments, shared with other CPU-heavy filters or not
   */
  public LocalToxicityModel(ToxicityClassifier classifier, WorkerExecutor workers) {
    this.classifier = Objects.requireNonNull(classifier, "classifier");
    this.workers = Objects.requireNonNull(workers, "workers");
  }

  @Override
  public String name() {
    return "local";
  }

  /** The model behind this port: feedback ({@code learn}), {@code reset}, delta export/import. */
  public ToxicityClassifier classifier() {
    return classifier;
  }

  @Override
  public Future<ToxicityScores> score(String text) {
    if (text.length() <= INLINE_MAX_CHARS) {
      try {
        ToxicityScores quick = classifier.score(text, false);
        if (quick.toxicity() < ToxicityClassifier.EXPLAIN_FROM) {
          return Future.succeededFuture(ShortTextCalibration.apply(quick, text));
        }
      } catch (RuntimeException e) {
        return Future.failedFuture(e);
      }
    }
    return workers.executeBlocking(
        () -> ShortTextCalibration.apply(classifier.score(text), text), false);
  }
}
