package org.moderato.classifier;

import java.util.Arrays;
import java.util.Objects;

/**
 * Evaluation measures for a binary scorer. Stateless and thread-safe.
 */
public final class Metrics {

  private Metrics() {}

  /**
   * The area under the ROC curve: the probability that a random positive scores above a random
   * negative, ties counting one half (the Mann-Whitney statistic).
   *
   * @return NaN if either class is absent, since the area is then undefined
   */
  public static double rocAuc(double[] scores, boolean[] positive) {
    check(scores, positive);
    int n = scores.length;
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> Double.compare(scores[a], scores[b]));
    double positiveRankSum = 0;
    long positives = 0;
    int i = 0;
    while (i < n) {
      int j = i;
      while (j + 1 < n && scores[order[j + 1]] == scores[order[i]]) {
        j++;
      }
      double averageRank = (i + j) / 2.0 + 1;
      for (int k = i; k <= j; k++) {
        if (positive[order[k]]) {
          positiveRankSum += averageRank;
          positives++;
        }
      }
      i = j + 1;
    }
    long negatives = n - positives;
    if (positives == 0 || negatives == 0) {
      return Double.NaN;
    }
    return (positiveRankSum - positives * (positives + 1) / 2.0) / ((double) positives * negatives);
  }

  /**
   * Counts at one threshold, where a score at or above the threshold is called positive (as the
   * pipeline's thresholds do).
   */
  public record Confusion(int truePositives, int falsePositives, int trueNegatives,
      int falseNegatives) {

    /** Counts for {@code scores} against the truth at {@code threshold}. */
    public static Confusion at(double[] scores, boolean[] positive, double threshold) {
      check(scores, positive);
      int tp = 0;
      int fp = 0;
      int tn = 0;
      int fn = 0;
      for (int i = 0; i < scores.length; i++) {
        boolean called = scores[i] >= threshold;
        if (positive[i]) {
          tp += called ? 1 : 0;
          fn += called ? 0 : 1;
        } else {
          fp += called ? 1 : 0;
          tn += called ? 0 : 1;
        }
      }
      return new Confusion(tp, fp, tn, fn);
    }

    /** Share of positives called positive; NaN without positives. */
    public double recall() {
      return ratio(truePositives, truePositives + falseNegatives);
    }

    /** Share of calls that were right; NaN without calls. */
    public double precision() {
      return ratio(truePositives, truePositives + falsePositives);
    }

    /** Share of negatives called positive; NaN without negatives. */
    public double falsePositiveRate() {
      return ratio(falsePositives, falsePositives + trueNegatives);
    }

    private static double ratio(int a, int b) {
      return b == 0 ? Double.NaN : a / (double) b;
    }
  }

  /**
   * The nearest-rank percentile of {@code values}: the smallest value with at least {@code q} of
   * the values at or below it ({@code q = 0.5} is the median, {@code 0.99} the p99).
   *
   * @throws IllegalArgumentException if {@code values} is empty or {@code q} is outside (0, 1]
   */
  public static long percentile(long[] values, double q) {
    if (values.length == 0 || !(q > 0 && q <= 1)) {
      throw new IllegalArgumentException("need values and q in (0, 1]");
    }
    long[] sorted = values.clone();
    Arrays.sort(sorted);
    int rank = (int) Math.ceil(q * sorted.length);
    return sorted[Math.max(0, rank - 1)];
  }

  private static void check(double[] scores, boolean[] positive) {
    Objects.requireNonNull(scores, "scores");
    if (scores.length != positive.length) {
      throw new IllegalArgumentException("scores and labels differ in length");
    }
  }
}
