package org.moderato.filtering.toxicity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.moderato.classifier.OnlineGuard;

class ScoreScaleTest {

  private static final ScoreScale AT_HOLD = new ScoreScale(ScoreScale.logit(0.70), 1.75);

  @ParameterizedTest(name = "{0} becomes {1}")
  @CsvSource({
      "0.70, 0.70",
      "0.85, 0.85",
      "0.999, 0.999",
      // 0.5 is 0.847 logits under the pivot; stretched by 1.75 it is 1.483 under: 0.346.
      "0.50, 0.346",
      "0.40, 0.207"})
  void scoresBelowThePivotAreStretchedAndTheRestIsKept(double p, double expected) {
    assertThat(AT_HOLD.apply(p)).isCloseTo(expected, within(0.002));
  }

  @Test
  @DisplayName("the scale keeps the order of scores and the side of the hold threshold")
  void monotoneAndKeepsTheHoldDecision() {
    double previous = -1;
    for (int i = 1; i < 1000; i++) {
      double p = i / 1000.0;
      double scaled = AT_HOLD.apply(p);
      assertThat(scaled).isGreaterThan(previous).isBetween(0.0, 1.0);
      assertThat(scaled >= 0.70).isEqualTo(p >= 0.70);
      assertThat(scaled).isLessThanOrEqualTo(p);
      previous = scaled;
    }
  }

  @Test
  @DisplayName("a slope under 1 would squeeze scores and is refused")
  void refusesASqueeze() {
    assertThatThrownBy(() -> new ScoreScale(0, 0.5)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  @DisplayName("Platt scaling recovers the slope that the labels were drawn with")
  void plattSlopeIsRecovered() {
    List<double[]> points = new ArrayList<>();
    for (int step = -40; step <= 40; step++) {
      double logit = step / 10.0;
      long positives = Math.round(100 / (1 + Math.exp(-(2 * logit - 0.5))));
      for (int i = 0; i < 100; i++) {
        points.add(new double[] {logit, i < positives ? 1 : 0});
      }
    }

    assertThat(ToxicityTraining.plattSlope(points)).isCloseTo(2.0, within(0.05));
  }

  @Test
  @DisplayName("the shipped model carries its scale through a write and a read")
  void scaleRoundTripsThroughTheModelFile() throws Exception {
    ToxicityClassifier shipped = ToxicityClassifier.bundled();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    shipped.write(bytes);
    ToxicityClassifier read = ToxicityClassifier.read(new ByteArrayInputStream(bytes.toByteArray()),
        OnlineGuard.DEFAULTS, InstantSource.system());

    assertThat(read.scale()).isEqualTo(shipped.scale());
    assertThat(shipped.scale().lowerSlope()).isGreaterThan(1);
    String text = "Night trains need a dining car.";
    assertThat(read.score(text).toxicity()).isEqualTo(shipped.score(text).toxicity());
  }

  @Test
  @DisplayName("a model file of format 1, written before the scale, loads with scores unscaled")
  void formatOneLoadsUnscaled() throws Exception {
    ToxicityClassifier shipped = ToxicityClassifier.bundled();
    ByteArrayOutputStream current = new ByteArrayOutputStream();
    shipped.write(current);
    byte[] file = current.toByteArray();
    // Format 1 is format 2 without the two doubles of the scale at the end.
    ByteArrayOutputStream old = new ByteArrayOutputStream();
    DataOutputStream data = new DataOutputStream(old);
    data.write(file, 0, 4);
    data.writeInt(1);
    data.write(file, 8, file.length - 8 - 2 * Double.BYTES);
    ToxicityClassifier read = ToxicityClassifier.read(new ByteArrayInputStream(old.toByteArray()),
        OnlineGuard.DEFAULTS, InstantSource.system());

    assertThat(read.scale()).isEqualTo(ScoreScale.IDENTITY);
    String text = "Night trains need a dining car.";
    assertThat(read.score(text).toxicity())
        .isGreaterThan(shipped.score(text).toxicity());
  }
}
