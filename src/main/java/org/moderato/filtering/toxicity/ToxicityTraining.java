package org.moderato.filtering.toxicity;

import java.time.InstantSource;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.moderato.classifier.Example;
import org.moderato.classifier.FeatureSpec;
import org.moderato.classifier.LabeledText;
import org.moderato.classifier.LogisticModel;
import org.moderato.classifier.OnlineGuard;
import org.moderato.classifier.Trainer;
import org.moderato.classifier.TrainingConfig;

/**
 * Trains the toxicity heads with the shared classifier machinery. Deterministic: the same rows
 * and settings always give the same model file. Runs on the calling thread for seconds; commands
 * and tests only.
 */
final class ToxicityTraining {

  /**
   * Words and character 3- to 5-grams within words, in 2^19 slots, from the first 4,000
   * characters. Character n-grams stay inside words because across words they mostly learn a
   * writer's punctuation and spacing, that is the source's style (cross-validation: style AUC
   * 0.72 instead of 0.76, news ROC-AUC slightly up). Word bigrams were no better (their main job,
   * negation, is done by {@link ToxicityText}). The spam structural features (links, money, phone
   * numbers) are off: on this data they tell the sources apart, not toxic from ok.
   */
  static final FeatureSpec SPEC =
      new FeatureSpec(FeatureSpec.CURRENT_VERSION, 19, 1, 3, 5, false, 4000, true, 1.0);

  /**
   * The shared defaults, with fewer epochs and a stronger L2 penalty against the small, noisy
   * sets: in cross-validation, 8 epochs held fewer ordinary news comments at the same recall than
   * 12 or 20.
   */
  static final TrainingConfig CONFIG = TrainingConfig.DEFAULTS.withEpochs(8).withL2(5e-6);

  private ToxicityTraining() {}

  /** Trains one head on {@code rows}. */
  static LogisticModel trainHead(Head head, List<LabeledText> rows, ToxicityCorpus.Options options,
      FeatureSpec spec, TrainingConfig config) {
    List<Example> examples = ToxicityCorpus.examples(head, rows, options);
    return Trainer.train(head.category(), provenance(head, examples, options), examples, spec,
        config);
  }

  /** Trains every head on {@code rows} into a classifier with the default feedback guard. */
  static ToxicityClassifier trainAll(List<LabeledText> rows, ToxicityCorpus.Options options) {
    Map<Head, LogisticModel> heads = new EnumMap<>(Head.class);
    for (Head head : Head.values()) {
      heads.put(head, trainHead(head, rows, options, SPEC, CONFIG));
    }
    return new ToxicityClassifier(heads, OnlineGuard.DEFAULTS, InstantSource.system());
  }

  private static String provenance(Head head, List<Example> examples,
      ToxicityCorpus.Options options) {
    long positives = examples.stream().filter(Example::positive).count();
    return "task=toxicity; head=" + head.category() + "; data=datasets/toxicity; rows="
        + examples.size() + " (" + positives + " positive); " + options;
  }
}
