package org.moderato.filtering.toxicity;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.moderato.classifier.LabeledText;

/**
 * The toxicity commands, for {@code ClassifierCli --task toxicity} to delegate to:
 *
 * <pre>
 * train --task toxicity [--data datasets/toxicity] [--out src/main/resources/models/toxicity.model]
 * eval  --task toxicity [--data datasets/toxicity] [--folds 5] [--compare-naive]
 * </pre>
 *
 * <p>{@code train} fits every head on all rows and writes the model file; the same data and code
 * always give the same file. {@code eval} runs the grouped cross-validation of
 * {@link ToxicityEvaluation}; {@code --compare-naive} also trains on the data as it comes, to
 * show the source shortcut that the shipped training removes. Runs on the calling thread, takes
 * tens of seconds to minutes; not for use inside the server.
 */
public final class ToxicityCli {

  private static final String DEFAULT_DATA = "datasets/toxicity";
  private static final String DEFAULT_OUT = "src/main/resources/models/toxicity.model";

  private ToxicityCli() {}

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
    Map<String, String> options = new HashMap<>();
    for (int i = 1; i < args.length; i++) {
      String key = args[i];
      if (key.equals("--compare-naive")) {
        options.put("compare-naive", "true");
      } else if (List.of("--task", "--data", "--out", "--folds").contains(key)
          && i + 1 < args.length) {
        options.put(key.substring(2), args[++i]);
      } else {
        err.println("unknown or incomplete option " + key);
        err.println(usage());
        return 2;
      }
    }
    if (!options.getOrDefault("task", "toxicity").equals("toxicity")) {
      err.println("this command serves --task toxicity only, was " + options.get("task"));
      return 2;
    }
    int folds;
    try {
      folds = Integer.parseInt(options.getOrDefault("folds", "5"));
    } catch (NumberFormatException e) {
      folds = -1;
    }
    if (folds < 2) {
      err.println("--folds must be an integer of at least 2, was " + options.get("folds"));
      return 2;
    }
    try {
      List<LabeledText> rows = ToxicityCorpus.load(
          Path.of(options.getOrDefault("data", DEFAULT_DATA)));
      if (args[0].equals("train")) {
        return train(rows, Path.of(options.getOrDefault("out", DEFAULT_OUT)), out);
      }
      ToxicityEvaluation.run(rows, folds, options.containsKey("compare-naive"), out);
      return 0;
    } catch (IOException | RuntimeException e) {
      err.println(args[0] + " failed: " + e);
      return 1;
    }
  }

  private static int train(List<LabeledText> rows, Path target, PrintStream out)
      throws IOException {
    long start = System.nanoTime();
    ToxicityClassifier classifier = ToxicityTraining.trainAll(rows,
        ToxicityCorpus.Options.DEFAULTS);
    Path parent = target.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    try (OutputStream file = Files.newOutputStream(target)) {
      classifier.write(file);
    }
    out.printf(Locale.ROOT, "Trained toxicity heads %s on %d rows in %.1f s: %s (%d bytes)%n",
        List.of(Head.values()), rows.size(), (System.nanoTime() - start) / 1e9, target,
        Files.size(target));
    for (Head head : Head.values()) {
      out.println("  " + head.category() + ": " + classifier.head(head).nonZeroWeights()
          + " non-zero weights; " + classifier.head(head).provenance());
    }
    out.println("  overall score scale: " + classifier.scale());
    return 0;
  }

  private static String usage() {
    return """
        usage:
          train --task toxicity [--data DIR] [--out FILE]
          eval  --task toxicity [--data DIR] [--folds K] [--compare-naive]
        defaults: --data %s --out %s --folds 5""".formatted(DEFAULT_DATA, DEFAULT_OUT);
  }

  /** Runs {@link #run(String[])} and exits with its code. */
  public static void main(String[] args) {
    System.exit(run(args));
  }
}
