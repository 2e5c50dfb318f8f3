package org.moderato.paging;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.moderato.storage.SortPosition;

class CursorCodecTest {

  private final CursorCodec codec = new CursorCodec("0123456789abcdef0123456789abcdef".getBytes());
  private final SortPosition position =
      new SortPosition(3, Instant.parse("2026-01-02T03:04:05.678Z"), "0123456789abcdef01234567");

  @Test
  void aCursorDecodesToThePositionItWasMadeFrom() {
    String cursor = codec.encode("thread:a:oldest", position);
    assertThat(codec.decode("thread:a:oldest", cursor)).contains(position);
  }

  @Test
  void aCursorForAnotherListingIsRefused() {
    String cursor = codec.encode("thread:a:oldest", position);
    assertThat(codec.decode("thread:b:oldest", cursor)).isEmpty();
    assertThat(codec.decode("thread:a:top", cursor)).isEmpty();
  }

  @Test
  void aCursorSignedWithAnotherSecretIsRefused() {
    String cursor = new CursorCodec("another secret, another server!!".getBytes())
        .encode("l", position);
    assertThat(codec.decode("l", cursor)).isEmpty();
  }

  @Test
  void aTamperedPositionIsRefused() {
    String cursor = codec.encode("l", position);
    String other = codec.encode("l", new SortPosition(0, Instant.EPOCH, "x"));
    String forged = other.substring(0, other.indexOf('.')) + cursor.substring(cursor.indexOf('.'));
    assertThat(codec.decode("l", forged)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"", ".", "abc", "a.b.c", "!!!.???", "eyJwIjoxfQ.AAAA"})
  void garbageIsRefusedWithoutAnException(String garbage) {
    assertThat(codec.decode("l", garbage)).isEmpty();
  }
}
