package org.moderato.classifier;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.moderato.filtering.CommentFilter;
import org.moderato.filtering.Thresholds;
import org.moderato.filtering.Verdict;

/**
 * What the {@code train} and {@code eval} commands need to know about one kind of classifier (spam,
 * toxicity, ...): how labels map to classes, what features and training settings to use, where the
 * shipped model lives, and how to build the real filters around a model so evaluation runs the
 * pipeline the server runs. Register an implementation in {@link ClassifierCli#TASKS}.
 */
public interface ClassifierTask {

  /** The {@code --task} name, for example {@code spam}. */
  String name();

  /**
   * The class of a labeled row: true for the positive class, false for the negative one, null to
   * skip the row (a label this task does not use).
   */
  Boolean label(LabeledText row);

  /** How much a row counts in training, relative to 1. Default 1. */
  default double weight(LabeledText row) {
    return 1;
  }

  FeatureSpec featureSpec();

  TrainingConfig trainingConfig();

  /** The class-path resource the shipped model is loaded from, for example models/spam.model. */
  String modelResource();

  /** The filters to evaluate with {@code model}, in pipeline order. */
  List<CommentFilter> filters(LogisticModel model);

  /** The score this task is judged on, taken from the pipeline's verdict. */
  double score(Verdict verdict);

  /** The configured thresholds to report at, by name (for example hold and spam), in order. */
  Map<String, Double> thresholds(Thresholds thresholds);

  /** The rows this task uses (label not null), in order. */
  default List<LabeledText> usable(List<LabeledText> rows) {
    List<LabeledText> out = new ArrayList<>();
    for (LabeledText row : rows) {
      if (label(row) != null) {
        out.add(row);
      }
    }
    return out;
  }

  /** Training examples for the usable rows. */
  default List<Example> examples(List<LabeledText> rows) {
    List<Example> out = new ArrayList<>();
    for (LabeledText row : rows) {
      Boolean positive = label(row);
      if (positive != null) {
        out.add(new Example(row.text(), positive, weight(row)));
      }
    }
    return out;
  }

  /**
   * The training sets of the experts whose conjunction is the model (see
   * {@link LogisticModel#conjunction}). Default: one expert trained on all usable rows. A set that
   * lacks one of the classes (for example when the data given has no long-form negatives) is
   * skipped.
   */
  default List<List<Example>> expertExamples(List<LabeledText> rows) {
    return List.of(examples(rows));
  }

  /**
   * Trains this task's model on {@code rows}, deterministically. Runs on the calling thread for
   * seconds; never call it on an event loop.
   *
   * @throws IllegalArgumentException if no expert has examples of both classes
   */
  default LogisticModel train(List<LabeledText> rows) {
    String provenance = describe(rows);
    List<LogisticModel> experts = new ArrayList<>();
    for (List<Example> set : expertExamples(rows)) {
      boolean positive = set.stream().anyMatch(Example::positive);
      boolean negative = set.stream().anyMatch(e -> !e.positive());
      if (positive && negative) {
        experts.add(Trainer.train(name(), provenance + "; expert " + (experts.size() + 1), set,
            featureSpec(), trainingConfig()));
      }
    }
    if (experts.isEmpty()) {
      throw new IllegalArgumentException("no expert has examples of both classes");
    }
    return experts.size() == 1 ? experts.get(0)
        : LogisticModel.conjunction(name(), provenance + "; conjunction of " + experts.size()
            + " experts; " + featureSpec() + "; " + trainingConfig(), experts);
  }

  /** A short description of the rows, for the model file's provenance. */
  default String describe(List<LabeledText> rows) {
    Map<String, int[]> bySource = new LinkedHashMap<>();
    for (LabeledText row : rows) {
      Boolean positive = label(row);
      if (positive != null) {
        bySource.computeIfAbsent(row.source(), s -> new int[2])[positive ? 0 : 1]++;
      }
    }
    StringBuilder out = new StringBuilder("task=" + name() + "; data:");
    bySource.forEach((source, counts) -> out.append(' ').append(source)
        .append(" (").append(counts[0]).append('+').append(counts[1]).append('-').append(')'));
    return out.toString();
  }
}
