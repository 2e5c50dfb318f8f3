package org.moderato.classifier;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.moderato.filtering.Candidate;
import org.moderato.filtering.FilterPipeline;
import org.moderato.filtering.Thresholds;
import org.moderato.filtering.spam.SpamTask;
import org.moderato.filtering.toxicity.ToxicityCli;

/**
 * The {@code train} and {@code eval} commands:
 *
 * <pre>
 * train --task spam --data DIR_OR_CSV... --out FILE
 * eval  --task spam --data DIR_OR_CSV... [--model FILE] [--cv source] [--show-errors N]
 * </pre>
 *
 * <p>{@code train} fits the task's model on every usable row and writes the model file.
 * {@code eval} runs each row through the real {@link FilterPipeline} (the task's filters, default
 * thresholds) and prints ROC-AUC and recall, precision and false-positive rate at the configured
 * thresholds, per source and overall, and the median and p99 time per comment. By default it
 * scores with the shipped model (or {@code --model}); with {@code --cv source} it instead trains
 * one model per source on all other sources and scores the held-out source with it, so no row is
 * ever scored by a model that saw it. Pass the long-form ham file too to measure how often real
 * news comments would be held.
 *
 * <p>{@code --task toxicity} is handed over whole to that task's own command line
 * ({@link #DELEGATED}), which has its own options.
 *
 * <p>Runs on the calling thread without a Vert.x instance: all the task's filters must complete
 * their futures at once. Not for use inside the server.
 */
public final class ClassifierCli {

  /**
   * The known tasks by {@code --task} name, run by this command line. To add one, implement
   * {@link ClassifierTask} and add a line here.
   */
  public static final Map<String, Supplier<ClassifierTask>> TASKS = Map.of("spam", SpamTask::new);

  /**
   * Tasks that bring their own command line (their own options and report), by {@code --task}
   * name: the whole argument list is handed over.
   */
  public static final Map<String, TaskCommand> DELEGATED = Map.of("toxicity", ToxicityCli::run);

  /** A task's own {@code train}/{@code eval} command line; returns the exit code. */
  @FunctionalInterface
  public interface TaskCommand {
    int run(String[] args, PrintStream out, PrintStream err);
  }

  private ClassifierCli() {}

  /** Runs a command, printing to standard output; returns the process exit code. */
  public static int run(String[] args) {
    return run(args, System.out, System.err);
  }

  /**
   * Runs a command.
   *
   * @return 0 on success, 2 on a usage error, 1 on a failure (unreadable data, I/O)
   */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    if (args.length == 0 || !(args[0].equals("train") || args[0].equals("eval"))) {
      err.println(usage());
      return 2;
    }
    for (int i = 1; i + 1 < args.length; i++) {
      if (args[i].equals("--task") && DELEGATED.containsKey(args[i + 1])) {
        return DELEGATED.get(args[i + 1]).run(args, out, err);
      }
    }
    Map<String, List<String>> options;
    try {
      options = parse(args);
    } catch (IllegalArgumentException e) {
      err.println(e.getMessage());
      err.println(usage());
      return 2;
    }
    String taskName;
    try {
      taskName = single(options, "task", null);
    } catch (IllegalArgumentException e) {
      err.println(e.getMessage());
      return 2;
    }
    Supplier<ClassifierTask> factory = taskName == null ? null : TASKS.get(taskName);
    if (factory == null) {
      err.println("--task must be one of " + taskNames() + ", was " + taskName);
      return 2;
    }
    List<String> data = options.getOrDefault("data", List.of());
    if (data.isEmpty()) {
      err.println("--data names at least one CSV file or directory");
      return 2;
    }
    ClassifierTask task = factory.get();
    String target;
    String cv;
    int showErrors;
    String modelFile;
    try {
      target = single(options, "out", null);
      cv = single(options, "cv", null);
      showErrors = Integer.parseInt(single(options, "show-errors", "0"));
      modelFile = single(options, "model", null);
    } catch (IllegalArgumentException e) {
      err.println(e.getMessage());
      return 2;
    }
    if (args[0].equals("train") && target == null) {
      err.println("train needs --out FILE");
      return 2;
    }
    if (cv != null && !cv.equals("source")) {
      err.println("--cv takes 'source' (hold out one source at a time), was " + cv);
      return 2;
    }
    try {
      List<LabeledText> rows = task.usable(
          CsvDataset.readAll(data.stream().map(Path::of).toList()));
      if (args[0].equals("train")) {
        return train(task, rows, Path.of(target), out);
      }
      return evaluate(task, rows, cv != null, modelFile, showErrors, out);
    } catch (IOException | RuntimeException e) {
      err.println(args[0] + " failed: " + e);
      return 1;
    }
  }

  private static int train(ClassifierTask task, List<LabeledText> rows, Path target,
      PrintStream out) throws IOException {
    long start = System.nanoTime();
    LogisticModel model = task.train(rows);
    Path parent = target.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    try (OutputStream file = Files.newOutputStream(target)) {
      model.write(file);
    }
    out.printf(Locale.ROOT, "Trained %s on %d rows in %.1f s: %d non-zero weights, %s (%d bytes)%n",
        task.name(), rows.size(), (System.nanoTime() - start) / 1e9, model.nonZeroWeights(),
        target, Files.size(target));
    out.println(model.provenance());
    return 0;
  }

  private static int evaluate(ClassifierTask task, List<LabeledText> rows, boolean crossValidate,
      String modelFile, int showErrors, PrintStream out) throws IOException {
    Thresholds thresholds = Thresholds.DEFAULTS;
    double[] scores = new double[rows.size()];
    // By identity: two rows with the same fields are still two rows to score.
    Map<LabeledText, Integer> position = new IdentityHashMap<>();
    for (int i = 0; i < rows.size(); i++) {
      position.put(rows.get(i), i);
    }
    List<Long> nanos = new ArrayList<>();
    if (crossValidate) {
      out.println("Leave-one-source-out cross-validation: each source is scored by a model trained"
          + " on all the other sources.");
      for (GroupedCrossValidation.Fold<LabeledText> fold
          : GroupedCrossValidation.leaveOneGroupOut(rows, LabeledText::source)) {
        LogisticModel model = task.train(fold.train());
        score(task, model, thresholds, fold.test(), scores, position, nanos);
      }
    } else {
      LogisticModel model = modelFile == null
          ? LogisticModel.fromResource(task.modelResource())
          : readModel(Path.of(modelFile));
      out.println("Model: " + (modelFile == null ? task.modelResource() : modelFile));
      score(task, model, thresholds, rows, scores, position, nanos);
    }
    report(task, rows, scores, task.thresholds(thresholds), nanos, out);
    if (showErrors > 0) {
      showErrors(task, rows, scores, showErrors, out);
    }
    return 0;
  }

  private static LogisticModel readModel(Path file) throws IOException {
    try (var in = Files.newInputStream(file)) {
      return LogisticModel.read(in);
    }
  }

  private static void score(ClassifierTask task, LogisticModel model, Thresholds thresholds,
      List<LabeledText> rows, double[] scores, Map<LabeledText, Integer> position,
      List<Long> nanos) {
    FilterPipeline pipeline = new FilterPipeline(task.filters(model), thresholds);
    Instant now = Instant.now();
    List<Candidate> candidates = rows.stream()
        .map(row -> Candidate.dry(row.author(), row.text(), now)).toList();
    // A first pass warms the JIT, so the timings describe a running server, not class loading.
    for (Candidate candidate : candidates) {
      pipeline.run(candidate).result();
    }
    for (int i = 0; i < rows.size(); i++) {
      long start = System.nanoTime();
      var verdict = pipeline.run(candidates.get(i)).result();
      nanos.add(System.nanoTime() - start);
      scores[position.get(rows.get(i))] = task.score(verdict);
    }
  }

  private static void report(ClassifierTask task, List<LabeledText> rows, double[] scores,
      Map<String, Double> thresholds, List<Long> nanos, PrintStream out) {
    Map<String, List<Integer>> bySource = new LinkedHashMap<>();
    rows.stream().map(LabeledText::source).sorted().distinct()
        .forEach(source -> bySource.put(source, new ArrayList<>()));
    List<Integer> all = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      bySource.get(rows.get(i).source()).add(i);
      all.add(i);
    }
    StringBuilder header = new StringBuilder(String.format(Locale.ROOT,
        "%-44s %5s %5s %5s %7s", "source", "rows", "pos", "neg", "ROC-AUC"));
    thresholds.forEach((name, t) -> header.append(String.format(Locale.ROOT,
        " | %-4s>=%.2f: %6s %6s %6s", name, t, "recall", "prec", "FPR")));
    out.println();
    out.println(header);
    out.println("-".repeat(header.length()));
    bySource.forEach((source, indices) -> out.println(line(task, source, rows, scores, indices,
        thresholds)));
    out.println("-".repeat(header.length()));
    // Sources named family/part are also summed per family, for example all YouTube videos.
    Map<String, List<Integer>> byFamily = new LinkedHashMap<>();
    bySource.forEach((source, indices) -> {
      int slash = source.indexOf('/');
      if (slash > 0) {
        byFamily.computeIfAbsent(source.substring(0, slash) + "/*", f -> new ArrayList<>())
            .addAll(indices);
      }
    });
    byFamily.forEach((family, indices) -> out.println(line(task, family, rows, scores, indices,
        thresholds)));
    out.println(line(task, "overall", rows, scores, all, thresholds));
    long[] times = nanos.stream().mapToLong(Long::longValue).toArray();
    out.printf(Locale.ROOT, "%nTime per comment through the pipeline: median %.1f us, p99 %.1f us"
        + " (%d comments)%n", Metrics.percentile(times, 0.5) / 1e3,
        Metrics.percentile(times, 0.99) / 1e3, times.length);
  }

  private static String line(ClassifierTask task, String name, List<LabeledText> rows,
      double[] scores, List<Integer> indices, Map<String, Double> thresholds) {
    double[] s = new double[indices.size()];
    boolean[] truth = new boolean[indices.size()];
    int positives = 0;
    for (int k = 0; k < indices.size(); k++) {
      s[k] = scores[indices.get(k)];
      truth[k] = task.label(rows.get(indices.get(k)));
      positives += truth[k] ? 1 : 0;
    }
    StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-44s %5d %5d %5d %7s",
        name.length() > 44 ? name.substring(0, 44) : name, s.length, positives,
        s.length - positives, format(Metrics.rocAuc(s, truth), 4)));
    thresholds.forEach((label, t) -> {
      Metrics.Confusion c = Metrics.Confusion.at(s, truth, t);
      line.append(String.format(Locale.ROOT, " | %10s %6s %6s %6s", "",
          format(c.recall(), 3), format(c.precision(), 3), format(c.falsePositiveRate(), 4)));
    });
    return line.toString();
  }

  private static void showErrors(ClassifierTask task, List<LabeledText> rows, double[] scores,
      int n, PrintStream out) {
    List<Integer> negatives = new ArrayList<>();
    List<Integer> positives = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      (task.label(rows.get(i)) ? positives : negatives).add(i);
    }
    negatives.sort(Comparator.comparingDouble(i -> -scores[i]));
    positives.sort(Comparator.comparingDouble(i -> scores[i]));
    out.printf("%nHighest-scoring negatives:%n");
    negatives.stream().limit(n).forEach(i -> out.println(example(rows.get(i), scores[i])));
    out.printf("%nLowest-scoring positives:%n");
    positives.stream().limit(n).forEach(i -> out.println(example(rows.get(i), scores[i])));
  }

  private static String example(LabeledText row, double score) {
    String text = row.text().replaceAll("\\s+", " ");
    return String.format(Locale.ROOT, "  %.3f  %-26s %s", score,
        row.source().length() > 26 ? row.source().substring(row.source().length() - 26)
            : row.source(), text.length() > 150 ? text.substring(0, 150) + "..." : text);
  }

  private static String format(double value, int digits) {
    return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%." + digits + "f", value);
  }

  private static Map<String, List<String>> parse(String[] args) {
    Map<String, List<String>> options = new HashMap<>();
    String current = null;
    for (int i = 1; i < args.length; i++) {
      if (args[i].startsWith("--")) {
        current = args[i].substring(2);
        if (!List.of("task", "data", "out", "model", "cv", "show-errors").contains(current)) {
          throw new IllegalArgumentException("unknown option " + args[i]);
        }
        options.put(current, new ArrayList<>());
      } else if (current == null) {
        throw new IllegalArgumentException("unexpected argument " + args[i]);
      } else {
        options.get(current).add(args[i]);
      }
    }
    return options;
  }

  private static String single(Map<String, List<String>> options, String key, String fallback) {
    List<String> values = options.get(key);
    if (values == null || values.isEmpty()) {
      return fallback;
    }
    if (values.size() > 1) {
      throw new IllegalArgumentException("--" + key + " takes one value, got " + values);
    }
    return values.get(0);
  }

  private static String usage() {
    return """
        usage:
          train --task TASK --data DIR_OR_CSV... --out FILE
          eval  --task TASK --data DIR_OR_CSV... [--model FILE] [--cv source] [--show-errors N]
        tasks: %s (with their own options: %s)""".formatted(taskNames(), DELEGATED.keySet());
  }

  private static List<String> taskNames() {
    List<String> names = new ArrayList<>(TASKS.keySet());
    names.addAll(DELEGATED.keySet());
    return names.stream().sorted().toList();
  }

  /** Runs {@link #run(String[])} and exits with its code. */
  public static void main(String[] args) {
    System.exit(run(args));
  }
}
