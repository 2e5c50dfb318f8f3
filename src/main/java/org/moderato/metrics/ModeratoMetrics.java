package org.moderato.metrics;

import com.github.benmanes.caffeine.cache.Cache;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import org.moderato.domain.Comment;
import org.moderato.filtering.Reason;
import org.moderato.filtering.Verdict;

/**
 * Moderato's own metrics, next to the HTTP, pool and JVM metrics Vert.x reports: filter verdicts
 * by status and reason, moderation decisions and how long comments waited for them, the pending
 * queue's size and age, and cache hit rates. Scraped in Prometheus format at {@code /metrics}.
 */
public final class ModeratoMetrics {

  private final MeterRegistry registry;
  private final Timer timeToDecision;
  private final AtomicLong queueSize = new AtomicLong();
  private final AtomicLong oldestPendingSeconds = new AtomicLong();

  public ModeratoMetrics(MeterRegistry registry) {
    this.registry = registry;
    this.timeToDecision = Timer.builder("moderato.moderation.time.to.decision")
        .description("Time from submission to a moderator's decision")
        .publishPercentiles(0.5, 0.9, 0.99)
        .register(registry);
    Gauge.builder("moderato.queue.size", queueSize, AtomicLong::get)
        .description("Comments waiting for a moderator (as of the last scrape)")
        .register(registry);
    Gauge.builder("moderato.queue.oldest.age.seconds", oldestPendingSeconds, AtomicLong::get)
        .description("How long the oldest pending comment has waited (0 when none)")
        .register(registry);
  }

  /** Metrics that go nowhere (tools and tests). */
  public static ModeratoMetrics none() {
    return new ModeratoMetrics(new SimpleMeterRegistry());
  }

  public MeterRegistry registry() {
    return registry;
  }

  /** Counts a submission's verdict and each reason given. */
  public void verdict(Verdict verdict) {
    registry.counter("moderato.verdicts", "status", verdict.status().wire()).increment();
    for (Reason reason : verdict.spam().reasons()) {
      registry.counter("moderato.filter.reasons", "reason", reason.code()).increment();
    }
    for (Reason reason : verdict.toxicity().reasons()) {
      registry.counter("moderato.filter.reasons", "reason", reason.code()).increment();
    }
  }

  /** Counts a decision and records how long the comment waited for it. */
  public void decided(Comment before, Comment after, String action, Instant at) {
    registry.counter("moderato.moderation.decisions", "action", action,
        "to", after.status().wire()).increment();
    timeToDecision.record(Duration.between(before.createdAt(), at));
  }

  /** The pending queue's size and the age of its oldest comment (null: the queue is empty). */
  public void queue(long size, Duration oldestAge) {
    queueSize.set(size);
    oldestPendingSeconds.set(oldestAge == null ? 0 : Math.max(0, oldestAge.toSeconds()));
  }

  /** Reports a cache's size, hits, misses and evictions under {@code name}. */
  public void monitor(Cache<?, ?> cache, String name) {
    CaffeineCacheMetrics.monitor(registry, cache, name);
  }
}
