package org.moderato.classifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import org.junit.jupiter.api.Test;

class MetricsTest {

  private static final boolean T = true;
  private static final boolean F = false;

  @Test
  void aPerfectRankingHasAnAreaOfOneAndAReversedOneOfZero() {
    boolean[] truth = {F, F, T, T};
    assertThat(Metrics.rocAuc(new double[] {0.1, 0.2, 0.8, 0.9}, truth)).isEqualTo(1.0);
    assertThat(Metrics.rocAuc(new double[] {0.9, 0.8, 0.2, 0.1}, truth)).isEqualTo(0.0);
  }

  @Test
  void theAreaCountsPairsAndHalvesTies() {
    // Positives 0.8 and 0.4, negatives 0.6 and 0.4: of the four pairs, (0.8, 0.6) and (0.8, 0.4)
    // are ordered, (0.4, 0.6) is not, (0.4, 0.4) is a tie: (2 + 0.5) / 4.
    double auc = Metrics.rocAuc(new double[] {0.8, 0.4, 0.6, 0.4}, new boolean[] {T, T, F, F});
    assertThat(auc).isCloseTo(0.625, offset(1e-12));
  }

  @Test
  void theAreaIsUndefinedWithOneClass() {
    assertThat(Metrics.rocAuc(new double[] {0.1, 0.9}, new boolean[] {F, F})).isNaN();
  }

  @Test
  void countsAtAThresholdCallTheThresholdItselfPositive() {
    double[] scores = {0.9, 0.5, 0.4, 0.6, 0.1};
    boolean[] truth = {T, T, T, F, F};
    Metrics.Confusion c = Metrics.Confusion.at(scores, truth, 0.5);
    assertThat(c).isEqualTo(new Metrics.Confusion(2, 1, 1, 1));
    assertThat(c.recall()).isCloseTo(2 / 3.0, offset(1e-12));
    assertThat(c.precision()).isCloseTo(2 / 3.0, offset(1e-12));
    assertThat(c.falsePositiveRate()).isCloseTo(0.5, offset(1e-12));
  }

  @Test
  void ratesWithoutADenominatorAreNaN() {
    Metrics.Confusion none = Metrics.Confusion.at(new double[] {0.1}, new boolean[] {F}, 0.5);
    assertThat(none.recall()).isNaN();
    assertThat(none.precision()).isNaN();
    assertThat(none.falsePositiveRate()).isZero();
  }

  @Test
  void percentilesUseTheNearestRank() {
    long[] values = {5, 1, 4, 2, 3, 6, 7, 8, 9, 10};
    assertThat(Metrics.percentile(values, 0.5)).isEqualTo(5);
    assertThat(Metrics.percentile(values, 0.99)).isEqualTo(10);
    assertThat(Metrics.percentile(values, 0.1)).isEqualTo(1);
    assertThat(Metrics.percentile(new long[] {7}, 0.5)).isEqualTo(7);
    assertThatThrownBy(() -> Metrics.percentile(new long[0], 0.5))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
