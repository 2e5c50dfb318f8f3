package org.moderato.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class ClientKeysTest {

  private static final byte[] SECRET = "a server secret of some length".getBytes(StandardCharsets.UTF_8);

  private static ClientKeys keys(String instant) {
    return new ClientKeys(SECRET, List.of(), Clock.fixed(Instant.parse(instant), ZoneOffset.UTC));
  }

  @Test
  void theKeyIsTheTruncatedHmacOfTheMonthAndTheAddress() throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(SECRET, "HmacSHA256"));
    mac.update("2026-11".getBytes(StandardCharsets.US_ASCII));
    mac.update((byte) 0);
    String expected = HexFormat.of().formatHex(
        mac.doFinal("203.0.113.7".getBytes(StandardCharsets.UTF_8)), 0, 16);

    ClientKeys keys = keys("2026-11-29T10:00:00Z");
    assertThat(keys.hash("203.0.113.7")).isEqualTo(expected);
    // Again on the same thread (the MAC is reused) and on another thread.
    assertThat(keys.hash("203.0.113.7")).isEqualTo(expected);
    assertThat(CompletableFuture.supplyAsync(() -> keys.hash("203.0.113.7")).get())
        .isEqualTo(expected);
  }

  @Test
  void theKeyDiffersByAddressAndRotatesMonthly() {
    ClientKeys november = keys("2026-11-30T23:59:59Z");
    ClientKeys december = keys("2026-12-01T00:00:00Z");
    assertThat(november.hash("203.0.113.7")).isNotEqualTo(november.hash("203.0.113.8"));
    assertThat(november.hash("203.0.113.7")).isNotEqualTo(december.hash("203.0.113.7"));
    assertThat(november.hash("203.0.113.7")).hasSize(32);
  }
}
