package org.moderato.classifier;

/**
 * Settings of {@link Trainer}: AdaGrad stochastic gradient descent on the log loss with an L2
 * penalty.
 *
 * @param epochs passes over the data
 * @param learningRate AdaGrad's base step
 * @param l2 the L2 penalty per example step
 * @param seed the shuffling seed; the same data, spec and config always give the same model
 * @param balanceClasses whether to weight the classes so each has the same total weight, so the
 *     decision threshold of 0.5 is not dragged toward whichever class has more rows
 */
public record TrainingConfig(
    int epochs, double learningRate, double l2, long seed, boolean balanceClasses) {

  /** 15 epochs, step 0.1, L2 1e-6, seed 20150601, balanced classes. */
  public static final TrainingConfig DEFAULTS = new TrainingConfig(15, 0.1, 1e-6, 20150601L, true);

  public TrainingConfig {
    if (epochs < 1 || !(learningRate > 0) || !(l2 >= 0)) {
      throw new IllegalArgumentException("bad training config: epochs=" + epochs
          + ", learningRate=" + learningRate + ", l2=" + l2);
    }
  }

  /** A copy with another number of epochs. */
  public TrainingConfig withEpochs(int n) {
    return new TrainingConfig(n, learningRate, l2, seed, balanceClasses);
  }

  /** A copy with another L2 penalty. */
  public TrainingConfig withL2(double value) {
    return new TrainingConfig(epochs, learningRate, value, seed, balanceClasses);
  }

  /** A copy with another base step. */
  public TrainingConfig withLearningRate(double value) {
    return new TrainingConfig(epochs, value, l2, seed, balanceClasses);
  }
}
