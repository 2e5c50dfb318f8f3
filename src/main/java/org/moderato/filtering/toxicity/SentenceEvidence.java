package org.moderato.filtering.toxicity;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.moderato.classifier.LogisticModel;

/**
 * The overall head's logit for a comment of several sentences: three quarters the whole
 * comment's, one quarter its most toxic sentence's, each scored by the same head.
 *
 * <p>Why: the features of a comment are scaled to unit length ({@code FeatureExtractor}), so one
 * insult among several ordinary sentences weighs less the longer the comment is, while a comment
 * is as hurtful as its worst sentence. Scored alone, that sentence keeps its weight. The whole
 * comment still carries most of the score, so a long comment is not judged by one stray word
 * alone. A comment of one sentence scores as before. Training is unchanged (the head learns from
 * whole comments); the calibration and the evaluation score through here like the classifier.
 *
 * <p>A sentence ends at a newline or at {@code .}, {@code !} or {@code ?} (a run of them) followed
 * by a space or the end; a full stop inside a word ("3.5", "U.S.A") ends nothing. Only the first
 * {@link org.moderato.classifier.FeatureSpec#maxChars()} characters are split, as only they are
 * read for the whole comment. Stateless and thread-safe; it costs about one more feature
 * extraction of the comment.
 */
final class SentenceEvidence {

  /**
   * The most toxic sentence's share of the logit. Chosen after seeing cross-validation: 0.25 and
   * 0.5 both raised news and Wikipedia ROC-AUC; 0.25 raised Wikipedia more, 0.75 and 1 (the
   * worst sentence alone) lowered it (see docs/toxicity.md).
   */
  static final double SHARE = 0.25;

  private static final int MAX_CHARS = ToxicityTraining.SPEC.maxChars();

  private SentenceEvidence() {}

  /** The blended logit of {@code prepared} (text from {@link ToxicityText#prepare}). */
  static double logit(String prepared, LogisticModel head) {
    return logit(prepared, ScoreScale.logit(head.score(prepared)),
        s -> ScoreScale.logit(head.score(s)));
  }

  /**
   * The blended logit, given the whole comment's logit and the head's logit of any text; the
   * whole comment's logit alone when it has fewer than two sentences.
   */
  static double logit(String prepared, double whole, ToDoubleFunction<String> logitOf) {
    List<String> sentences = sentences(prepared);
    if (sentences.size() < 2) {
      return whole;
    }
    double worst = Double.NEGATIVE_INFINITY;
    for (String sentence : sentences) {
      worst = Math.max(worst, logitOf.applyAsDouble(sentence));
    }
    return (1 - SHARE) * whole + SHARE * worst;
  }

  /** The sentences of {@code text} that hold a letter or digit, trimmed. */
  static List<String> sentences(String text) {
    List<String> out = new ArrayList<>();
    int n = Math.min(text.length(), MAX_CHARS);
    int start = 0;
    int i = 0;
    while (i < n) {
      char c = text.charAt(i);
      int end = -1;
      if (c == '\n') {
        end = i + 1;
      } else if (c == '.' || c == '!' || c == '?') {
        int k = i;
        while (k < n && (text.charAt(k) == '.' || text.charAt(k) == '!'
            || text.charAt(k) == '?')) {
          k++;
        }
        if (k == n || Character.isWhitespace(text.charAt(k))) {
          end = k;
        }
        i = k - 1;
      }
      if (end >= 0) {
        add(out, text.substring(start, end));
        start = end;
        i = end;
      } else {
        i++;
      }
    }
    add(out, text.substring(start, n));
    return out;
  }

  private static void add(List<String> out, String sentence) {
    String trimmed = sentence.strip();
    for (int i = 0; i < trimmed.length(); i++) {
      if (Character.isLetterOrDigit(trimmed.charAt(i))) {
        out.add(trimmed);
        return;
      }
    }
  }
}
