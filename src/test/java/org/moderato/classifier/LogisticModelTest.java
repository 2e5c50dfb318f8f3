package org.moderato.classifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

class LogisticModelTest {

  private static final LogisticModel MODEL = ToyData.model();
  private static final List<String> PROBES = List.of("subscribe to my channel",
      "the council voted on taxes", "free money at cheapstuff.com", "", "ok");

  @Test
  void aSavedModelLoadsBackWithIdenticalScores() throws IOException {
    LogisticModel loaded = LogisticModel.read(new ByteArrayInputStream(MODEL.toBytes()));
    assertThat(loaded.name()).isEqualTo("toy");
    assertThat(loaded.spec()).isEqualTo(MODEL.spec());
    assertThat(loaded.provenance()).contains("toy data");
    for (String probe : PROBES) {
      assertThat(loaded.score(probe)).isEqualTo(MODEL.score(probe));
    }
  }

  @Test
  void trainingTwiceOnTheSameDataWritesTheSameBytes() {
    assertThat(ToyData.model().toBytes()).isEqualTo(MODEL.toBytes());
  }

  @Test
  void theTrainedModelSeparatesItsOwnTrainingData() {
    for (Example e : ToyData.examples()) {
      assertThat(MODEL.score(e.text()) >= 0.5).as(e.text()).isEqualTo(e.positive());
    }
  }

  @Test
  void scoresAreProbabilities() {
    for (String probe : PROBES) {
      assertThat(MODEL.score(probe)).isBetween(0.0, 1.0);
    }
  }

  @Test
  void explanationNamesTheFeaturesThatPushedTheScore() {
    List<Contribution> top = MODEL.explain("subscribe to my channel", 3);
    assertThat(top).hasSize(3);
    assertThat(top.get(0).logit()).isGreaterThan(0);
    assertThat(Math.abs(top.get(0).logit())).isGreaterThanOrEqualTo(Math.abs(top.get(2).logit()));
    assertThat(top).extracting(Contribution::feature)
        .anyMatch(f -> f.contains("subscribe") || f.contains("channel")
            || f.equals("call to action") || f.equals("self-promotion"));
    assertThat(top.get(0).display()).matches(".+ [+-]\\d+\\.\\d\\d");
  }

  @Test
  void aConjunctionTakesTheSmallestLogitOfItsExperts() throws IOException {
    LogisticModel plain = MODEL;
    LogisticModel lower = MODEL.withBiasShift(-2, "test");
    LogisticModel both = LogisticModel.conjunction("toy", "both", List.of(plain, lower));
    for (String probe : PROBES) {
      SparseVector x = plain.extractor().extract(probe);
      assertThat(both.logit(x))
          .isCloseTo(lower.logit(x), org.assertj.core.data.Offset.offset(1e-9));
    }
    LogisticModel loaded = LogisticModel.read(new ByteArrayInputStream(both.toBytes()));
    assertThat(loaded.experts()).isEqualTo(2);
    assertThat(loaded.score("subscribe now")).isEqualTo(both.score("subscribe now"));
  }

  @Test
  void anUnknownFileIsRefusedRatherThanMisread() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
      gzip.write(new byte[] {1, 2, 3, 4, 5, 6, 7, 8});
    }
    assertThatThrownBy(() -> LogisticModel.read(new ByteArrayInputStream(bytes.toByteArray())))
        .isInstanceOf(IOException.class).hasMessageContaining("magic");
  }

  @Test
  void aMissingResourceIsAnIoErrorNamingThePath() {
    assertThatThrownBy(() -> LogisticModel.fromResource("models/nope.model"))
        .isInstanceOf(IOException.class).hasMessageContaining("models/nope.model");
  }
}
