package org.moderato.classifier;

import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Trains a {@link LogisticModel} offline. Deterministic: examples are featurized in order and
 * shuffled with {@link TrainingConfig#seed()}, so a command run twice on the same data writes the
 * same model file.
 *
 * <p>Runs on the calling thread and takes seconds for thousands of examples: call it from a
 * command or a test, never from an event loop.
 */
public final class Trainer {

  private Trainer() {}

  /**
   * Fits a model.
   *
   * @param name the model's name, for example {@code spam}
   * @param provenance how the data was chosen, stored in the model file
   * @throws IllegalArgumentException if either class has no examples
   */
  public static LogisticModel train(String name, String provenance, List<Example> examples,
      FeatureSpec spec, TrainingConfig config) {
    return fit(name, provenance, examples, spec, config, null, 0);
  }

  /**
   * Continues training from {@code start} on more examples, with each weight's L2 penalty measured
   * from its value in {@code start} rather than from zero. The result moves only as far from the
   * starting model as the new examples demand: use it to teach a model what a new kind of text
   * looks like (long news comments) without unlearning what it knew.
   *
   * @param examples the new examples; unlike {@link #train}, one class alone is allowed (classes
   *     are then not balanced), since teaching a model more negatives is the common case
   * @param anchor the penalty per example step on the distance from {@code start}; the larger, the
   *     closer the result stays
   */
  public static LogisticModel fineTune(LogisticModel start, String provenance,
      List<Example> examples, TrainingConfig config, double anchor) {
    if (start.experts() != 1) {
      throw new IllegalArgumentException("fine-tune one expert at a time");
    }
    String full = provenance + "; fine-tuned from [" + start.provenance() + "] with anchor "
        + anchor;
    return fit(start.name(), full, examples, start.spec(), config, start, anchor);
  }

  private static LogisticModel fit(String name, String provenance, List<Example> examples,
      FeatureSpec spec, TrainingConfig config, LogisticModel start, double anchor) {
    int n = examples.size();
    FeatureExtractor extractor = new FeatureExtractor(spec);
    SparseVector[] xs = new SparseVector[n];
    double positiveWeight = 0;
    double negativeWeight = 0;
    for (int i = 0; i < n; i++) {
      Example e = examples.get(i);
      xs[i] = extractor.extract(e.text());
      if (e.positive()) {
        positiveWeight += e.weight();
      } else {
        negativeWeight += e.weight();
      }
    }
    boolean bothClasses = positiveWeight > 0 && negativeWeight > 0;
    if (!bothClasses && start == null) {
      throw new IllegalArgumentException("training needs examples of both classes");
    }
    double total = positiveWeight + negativeWeight;
    boolean balance = config.balanceClasses() && bothClasses;
    double positiveScale = balance ? total / (2 * positiveWeight) : 1;
    double negativeScale = balance ? total / (2 * negativeWeight) : 1;

    int dim = spec.dimension();
    float[] w = new float[dim];
    float[] w0 = new float[dim];
    if (start != null) {
      for (int j = 0; j < dim; j++) {
        w0[j] = (float) start.weight(j);
      }
      System.arraycopy(w0, 0, w, 0, dim);
    }
    float[] g2 = new float[dim];
    double bias = start == null ? 0 : start.bias();
    double biasG2 = 0;
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    Random random = new Random(config.seed());
    double lr = config.learningRate();
    for (int epoch = 0; epoch < config.epochs(); epoch++) {
      for (int i = n - 1; i > 0; i--) {
        int j = random.nextInt(i + 1);
        int t = order[i];
        order[i] = order[j];
        order[j] = t;
      }
      for (int i : order) {
        Example e = examples.get(i);
        SparseVector x = xs[i];
        double p = LogisticModel.sigmoid(bias + x.dot(w));
        double g = (p - (e.positive() ? 1 : 0))
            * e.weight() * (e.positive() ? positiveScale : negativeScale);
        for (int k = 0; k < x.size(); k++) {
          int j = x.index(k);
          double grad = g * x.value(k) + config.l2() * w[j] + anchor * (w[j] - w0[j]);
          g2[j] += (float) (grad * grad);
          w[j] -= (float) (lr * grad / Math.sqrt(g2[j] + 1e-8));
        }
        biasG2 += g * g;
        bias -= lr * g / Math.sqrt(biasG2 + 1e-8);
      }
    }
    for (int j = 0; j < dim; j++) {
      if (Math.abs(w[j]) < 1e-5f) {
        w[j] = 0;
      }
    }
    String settings = String.format(Locale.ROOT,
        "examples=%d (positive weight %.1f, negative weight %.1f); %s; %s",
        n, positiveWeight, negativeWeight, spec, config);
    String fullProvenance = provenance == null || provenance.isEmpty()
        ? settings : provenance + "; " + settings;
    return new LogisticModel(name, fullProvenance, spec, w, bias);
  }
}
