package org.moderato.classifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class TrainerTest {

  @Test
  void trainingNeedsBothClasses() {
    List<Example> onlySpam = List.of(new Example("buy now", true), new Example("click", true));
    assertThatThrownBy(() -> Trainer.train("x", "", onlySpam, ToyData.SPEC,
        TrainingConfig.DEFAULTS)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void fineTuningLearnsTheNewExamplesWhileAnchoredToTheStart() {
    LogisticModel start = ToyData.model();
    String newHam = "please check out the library opening hours on saturday";
    List<Example> more = List.of(new Example(newHam, false, 3));
    LogisticModel loose = Trainer.fineTune(start, "more ham", more, TrainingConfig.DEFAULTS
        .withEpochs(5), 0);
    LogisticModel anchored = Trainer.fineTune(start, "more ham", more, TrainingConfig.DEFAULTS
        .withEpochs(5), 1);
    assertThat(loose.score(newHam)).isLessThan(start.score(newHam));
    assertThat(anchored.score(newHam)).isBetween(loose.score(newHam), start.score(newHam));
    assertThat(loose.provenance()).contains("fine-tuned from", "toy data");
  }

  @Test
  void aConjunctionCannotBeFineTuned() {
    LogisticModel both = LogisticModel.conjunction("x", "", List.of(ToyData.model(),
        ToyData.model()));
    assertThatThrownBy(() -> Trainer.fineTune(both, "", ToyData.examples(),
        TrainingConfig.DEFAULTS, 0.1)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aBiasShiftMovesEveryLogitByTheSameAmount() {
    LogisticModel model = ToyData.model();
    LogisticModel shifted = model.withBiasShift(1.5, "test");
    for (Example e : ToyData.examples()) {
      SparseVector x = model.extractor().extract(e.text());
      assertThat(shifted.logit(x) - model.logit(x))
          .isCloseTo(1.5, org.assertj.core.data.Offset.offset(1e-9));
    }
  }
}
