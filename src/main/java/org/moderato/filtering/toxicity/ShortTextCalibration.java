package org.moderato.filtering.toxicity;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.moderato.classifier.LogisticModel;
import org.moderato.filtering.text.EvasionFolding;

/**
 * Less evidence, less confidence: a comment of one or two words gives the model almost nothing to
 * go on, and its score for "root" or "a reply" is noise (about 0.6 before this). Scores above 0.5
 * of texts shorter than {@link #FULL_WORDS} words are pulled towards 0.5 on the logit scale in
 * proportion to their length, so a short text needs strong evidence ("you idiot" still scores about 0.8 and
 * is held) and a neutral one no longer nudges its author. Texts of {@link #FULL_WORDS} words or
 * more are unchanged, so the cross-validated figures on reader comments are unaffected. Applied by
 * {@link LocalToxicityModel} only: an external scorer is trusted to be calibrated its own way.
 */
final class ShortTextCalibration {

  static final int FULL_WORDS = 6;
  private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");

  private ShortTextCalibration() {}

  static ToxicityScores apply(ToxicityScores scores, String text) {
    long words = WORD.matcher(EvasionFolding.fold(text)).results().count();
    if (words >= FULL_WORDS) {
      return scores;
    }
    double weight = Math.max(1, words) / (double) FULL_WORDS;
    Map<String, Double> categories = new LinkedHashMap<>();
    scores.categories().forEach((name, p) -> categories.put(name, shrink(p, weight)));
    return new ToxicityScores(shrink(scores.toxicity(), weight), categories, scores.features());
  }

  /** Pulls a score above 0.5 towards 0.5; never raises a low one. */
  static double shrink(double p, double weight) {
    if (p <= 0.5) {
      return p;
    }
    return LogisticModel.sigmoid(ScoreScale.logit(p) * weight);
  }
}
