package org.moderato.classifier;

import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Logistic regression over naive-Bayes-scaled features (NB-LR, after Wang and Manning's NBSVM,
 * 2012): every feature is first multiplied by its log-count ratio, how much more often it occurs
 * in positive than in negative examples, and a logistic model is fitted on the scaled features.
 * The scale is folded back into the weights, so the result is a plain {@link LogisticModel} over
 * the same hashed features: same file format, same scoring cost, same online learning.
 *
 * <p>Why: on small, noisy text sets a plain logistic model spreads weight over every n-gram that
 * happens to co-occur with a label, while the ratio tells it up front which n-grams carry the
 * label at all, so features seen a few times in one class count and incidental ones stay small.
 * It acts as a prior on the weights, computed from the training data only.
 *
 * <p>Deterministic (same examples and settings, same weights), like {@link Trainer}: AdaGrad on
 * the log loss, classes balanced, shuffled with the config's seed. Runs on the calling thread for
 * seconds; commands and tests only. Also {@link #blend}: a weighted average of linear models over
 * one feature spec is itself one linear model.
 */
public final class NaiveBayesLogistic {

  private NaiveBayesLogistic() {}

  /**
   * How the ratios are computed.
   *
   * @param alpha additive smoothing of the per-class feature counts (larger: rare features get
   *     ratios closer to 0)
   * @param power the scale is {@code |ratio|^power}; above 1 sharpens the prior
   */
  public record Settings(double alpha, double power) {

    public Settings {
      if (!(alpha > 0) || !(power > 0)) {
        throw new IllegalArgumentException("bad NB-LR settings: alpha=" + alpha + ", power="
            + power);
      }
    }
  }

  /**
   * Fits a model.
   *
   * @param provenance how the data was chosen, stored in the model file
   * @throws IllegalArgumentException if either class has no examples
   */
  public static LogisticModel train(String name, String provenance, List<Example> examples,
      FeatureSpec spec, TrainingConfig config, Settings settings) {
    FeatureExtractor extractor = new FeatureExtractor(spec);
    SparseVector[] xs = new SparseVector[examples.size()];
    for (int i = 0; i < xs.length; i++) {
      xs[i] = extractor.extract(examples.get(i).text());
    }
    int dim = spec.dimension();
    float[] scale = scales(xs, examples, dim, settings);
    double positiveWeight = 0;
    double negativeWeight = 0;
    for (Example e : examples) {
      if (e.positive()) {
        positiveWeight += e.weight();
      } else {
        negativeWeight += e.weight();
      }
    }
    if (!(positiveWeight > 0 && negativeWeight > 0)) {
      throw new IllegalArgumentException("training needs examples of both classes");
    }
    double total = positiveWeight + negativeWeight;
    boolean balance = config.balanceClasses();
    double positiveScale = balance ? total / (2 * positiveWeight) : 1;
    double negativeScale = balance ? total / (2 * negativeWeight) : 1;

    float[] w = new float[dim];
    float[] g2 = new float[dim];
    double bias = 0;
    double biasG2 = 0;
    int n = xs.length;
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
        double z = bias;
        for (int k = 0; k < x.size(); k++) {
          int j = x.index(k);
          z += w[j] * (double) x.value(k) * scale[j];
        }
        double g = (LogisticModel.sigmoid(z) - (e.positive() ? 1 : 0))
            * e.weight() * (e.positive() ? positiveScale : negativeScale);
        for (int k = 0; k < x.size(); k++) {
          int j = x.index(k);
          double grad = g * x.value(k) * scale[j] + config.l2() * w[j];
          g2[j] += (float) (grad * grad);
          w[j] -= (float) (lr * grad / Math.sqrt(g2[j] + 1e-8));
        }
        biasG2 += g * g;
        bias -= lr * g / Math.sqrt(biasG2 + 1e-8);
      }
    }
    for (int j = 0; j < dim; j++) {
      w[j] *= scale[j];
      if (Math.abs(w[j]) < 1e-5f) {
        w[j] = 0;
      }
    }
    String settingsText = String.format(Locale.ROOT,
        "NB-LR (alpha %s, power %s); examples=%d (positive weight %.1f, negative weight %.1f);"
            + " %s; %s", settings.alpha(), settings.power(), n, positiveWeight, negativeWeight,
        spec, config);
    String full = provenance == null || provenance.isEmpty()
        ? settingsText : provenance + "; " + settingsText;
    return new LogisticModel(name, full, spec, w, bias);
  }

  /**
   * Per slot, {@code |log((p + alpha) / |p|) - log((q + alpha) / |q|)|^power}, where {@code p}
   * and {@code q} are the example-weighted counts of texts with the feature among positives and
   * negatives.
   */
  static float[] scales(SparseVector[] xs, List<Example> examples, int dim, Settings settings) {
    double[] positive = new double[dim];
    double[] negative = new double[dim];
    double positiveTotal = 0;
    double negativeTotal = 0;
    for (int i = 0; i < xs.length; i++) {
      Example e = examples.get(i);
      SparseVector x = xs[i];
      for (int k = 0; k < x.size(); k++) {
        if (x.value(k) <= 0) {
          continue;
        }
        if (e.positive()) {
          positive[x.index(k)] += e.weight();
          positiveTotal += e.weight();
        } else {
          negative[x.index(k)] += e.weight();
          negativeTotal += e.weight();
        }
      }
    }
    double alpha = settings.alpha();
    double p = positiveTotal + alpha * dim;
    double q = negativeTotal + alpha * dim;
    float[] scale = new float[dim];
    for (int j = 0; j < dim; j++) {
      double ratio = Math.log((positive[j] + alpha) / p) - Math.log((negative[j] + alpha) / q);
      scale[j] = (float) Math.pow(Math.abs(ratio), settings.power());
    }
    return scale;
  }

  /**
   * The weighted average of plain models over one feature spec: its logit is the weighted average
   * of theirs, so an ensemble of linear heads costs one head at scoring time.
   *
   * @param shares one per model, positive; normalized to sum to 1
   * @throws IllegalArgumentException if the specs differ, a model is a conjunction, or the shares
   *     do not match the models
   */
  public static LogisticModel blend(String name, String provenance, List<LogisticModel> models,
      double[] shares) {
    if (models.isEmpty() || models.size() != shares.length) {
      throw new IllegalArgumentException("one share per model is needed");
    }
    FeatureSpec spec = models.get(0).spec();
    double sum = 0;
    for (int m = 0; m < models.size(); m++) {
      if (!models.get(m).spec().equals(spec) || models.get(m).experts() != 1) {
        throw new IllegalArgumentException("blended models need one spec and one expert each");
      }
      if (!(shares[m] > 0)) {
        throw new IllegalArgumentException("shares must be positive");
      }
      sum += shares[m];
    }
    int dim = spec.dimension();
    float[] w = new float[dim];
    double bias = 0;
    for (int m = 0; m < models.size(); m++) {
      LogisticModel model = models.get(m);
      double share = shares[m] / sum;
      for (int j = 0; j < dim; j++) {
        w[j] += (float) (share * model.weight(j));
      }
      bias += share * model.bias();
    }
    return new LogisticModel(name, provenance, spec, w, bias);
  }
}
