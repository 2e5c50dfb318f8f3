package org.moderato.filtering.toxicity;

import java.time.InstantSource;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.moderato.classifier.Example;
import org.moderato.classifier.FeatureSpec;
import org.moderato.classifier.LabeledText;
import org.moderato.classifier.LogisticModel;
import org.moderato.classifier.NaiveBayesLogistic;
import org.moderato.classifier.OnlineGuard;
import org.moderato.classifier.TrainingConfig;

/**
 * Trains the toxicity heads with the shared classifier machinery. Deterministic: the same rows
 * and settings always give the same model file. Runs on the calling thread for seconds; commands
 * and tests only.
 *
 * <p>Each head is a logistic model over naive-Bayes-scaled features ({@link NaiveBayesLogistic}).
 * The overall head is a blend of two such models, one trained on every domain and one on news
 * comments alone ({@link #NEWS_EXPERT_SHARE}); the blend is one linear model, so it costs one head
 * at scoring time. The news expert never sees another domain, so it cannot learn to tell the
 * domains apart: what it adds is what separates toxic from ordinary reader comments. Finally the
 * overall head's bias is set so that, in a cross-validation inside the training rows, the hold
 * threshold holds {@link #HOLD_RATE} of the ordinary news comments, and scores below the hold
 * threshold are stretched by {@link #LOWER_SLOPE} ({@link #calibrate}, {@link ScoreScale}).
 */
final class ToxicityTraining {

  /**
   * Words and character 2- to 5-grams within words, in 2^19 slots, from the first 4,000
   * characters. Character n-grams stay inside words because across words they mostly learn a
   * writer's punctuation and spacing, that is the source's style (cross-validation: style AUC
   * 0.72 instead of 0.76, news ROC-AUC slightly up). Word bigrams were no better (their main job,
   * negation, is done by {@link ToxicityText}). The spam structural features (links, money, phone
   * numbers) are off: on this data they tell the sources apart, not toxic from ok.
   */
  static final FeatureSpec SPEC =
      new FeatureSpec(FeatureSpec.CURRENT_VERSION, 19, 1, 2, 5, false, 4000, true, 1.0);

  /**
   * The shared defaults, with fewer epochs and a stronger L2 penalty against the small, noisy
   * sets: in cross-validation, 8 epochs held fewer ordinary news comments at the same recall than
   * 12 or 20.
   */
  static final TrainingConfig CONFIG = TrainingConfig.DEFAULTS.withEpochs(8).withL2(5e-6);

  /**
   * The naive-Bayes prior: counts smoothed by 2, ratios sharpened by the power 1.5. Alpha 1 to 4
   * and power 1 to 2 were within 0.01 news ROC-AUC of each other in cross-validation.
   */
  static final NaiveBayesLogistic.Settings NB = new NaiveBayesLogistic.Settings(2, 1.5);

  /** The news-only expert's share of the overall head (0.3 to 0.5 were close; 0.4 is between). */
  static final double NEWS_EXPERT_SHARE = 0.4;

  /**
   * The share of ordinary news comments that the hold threshold should hold, as estimated inside
   * the training rows: 1 point under the 5% that the site accepts. The estimate pools the news
   * file's {@code ok} rows with the Civil Comments sample's ({@link #ordinaryNews}), about 260
   * comments in a cross-validation fold, so its standard error is about 1.3 points: aiming at 5%
   * held 5.7% of the news file's ordinary comments out of fold.
   */
  static final double HOLD_RATE = 0.04;

  /** Folds of the calibration's inner cross-validation. */
  static final int CALIBRATION_FOLDS = 4;

  /** Fewer ordinary news comments than this in the training rows: no calibration. */
  private static final int MIN_CALIBRATION_ROWS = 40;

  /**
   * The news file with both labels, the one sample of reader comments judged toxic or not by the
   * same raters: where the score scale's slope is fitted.
   */
  static final String NEWS_BOTH_LABELS = "civil-comments-ni/toxicity";

  /**
   * How much scores below the hold threshold are stretched on the logit scale
   * ({@link ScoreScale}): the slope that Platt scaling finds for the overall head's
   * cross-validated logits on the news file's labeled rows. Fitted inside each training fold it
   * was 1.53 to 2.04 (1.81 on all rows, 1.73 on the outer out-of-fold scores). It is one fixed
   * value, read from those fits, rather than refitted per model: stretched by different slopes,
   * the folds' scores no longer compare with each other, and the pooled out-of-fold ROC-AUC fell
   * by up to 0.008 for that reason alone, while the shipped model's ranking does not depend on it.
   */
  static final double LOWER_SLOPE = 1.75;

  private ToxicityTraining() {}

  /**
   * A trained head and the scale its probability goes through ({@link ScoreScale#IDENTITY} for
   * the category heads). The overall head also reads a comment's worst sentence
   * ({@link SentenceEvidence}), as {@link ToxicityClassifier} does; the category heads read the
   * whole comment only.
   */
  record Trained(LogisticModel model, ScoreScale scale) {

    /** The score of a text already prepared by {@link ToxicityText#prepare}. */
    double score(String prepared) {
      if (!model.name().equals(Head.TOXICITY.category())) {
        return scale.apply(model.score(prepared));
      }
      return scale.apply(LogisticModel.sigmoid(SentenceEvidence.logit(prepared, model)));
    }
  }

  /** The overall head, blended and calibrated, and the category heads, each on {@code rows}. */
  static Trained trainHead(Head head, List<LabeledText> rows, ToxicityCorpus.Options options) {
    if (head == Head.TOXICITY) {
      return calibrate(rows, options);
    }
    return new Trained(fit(head, rows, options, "all domains"), ScoreScale.IDENTITY);
  }

  /** Trains every head on {@code rows} into a classifier with the default feedback guard. */
  static ToxicityClassifier trainAll(List<LabeledText> rows, ToxicityCorpus.Options options) {
    Map<Head, LogisticModel> heads = new EnumMap<>(Head.class);
    ScoreScale scale = ScoreScale.IDENTITY;
    for (Head head : Head.values()) {
      Trained trained = trainHead(head, rows, options);
      heads.put(head, trained.model());
      if (head == Head.TOXICITY) {
        scale = trained.scale();
      }
    }
    return new ToxicityClassifier(heads, scale, OnlineGuard.DEFAULTS, InstantSource.system());
  }

  /**
   * The overall head before calibration: the all-domain model blended with the news expert, or
   * the all-domain model alone when the news rows lack a class.
   */
  static LogisticModel blended(List<LabeledText> rows, ToxicityCorpus.Options options) {
    LogisticModel all = fit(Head.TOXICITY, rows, options, "all domains");
    List<LabeledText> news = rows.stream()
        .filter(r -> ToxicityCorpus.domain(r).equals("news")).toList();
    if (!bothClasses(ToxicityCorpus.examples(Head.TOXICITY, news, options))) {
      return all;
    }
    LogisticModel expert = fit(Head.TOXICITY, news, options, "news only");
    String provenance = String.format(Locale.ROOT, "blend of %.2f x [%s] and %.2f x [%s]",
        1 - NEWS_EXPERT_SHARE, all.provenance(), NEWS_EXPERT_SHARE, expert.provenance());
    return NaiveBayesLogistic.blend(Head.TOXICITY.category(), provenance, List.of(all, expert),
        new double[] {1 - NEWS_EXPERT_SHARE, NEWS_EXPERT_SHARE});
  }

  /**
   * The blended overall head with its bias moved so that the hold threshold holds
   * {@link #HOLD_RATE} of the ordinary news comments, and the scale that spreads the scores below
   * the hold threshold by {@link #LOWER_SLOPE}. The shift comes from scores of a grouped
   * cross-validation within {@code rows} (near-duplicates never split), so they are scores of
   * comments the model did not train on, and nothing outside {@code rows} is looked at: the
   * evaluation calibrates each fold's head on that fold's training rows only. The same scores give
   * the Platt slope ({@link #plattSlope}) that is written into the provenance as a check on
   * {@link #LOWER_SLOPE}.
   */
  static Trained calibrate(List<LabeledText> rows, ToxicityCorpus.Options options) {
    LogisticModel model = blended(rows, options);
    Calibration c = calibration(rows, options);
    if (c == null) {
      return new Trained(model, ScoreScale.IDENTITY);
    }
    double hold = ToxicityThresholds.DEFAULTS.hold();
    LogisticModel shifted = model.withBiasShift(c.shift(), String.format(Locale.ROOT,
        "hold %.2f holds %.1f%% of ordinary news comments in a %d-fold cross-validation of the"
            + " training rows; Platt slope there on the news file's labeled rows %.2f, scale"
            + " below hold %.2f", hold, HOLD_RATE * 100, CALIBRATION_FOLDS, c.plattSlope(),
        LOWER_SLOPE));
    return new Trained(shifted, new ScoreScale(logit(hold), LOWER_SLOPE));
  }

  /**
   * The bias shift of {@link #calibrate}, and the slope Platt scaling finds for the news file's
   * labeled rows (NaN if there are too few), which is recorded in the model's provenance as a
   * check on {@link #LOWER_SLOPE}.
   */
  record Calibration(double shift, double plattSlope) {}

  /**
   * The calibration from a {@link #CALIBRATION_FOLDS}-fold cross-validation inside {@code rows};
   * null when the rows are too few to estimate it.
   */
  static Calibration calibration(List<LabeledText> rows, ToxicityCorpus.Options options) {
    int[] cluster = NearDuplicates.clusters(rows);
    List<Double> okNews = new ArrayList<>();
    List<double[]> labeledNews = new ArrayList<>();
    for (int f = 0; f < CALIBRATION_FOLDS; f++) {
      List<LabeledText> train = new ArrayList<>();
      List<LabeledText> test = new ArrayList<>();
      for (int i = 0; i < rows.size(); i++) {
        (calibrationFold(cluster[i]) == f ? test : train).add(rows.get(i));
      }
      List<LabeledText> pool = test.stream()
          .filter(r -> ordinaryNews(r) || r.source().equals(NEWS_BOTH_LABELS)).toList();
      if (pool.isEmpty()) {
        continue;
      }
      if (!bothClasses(ToxicityCorpus.examples(Head.TOXICITY, train, options))) {
        return null;
      }
      LogisticModel inner = blended(train, options);
      for (LabeledText row : pool) {
        double p = LogisticModel.sigmoid(
            SentenceEvidence.logit(ToxicityText.prepare(row.text()), inner));
        if (ordinaryNews(row)) {
          okNews.add(p);
        }
        if (row.source().equals(NEWS_BOTH_LABELS)) {
          labeledNews.add(new double[] {logit(p), row.label().equalsIgnoreCase("ok") ? 0 : 1});
        }
      }
    }
    if (okNews.size() < MIN_CALIBRATION_ROWS) {
      return null;
    }
    double[] sorted = okNews.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    double cut = sorted[(int) Math.floor(sorted.length * (1 - HOLD_RATE))];
    double shift = logit(ToxicityThresholds.DEFAULTS.hold()) - logit(cut);
    double slope = labeledNews.size() < MIN_CALIBRATION_ROWS ? Double.NaN
        : plattSlope(labeledNews);
    return new Calibration(shift, slope);
  }

  /**
   * The slope {@code a} of Platt scaling, {@code P(toxic) = sigmoid(a * logit + b)}, fitted by
   * Newton's method on {@code {logit, label}} pairs (maximum likelihood, a tiny ridge so that
   * separable data cannot run off). Deterministic.
   */
  static double plattSlope(List<double[]> points) {
    double a = 1;
    double b = 0;
    for (int iteration = 0; iteration < 50; iteration++) {
      double ga = 1e-3 * (a - 1);
      double gb = 0;
      double haa = 1e-3;
      double hab = 0;
      double hbb = 1e-9;
      for (double[] point : points) {
        double p = LogisticModel.sigmoid(a * point[0] + b);
        double r = p - point[1];
        double v = p * (1 - p);
        ga += r * point[0];
        gb += r;
        haa += v * point[0] * point[0];
        hab += v * point[0];
        hbb += v;
      }
      double det = haa * hbb - hab * hab;
      if (!(det > 0)) {
        break;
      }
      double da = (hbb * ga - hab * gb) / det;
      double db = (haa * gb - hab * ga) / det;
      a -= da;
      b -= db;
      if (Math.abs(da) + Math.abs(db) < 1e-9) {
        break;
      }
    }
    return a;
  }

  /**
   * Ordinary reader comments of a news site: the {@code ok} rows of the news file with both
   * labels and of the Civil Comments sample.
   */
  static boolean ordinaryNews(LabeledText row) {
    return (row.source().equals(NEWS_BOTH_LABELS)
        || row.source().equals("civil-comments-first100"))
        && row.label().equalsIgnoreCase("ok");
  }

  /** A fixed mix of the cluster id, unlike the evaluation's, so inner folds cut across outer. */
  private static int calibrationFold(int cluster) {
    return Math.floorMod(Integer.rotateLeft(cluster * 0x85EBCA6B, 7) * 0x9E3779B1,
        CALIBRATION_FOLDS);
  }

  private static LogisticModel fit(Head head, List<LabeledText> rows,
      ToxicityCorpus.Options options, String scope) {
    List<Example> examples = ToxicityCorpus.examples(head, rows, options);
    return NaiveBayesLogistic.train(head.category(), provenance(head, examples, options, scope),
        examples, SPEC, CONFIG, NB);
  }

  private static boolean bothClasses(List<Example> examples) {
    boolean positive = examples.stream().anyMatch(Example::positive);
    boolean negative = examples.stream().anyMatch(e -> !e.positive());
    return positive && negative;
  }

  private static double logit(double p) {
    double clipped = Math.min(1 - 1e-9, Math.max(1e-9, p));
    return Math.log(clipped / (1 - clipped));
  }

  private static String provenance(Head head, List<Example> examples,
      ToxicityCorpus.Options options, String scope) {
    long positives = examples.stream().filter(Example::positive).count();
    return "task=toxicity; head=" + head.category() + "; data=datasets/toxicity (" + scope
        + "); rows=" + examples.size() + " (" + positives + " positive); " + options;
  }
}
