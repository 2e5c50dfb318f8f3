package org.moderato.filtering.bots;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.moderato.it.TestServer;

class FormTokensTest {

  private final TestServer.TestClock clock = new TestServer.TestClock();
  private final FormTokens tokens = new FormTokens("secret-secret-secret-secret-1234".getBytes(),
      clock, Duration.ofSeconds(3), Duration.ofHours(24));

  @Test
  void aTokenUsedAfterAHumanPauseIsValid() {
    String token = tokens.issue("a1");
    clock.advance(Duration.ofSeconds(20));
    assertThat(tokens.check("a1", token)).isEqualTo(FormTokens.Check.VALID);
  }

  @Test
  void aTokenUsedAtOnceIsTooFast() {
    String token = tokens.issue("a1");
    clock.advance(Duration.ofMillis(500));
    assertThat(tokens.check("a1", token)).isEqualTo(FormTokens.Check.TOO_FAST);
  }

  @Test
  void aTokenForAnotherArticleOrForgedIsInvalid() {
    String token = tokens.issue("a1");
    clock.advance(Duration.ofSeconds(20));
    assertThat(tokens.check("a2", token)).isEqualTo(FormTokens.Check.INVALID);
    String forged = (Instant.parse("2026-03-01T09:00:00Z").toEpochMilli())
        + token.substring(token.indexOf('.'));
    assertThat(tokens.check("a1", forged)).isEqualTo(FormTokens.Check.INVALID);
    assertThat(tokens.check("a1", "garbage")).isEqualTo(FormTokens.Check.INVALID);
    assertThat(tokens.check("a1", null)).isEqualTo(FormTokens.Check.MISSING);
  }

  @Test
  void anOldTokenIsExpired() {
    String token = tokens.issue("a1");
    clock.advance(Duration.ofHours(25));
    assertThat(tokens.check("a1", token)).isEqualTo(FormTokens.Check.EXPIRED);
    assertThat(clock.getZone()).isEqualTo(ZoneOffset.UTC);
  }
}
