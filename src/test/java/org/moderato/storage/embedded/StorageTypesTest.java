package org.moderato.storage.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.h2.mvstore.WriteBuffer;
import org.junit.jupiter.api.Test;

/** Documents and index keys survive the trip to the MVStore's bytes and back unchanged. */
class StorageTypesTest {

  @Test
  void keysOfEveryKindRoundTripAndCompareInMongoOrder() {
    List<Object> values = Arrays.asList(null, "6b0bf0fffd92f40cc79eba90", "ünïcødé ✓", 1.5, 42L,
        7, true, false, Instant.ofEpochMilli(1_700_000_000_123L), new ObjectId());
    KeyValue key = new KeyValue(values);
    KeyValue back = roundTrip(key);
    assertThat(back).isEqualTo(key);
    assertThat(KeyValueType.INSTANCE.compare(new KeyValue("a"), new KeyValue("b"))).isNegative();
    assertThat(KeyValueType.INSTANCE.compare(new KeyValue(2.0), new KeyValue(2L))).isZero();
    assertThat(KeyValueType.INSTANCE.compare(new KeyValue((Object) null), new KeyValue(0.0)))
        .isNegative();
  }

  @Test
  void documentsRoundTrip() {
    Document d = new Document("_id", "c1").append("text", "Ça va? 👍").append("n", 3)
        .append("big", 1L << 40).append("score", 0.25).append("at", Instant.ofEpochMilli(5))
        .append("none", null).append("ids", List.of("a", "b"))
        .append("spam", new Document("score", 0.1).append("reasons", List.of(
            new Document("code", "link").append("contribution", 0.5))));
    WriteBuffer out = new WriteBuffer();
    DocumentType.INSTANCE.write(out, d);
    ByteBuffer in = out.getBuffer().flip();
    assertThat(DocumentType.INSTANCE.read(in)).isEqualTo(d);
    assertThat(in.remaining()).isZero();
  }

  private static KeyValue roundTrip(KeyValue key) {
    WriteBuffer out = new WriteBuffer();
    KeyValueType.INSTANCE.write(out, key);
    ByteBuffer in = out.getBuffer().flip();
    KeyValue back = KeyValueType.INSTANCE.read(in);
    assertThat(in.remaining()).isZero();
    return back;
  }
}
