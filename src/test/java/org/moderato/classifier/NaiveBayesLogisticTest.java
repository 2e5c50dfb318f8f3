package org.moderato.classifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import java.io.ByteArrayInputStream;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class NaiveBayesLogisticTest {

  private static final NaiveBayesLogistic.Settings SETTINGS =
      new NaiveBayesLogistic.Settings(1, 1);

  private static LogisticModel model() {
    return NaiveBayesLogistic.train("toy", "toy data", ToyData.examples(), ToyData.SPEC,
        TrainingConfig.DEFAULTS, SETTINGS);
  }

  @Test
  @DisplayName("the scaled model separates its training examples and scores unseen ones sensibly")
  void learnsTheToyData() {
    LogisticModel model = model();

    for (Example e : ToyData.examples()) {
      assertThat(model.score(e.text()) >= 0.5).as(e.text()).isEqualTo(e.positive());
    }
    assertThat(model.score("subscribe to my channel, free money"))
        .isGreaterThan(model.score("the council should fix the bridge"));
  }

  @Test
  @DisplayName("training twice gives the same weights, and the model survives its file format")
  void isDeterministicAndAPlainModel() throws Exception {
    LogisticModel first = model();
    LogisticModel second = model();

    assertThat(first.toBytes()).isEqualTo(second.toBytes());
    LogisticModel read = LogisticModel.read(new ByteArrayInputStream(first.toBytes()));
    assertThat(read.experts()).isEqualTo(1);
    assertThat(read.score("visit my website")).isCloseTo(first.score("visit my website"),
        offset(1e-6));
    assertThat(first.provenance()).contains("NB-LR", "toy data");
  }

  @Test
  @DisplayName("a feature seen only in one class gets a larger scale than one seen in both")
  void scalesFollowTheLogCountRatio() {
    List<Example> examples = List.of(new Example("spam spam offer", true),
        new Example("offer news", false));
    FeatureSpec words = new FeatureSpec(FeatureSpec.CURRENT_VERSION, 12, 1, 0, 0, false, 100);
    FeatureExtractor extractor = new FeatureExtractor(words);
    SparseVector[] xs = examples.stream().map(e -> extractor.extract(e.text()))
        .toArray(SparseVector[]::new);

    float[] scale = NaiveBayesLogistic.scales(xs, examples, words.dimension(), SETTINGS);

    int spam = extractor.extract("spam").index(0);
    int offer = extractor.extract("offer").index(0);
    assertThat(scale[spam]).isGreaterThan(scale[offer]);
  }

  @Test
  @DisplayName("a blend scores the weighted average of its models' logits")
  void blendAveragesLogits() {
    LogisticModel a = model();
    LogisticModel b = Trainer.train("toy", "", ToyData.examples(), ToyData.SPEC,
        TrainingConfig.DEFAULTS);

    LogisticModel blend = NaiveBayesLogistic.blend("toy", "blend", List.of(a, b),
        new double[] {3, 1});

    for (Example e : ToyData.examples()) {
      SparseVector x = a.extractor().extract(e.text());
      assertThat(blend.logit(x)).isCloseTo(0.75 * a.logit(x) + 0.25 * b.logit(x), offset(1e-3));
    }
  }

  @Test
  void trainingNeedsBothClassesAndBlendsNeedMatchingSpecs() {
    List<Example> onlySpam = List.of(new Example("buy now", true), new Example("click", true));
    assertThatThrownBy(() -> NaiveBayesLogistic.train("x", "", onlySpam, ToyData.SPEC,
        TrainingConfig.DEFAULTS, SETTINGS)).isInstanceOf(IllegalArgumentException.class);
    LogisticModel other = NaiveBayesLogistic.train("x", "", ToyData.examples(),
        ToyData.SPEC.withHashBits(12), TrainingConfig.DEFAULTS, SETTINGS);
    assertThatThrownBy(() -> NaiveBayesLogistic.blend("x", "", List.of(model(), other),
        new double[] {1, 1})).isInstanceOf(IllegalArgumentException.class);
  }
}
