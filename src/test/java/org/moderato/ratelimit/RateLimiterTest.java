package org.moderato.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.moderato.it.TestServer;

class RateLimiterTest {

  private final TestServer.TestClock clock = new TestServer.TestClock();

  @Test
  void aBurstIsAllowedThenTheRateAppliesAndTokensComeBackWithTime() {
    RateLimiter limiter = new RateLimiter(true, 6, 3, clock.ticker());
    for (int i = 0; i < 3; i++) {
      assertThat(limiter.acquire("k")).isEmpty();
    }
    Duration wait = limiter.acquire("k").orElseThrow();
    assertThat(wait).isBetween(Duration.ofSeconds(9), Duration.ofSeconds(10));
    clock.advance(Duration.ofSeconds(10));
    assertThat(limiter.acquire("k")).isEmpty();
    assertThat(limiter.acquire("other")).isEmpty();
  }

  @Test
  void aDisabledLimiterAllowsEverything() {
    RateLimiter limiter = new RateLimiter(false, 1, 1, clock.ticker());
    for (int i = 0; i < 100; i++) {
      assertThat(limiter.acquire("k")).isEmpty();
    }
  }
}
