package org.moderato.ratelimit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;
import java.util.Optional;

/**
 * Token buckets per key (a client hash, a name), in a bounded Caffeine cache: approximate and per
 * instance by design, so several instances together allow a few times the configured rate, and a
 * bucket evicted under pressure starts full. Thread-safe.
 */
public final class RateLimiter {

  private static final class Bucket {
    private double tokens;
    private long updatedNanos;

    Bucket(double tokens, long now) {
      this.tokens = tokens;
      this.updatedNanos = now;
    }
  }

  private final boolean enabled;
  private final double perNano;
  private final int burst;
  private final Ticker ticker;
  private final Cache<String, Bucket> buckets;

  /**
   * @param perMinute sustained rate once the burst is used up
   * @param burst how many may come at once
   */
  public RateLimiter(boolean enabled, int perMinute, int burst, Ticker ticker) {
    this.enabled = enabled;
    this.perNano = perMinute / 60e9;
    this.burst = burst;
    this.ticker = ticker;
    this.buckets = Caffeine.newBuilder()
        .maximumSize(200_000)
        .expireAfterAccess(Duration.ofHours(1))
        .ticker(ticker)
        .build();
  }

  /** Whether {@code key} is out of tokens now (without taking one): how long until one is free. */
  public Optional<Duration> peek(String key) {
    if (!enabled || key == null || key.isEmpty()) {
      return Optional.empty();
    }
    Bucket bucket = buckets.getIfPresent(key);
    if (bucket == null) {
      return Optional.empty();
    }
    long now = ticker.read();
    synchronized (bucket) {
      double tokens = Math.min(burst, bucket.tokens + (now - bucket.updatedNanos) * perNano);
      return tokens >= 1 ? Optional.empty()
          : Optional.of(Duration.ofNanos((long) Math.ceil((1 - tokens) / perNano)));
    }
  }

  /** Takes one token for {@code key}: empty when allowed, otherwise how long until one is free. */
  public Optional<Duration> acquire(String key) {
    if (!enabled || key == null || key.isEmpty()) {
      return Optional.empty();
    }
    long now = ticker.read();
    Bucket bucket = buckets.get(key, k -> new Bucket(burst, now));
    synchronized (bucket) {
      bucket.tokens = Math.min(burst, bucket.tokens + (now - bucket.updatedNanos) * perNano);
      bucket.updatedNanos = now;
      if (bucket.tokens >= 1) {
        bucket.tokens -= 1;
        return Optional.empty();
      }
      long waitNanos = (long) Math.ceil((1 - bucket.tokens) / perNano);
      return Optional.of(Duration.ofNanos(waitNanos));
    }
  }
}
