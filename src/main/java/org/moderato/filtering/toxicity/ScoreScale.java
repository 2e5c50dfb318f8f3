package org.moderato.filtering.toxicity;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Locale;
import org.moderato.classifier.LogisticModel;

/**
 * How the overall head's probability becomes the score the thresholds read: below the hold
 * threshold ({@code pivot}, as a logit) the distance to it is stretched by {@code lowerSlope} on
 * the logit scale; at and above it the score is the head's own. Monotone, so it changes no
 * ranking, and the pivot stays where it is, so what is held (and rejected) does not change either.
 *
 * <p>Why: the head's bias is set so that the hold threshold holds 4% of ordinary news comments,
 * which left a text with no telling words at about 0.4 and a plain remark with a few incidental
 * ones at 0.6, next to the nudge. The head's logits are too timid below the threshold: Platt
 * scaling on the news file's labeled rows gives them a slope of about 1.7. Using that slope below
 * the threshold spreads ordinary comments downwards, as a calibrated score would. Above it the
 * slope stays 1, so the reject threshold keeps the meaning it had on the dev data. Immutable and
 * thread-safe; applying it costs two logarithms and an exponential.
 *
 * @param pivot the logit where the stretch starts (that of the hold threshold at training time)
 * @param lowerSlope the stretch below the pivot, at least 1 (1: the head's scores as they are)
 */
record ScoreScale(double pivot, double lowerSlope) {

  /** The head's scores as they are (model files written before the scale existed). */
  static final ScoreScale IDENTITY = new ScoreScale(0, 1);

  ScoreScale {
    if (!Double.isFinite(pivot) || !(lowerSlope >= 1) || !Double.isFinite(lowerSlope)) {
      throw new IllegalArgumentException("bad score scale: pivot=" + pivot + ", lowerSlope="
          + lowerSlope);
    }
  }

  /** The score of a head probability {@code p}. */
  double apply(double p) {
    if (lowerSlope == 1) {
      return p;
    }
    double z = logit(p);
    return z >= pivot ? p : LogisticModel.sigmoid(pivot + (z - pivot) * lowerSlope);
  }

  void write(DataOutputStream out) throws IOException {
    out.writeDouble(pivot);
    out.writeDouble(lowerSlope);
  }

  static ScoreScale read(DataInputStream in) throws IOException {
    try {
      return new ScoreScale(in.readDouble(), in.readDouble());
    } catch (IllegalArgumentException e) {
      throw new IOException(e.getMessage(), e);
    }
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "logits below %.3f (score %.2f) stretched x%.3f", pivot,
        LogisticModel.sigmoid(pivot), lowerSlope);
  }

  /** The inverse of {@link LogisticModel#sigmoid}, with {@code p} clipped away from 0 and 1. */
  static double logit(double p) {
    double clipped = Math.min(1 - 1e-9, Math.max(1e-9, p));
    return Math.log(clipped / (1 - clipped));
  }
}
