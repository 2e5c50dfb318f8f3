package org.moderato.filtering.toxicity;

import java.io.PrintStream;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntPredicate;
import java.util.stream.IntStream;
import org.moderato.classifier.GroupedCrossValidation;
import org.moderato.classifier.LabeledText;
import org.moderato.classifier.LogisticModel;
import org.moderato.classifier.Metrics;
import org.moderato.classifier.OnlineGuard;

/**
 * The cross-validated evaluation behind {@code eval --task toxicity}. Every row (of every file) is
 * put in one of k folds by its near-duplicate cluster ({@link NearDuplicates}), so copies of a
 * text are never split between training and test; each fold is scored by heads trained on the
 * other folds, with the same data handling and training as the shipped model, including the
 * overall head's calibration, which looks only at the fold's training rows (nested).
 *
 * <p>Reports, for the overall head: ROC-AUC per source, for Wikipedia as a whole and overall;
 * recall and false-positive rate at the nudge, hold and reject thresholds; and the shortcut check
 * (how news-style {@code ok} comments score compared with Wikipedia {@code ok} ones). For the
 * category heads: ROC-AUC on their attribute labels. Then the time per comment of the full
 * scoring path on one thread, and thresholds suggested by the figures.
 */
final class ToxicityEvaluation {

  private static final String NEWS_OK = "civil-comments-ni/toxicity";
  private static final String CIVIL_TOXIC = "civil-comments/toxic-spans";

  private final List<LabeledText> rows;
  private final int[] fold;
  private final int folds;
  private final PrintStream out;

  ToxicityEvaluation(List<LabeledText> rows, int folds, PrintStream out) {
    this.rows = rows;
    this.folds = folds;
    this.out = out;
    int[] cluster = NearDuplicates.clusters(rows);
    this.fold = new int[rows.size()];
    for (int i = 0; i < rows.size(); i++) {
      // A fixed mix of the cluster id: reproducible, and unrelated to file order or source.
      fold[i] = Math.floorMod(Integer.rotateLeft(cluster[i] * 0x9E3779B1, 13) * 0x85EBCA6B, folds);
    }
    long clusters = Arrays.stream(cluster).distinct().count();
    out.printf(Locale.ROOT, "Toxicity: %d-fold cross-validation over %d rows, %d near-duplicate"
        + " clusters (a cluster is never split between folds).%n", folds, rows.size(), clusters);
  }

  /**
   * Out-of-fold scores of one head for the rows it is evaluated on (NaN elsewhere). Each fold's
   * head is trained, blended and calibrated exactly as the shipped one, on that fold's training
   * rows only (the calibration's own cross-validation runs inside them). Folds run in parallel on
   * up to {@code availableProcessors} threads; the result does not depend on their order.
   */
  double[] crossValidate(Head head, ToxicityCorpus.Options options,
      Map<Head, ToxicityTraining.Trained> keepFirstFold) {
    double[] scores = new double[rows.size()];
    Arrays.fill(scores, Double.NaN);
    List<Integer> all = IntStream.range(0, rows.size()).boxed().toList();
    List<GroupedCrossValidation.Fold<Integer>> splits =
        GroupedCrossValidation.leaveOneGroupOut(all, i -> "fold-" + fold[i]);
    int threads = Math.max(1, Math.min(splits.size(),
        Runtime.getRuntime().availableProcessors()));
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<ToxicityTraining.Trained>> models = new ArrayList<>();
      for (GroupedCrossValidation.Fold<Integer> f : splits) {
        models.add(pool.submit(() -> {
          List<LabeledText> train = f.train().stream().map(rows::get).toList();
          ToxicityTraining.Trained model = ToxicityTraining.trainHead(head, train, options);
          for (int i : f.test()) {
            if (ToxicityCorpus.evaluated(head, rows.get(i))) {
              scores[i] = model.score(ToxicityText.prepare(rows.get(i).text()));
            }
          }
          return model;
        }));
      }
      for (Future<ToxicityTraining.Trained> model : models) {
        ToxicityTraining.Trained m = model.get();
        if (keepFirstFold != null && !keepFirstFold.containsKey(head)) {
          keepFirstFold.put(head, m);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("cross-validation interrupted", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("cross-validation failed: " + e.getCause(), e.getCause());
    } finally {
      pool.shutdownNow();
    }
    return scores;
  }

  /** Prints the table of the overall head and the shortcut check. */
  void reportOverall(String title, double[] scores, ToxicityThresholds t,
      ToxicityCorpus.Options options) {
    Map<String, List<Integer>> groups = new LinkedHashMap<>();
    rows.stream().filter(r -> ToxicityCorpus.evaluated(Head.TOXICITY, r))
        .map(LabeledText::source).distinct().sorted()
        .forEach(s -> groups.put(s, new ArrayList<>()));
    groups.put("wikipedia-talk (all)", new ArrayList<>());
    groups.put("overall", new ArrayList<>());
    for (int i = 0; i < rows.size(); i++) {
      if (Double.isNaN(scores[i])) {
        continue;
      }
      String source = rows.get(i).source();
      groups.get(source).add(i);
      if (source.startsWith("wikipedia-talk/")) {
        groups.get("wikipedia-talk (all)").add(i);
      }
      groups.get("overall").add(i);
    }
    out.println();
    out.println(title + " (" + options + ")");
    String header = String.format(Locale.ROOT, "%-40s %5s %5s %5s %7s | %-22s | %-22s | %-22s",
        "source", "rows", "toxic", "ok", "ROC-AUC",
        String.format(Locale.ROOT, "nudge>=%.2f recall FPR", t.nudge()),
        String.format(Locale.ROOT, "hold>=%.2f recall FPR", t.hold()),
        String.format(Locale.ROOT, "reject>=%.2f recall FPR", t.reject()));
    out.println(header);
    out.println("-".repeat(header.length()));
    groups.forEach((name, indices) -> out.println(line(name, indices, scores, t)));

    double newsOk = mean(scores, i -> rows.get(i).source().equals(NEWS_OK) && !toxic(i));
    double wikiOk = mean(scores,
        i -> rows.get(i).source().startsWith("wikipedia-talk/") && !toxic(i));
    double[] okScores = IntStream.range(0, rows.size())
        .filter(i -> !Double.isNaN(scores[i]) && !toxic(i)
            && (rows.get(i).source().equals(NEWS_OK)
                || rows.get(i).source().startsWith("wikipedia-talk/")))
        .mapToDouble(i -> scores[i]).toArray();
    boolean[] isNews = new boolean[okScores.length];
    int k = 0;
    for (int i = 0; i < rows.size(); i++) {
      if (!Double.isNaN(scores[i]) && !toxic(i) && (rows.get(i).source().equals(NEWS_OK)
          || rows.get(i).source().startsWith("wikipedia-talk/"))) {
        isNews[k++] = rows.get(i).source().equals(NEWS_OK);
      }
    }
    out.printf(Locale.ROOT, "Shortcut check: mean score of ok comments, news %.3f vs Wikipedia"
        + " %.3f; style AUC (ok rows only, news vs Wikipedia; 0.5 = style tells nothing) %.3f%n",
        newsOk, wikiOk, Metrics.rocAuc(okScores, isNews));
  }

  private String line(String name, List<Integer> indices, double[] scores, ToxicityThresholds t) {
    double[] s = indices.stream().mapToDouble(i -> scores[i]).toArray();
    boolean[] truth = new boolean[s.length];
    int positives = 0;
    for (int k = 0; k < s.length; k++) {
      truth[k] = toxic(indices.get(k));
      positives += truth[k] ? 1 : 0;
    }
    StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-40s %5d %5d %5d %7s",
        name.length() > 40 ? name.substring(0, 40) : name, s.length, positives,
        s.length - positives, format(Metrics.rocAuc(s, truth))));
    for (double threshold : new double[] {t.nudge(), t.hold(), t.reject()}) {
      Metrics.Confusion c = Metrics.Confusion.at(s, truth, threshold);
      line.append(String.format(Locale.ROOT, " | %10s %5s %5s", "",
          format(c.recall()), format(c.falsePositiveRate())));
    }
    return line.toString();
  }

  /** Prints the ROC-AUC of a category head on its own attribute labels. */
  void reportCategory(Head head, double[] scores) {
    List<Integer> indices = IntStream.range(0, rows.size())
        .filter(i -> !Double.isNaN(scores[i])).boxed().toList();
    double[] s = indices.stream().mapToDouble(i -> scores[i]).toArray();
    boolean[] truth = new boolean[s.length];
    int positives = 0;
    for (int k = 0; k < s.length; k++) {
      truth[k] = Boolean.TRUE.equals(ToxicityCorpus.label(head, rows.get(indices.get(k)),
          ToxicityCorpus.Options.DEFAULTS));
      positives += truth[k] ? 1 : 0;
    }
    out.printf(Locale.ROOT, "Category %-16s ROC-AUC %s on %d attribute rows (%d yes, %d no)%n",
        head.category(), format(Metrics.rocAuc(s, truth)), s.length, positives,
        s.length - positives);
  }

  /**
   * Suggests thresholds from out-of-fold scores: hold where at most 5% of ordinary news comments
   * are held, nudge where at most 15% would be asked to reconsider, reject where at most 0.5% of
   * ok comments of any source would be refused.
   */
  ToxicityThresholds suggest(double[] scores) {
    double hold = lowestWithFpr(scores, i -> rows.get(i).source().equals(NEWS_OK), 0.05);
    double nudge = Math.min(hold,
        lowestWithFpr(scores, i -> rows.get(i).source().equals(NEWS_OK), 0.15));
    double reject = Math.max(hold, lowestWithFpr(scores, i -> true, 0.005));
    ToxicityThresholds suggested = new ToxicityThresholds(nudge, hold, reject);
    out.printf(Locale.ROOT, "Suggested thresholds from these scores: nudge %.2f (news ok FPR <="
        + " 15%%), hold %.2f (news ok FPR <= 5%%), reject %.2f (ok FPR <= 0.5%% everywhere)%n",
        nudge, hold, reject);
    return suggested;
  }

  private double lowestWithFpr(double[] scores, IntPredicate which,
      double maxFpr) {
    double[] ok = IntStream.range(0, rows.size())
        .filter(i -> !Double.isNaN(scores[i]) && !toxic(i) && which.test(i))
        .mapToDouble(i -> scores[i]).sorted().toArray();
    for (int step = 1; step <= 99; step++) {
      double threshold = step / 100.0;
      long above = Arrays.stream(ok).filter(s -> s >= threshold).count();
      if (above <= maxFpr * ok.length) {
        return threshold;
      }
    }
    return 0.99;
  }

  /**
   * Times the scoring path on one thread, with and without the explanation (worked out for scores
   * of 0.5 and more), after a warm-up pass so the figures describe a running server.
   */
  void reportCost(ToxicityClassifier classifier) {
    List<String> texts = rows.stream()
        .filter(r -> ToxicityCorpus.evaluated(Head.TOXICITY, r)).map(LabeledText::text).toList();
    int[] lengths = texts.stream().mapToInt(String::length).toArray();
    out.printf(Locale.ROOT, "%nTime per comment on one thread (%d comments, median length %d"
        + " chars):%n", texts.size(),
        Metrics.percentile(Arrays.stream(lengths).asLongStream().toArray(), 0.5));
    timed(classifier, texts, false, 1, "scores only (all heads)");
    timed(classifier, texts, true, 1, "scores + explanation");
    // On a shared machine single timings include time the thread was not running; the fastest of
    // five runs of the same text is the CPU cost. The inline path (scores only) sizes the limit.
    timed(classifier, texts, true, 5, "scores + expl., best of 5");
    List<long[]> byLength = timed(classifier, texts, false, 5, "scores only, best of 5");
    byLength.sort(Comparator.comparingLong(a -> a[0]));
    for (int limit : new int[] {200, 400, 800, 1600}) {
      long[] within = byLength.stream().filter(a -> a[0] <= limit).mapToLong(a -> a[1]).toArray();
      if (within.length > 0) {
        out.printf(Locale.ROOT, "  scores only, best of 5, texts <= %4d chars: median %.1f us,"
            + " p99 %.1f us (%d)%n", limit,
            Metrics.percentile(within, 0.5) / 1e3, Metrics.percentile(within, 0.99) / 1e3,
            within.length);
      }
    }
    int heads = Head.values().length;
    double megabytes = heads * (double) ToxicityTraining.SPEC.dimension() * Float.BYTES / 1e6;
    out.printf(Locale.ROOT, "Memory: %d heads x 2^%d float weights = %.1f MB of heap, plus the"
        + " feedback delta (at most %d entries, under 1 MB)%n", heads,
        ToxicityTraining.SPEC.hashBits(), megabytes, OnlineGuard.DEFAULTS.maxDeltaFeatures());
  }

  private List<long[]> timed(ToxicityClassifier classifier, List<String> texts, boolean explain,
      int runs, String what) {
    for (String text : texts) {
      classifier.score(text, explain);
    }
    long[] nanos = new long[texts.size()];
    List<long[]> byLength = new ArrayList<>();
    for (int i = 0; i < texts.size(); i++) {
      long best = Long.MAX_VALUE;
      for (int run = 0; run < runs; run++) {
        long start = System.nanoTime();
        classifier.score(texts.get(i), explain);
        best = Math.min(best, System.nanoTime() - start);
      }
      nanos[i] = best;
      byLength.add(new long[] {texts.get(i).length(), nanos[i]});
    }
    out.printf(Locale.ROOT, "  %-26s median %.1f us, p90 %.1f us, p99 %.1f us, max %.1f us%n",
        what, Metrics.percentile(nanos, 0.5) / 1e3, Metrics.percentile(nanos, 0.9) / 1e3,
        Metrics.percentile(nanos, 0.99) / 1e3, Arrays.stream(nanos).max().orElse(0) / 1e3);
    return byLength;
  }

  /** Runs the whole report. */
  static void run(List<LabeledText> rows, int folds, boolean compareNaive, PrintStream out) {
    ToxicityEvaluation eval = new ToxicityEvaluation(rows, folds, out);
    ToxicityThresholds t = ToxicityThresholds.DEFAULTS;
    Map<Head, ToxicityTraining.Trained> firstFold = new EnumMap<>(Head.class);
    double[] overall = eval.crossValidate(Head.TOXICITY, ToxicityCorpus.Options.DEFAULTS,
        firstFold);
    eval.reportOverall("Overall toxicity head, out-of-fold", overall, t,
        ToxicityCorpus.Options.DEFAULTS);
    if (compareNaive) {
      double[] naive = eval.crossValidate(Head.TOXICITY, ToxicityCorpus.Options.NAIVE, null);
      eval.reportOverall("For comparison, trained on the data as it comes", naive, t,
          ToxicityCorpus.Options.NAIVE);
    }
    out.println();
    for (Head head : List.of(Head.INSULT, Head.SEVERE_TOXICITY)) {
      eval.reportCategory(head, eval.crossValidate(head, ToxicityCorpus.Options.DEFAULTS,
          firstFold));
    }
    out.println();
    eval.suggest(overall);
    Map<Head, LogisticModel> heads = new EnumMap<>(Head.class);
    firstFold.forEach((head, trained) -> heads.put(head, trained.model()));
    eval.reportCost(new ToxicityClassifier(heads, firstFold.get(Head.TOXICITY).scale(),
        OnlineGuard.DEFAULTS, InstantSource.system()));
  }

  private boolean toxic(int i) {
    return Boolean.TRUE.equals(ToxicityCorpus.label(Head.TOXICITY, rows.get(i),
        ToxicityCorpus.Options.NAIVE));
  }

  private static double mean(double[] scores, IntPredicate which) {
    return IntStream.range(0, scores.length).filter(i -> !Double.isNaN(scores[i]))
        .filter(which).mapToDouble(i -> scores[i]).average().orElse(Double.NaN);
  }

  private static String format(double value) {
    return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%.3f", value);
  }
}
