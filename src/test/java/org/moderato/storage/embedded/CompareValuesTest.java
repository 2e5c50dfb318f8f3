package org.moderato.storage.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import de.bwaldvogel.mongo.backend.ValueComparator;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The index's direct comparisons order values exactly as mongo-java-server's comparator does. */
class CompareValuesTest {

  @Test
  void sameOrderAsTheGenericComparator() {
    Random random = new Random(3);
    List<Object> values = new ArrayList<>(List.of(0.0, -0.0, 1.0, -1.0, 0.5, 2147483647.0,
        2147483648.0, 3e9, 3e9 + 0.5, -3e9, Double.NaN, Double.POSITIVE_INFINITY,
        Double.NEGATIVE_INFINITY, 1e300, "", "a", "B", "é", "\uD83D\uDE00", "\uFFFD", true, false,
        Instant.EPOCH, Instant.ofEpochMilli(-1), Instant.ofEpochMilli(1_700_000_000_000L),
        5L, Long.MAX_VALUE));
    for (int i = 0; i < 200; i++) {
      values.add(random.nextGaussian() * Math.pow(10, random.nextInt(12)));
      values.add(Long.toString(random.nextLong(), 36));
      values.add(Instant.ofEpochMilli(random.nextLong() >> 20));
    }
    values.add(null);
    for (Object a : values) {
      for (Object b : values) {
        assertThat(Integer.signum(SecondaryIndex.compareValues(a, b)))
            .as("%s vs %s", a, b)
            .isEqualTo(Integer.signum(ValueComparator.ascWithoutListHandling().compare(a, b)));
      }
    }
  }
}
