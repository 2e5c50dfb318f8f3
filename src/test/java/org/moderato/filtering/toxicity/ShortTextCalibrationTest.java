package org.moderato.filtering.toxicity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ShortTextCalibrationTest {

  @ParameterizedTest(name = "{0} words, {1} -> at most {2}")
  @CsvSource({
      "root, 0.61, 0.53",
      "a reply, 0.65, 0.56",
      "you idiot, 0.999, 0.95",
      "first, 0.30, 0.30"})
  void shortTextsNeedStrongerEvidence(String text, double score, double atMost) {
    ToxicityScores scores = new ToxicityScores(score, Map.of("insult", score), List.of());
    ToxicityScores calibrated = ShortTextCalibration.apply(scores, text);
    assertThat(calibrated.toxicity()).isLessThanOrEqualTo(atMost);
    assertThat(calibrated.toxicity()).isLessThanOrEqualTo(score);
    if (score > 0.9) {
      assertThat(calibrated.toxicity()).isGreaterThan(0.8);
    }
  }

  @ParameterizedTest
  @CsvSource({"0.1", "0.61", "0.99"})
  void textsOfSixWordsOrMoreAreUnchanged(double score) {
    ToxicityScores scores = new ToxicityScores(score, Map.of(), List.of());
    assertThat(ShortTextCalibration.apply(scores, "one two three four five six").toxicity())
        .isEqualTo(score);
  }
}
