package org.moderato.filtering.toxicity;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.moderato.classifier.CsvDataset;
import org.moderato.classifier.Example;
import org.moderato.classifier.LabeledText;

/**
 * What the toxicity heads learn from, and how much each row counts.
 *
 * <p>The rows come from files of different origins whose labels mean different things (see
 * {@code datasets/toxicity/README.md}), so each head reads only the labels that speak to it: the
 * overall head reads {@code toxic}/{@code ok}; the insult and severe-toxicity heads read their
 * attribute file, the Jigsaw flags and the Civil Comments fractions, and take every {@code ok} row
 * as a negative (not toxic implies neither an insult nor severe). An attribute {@code no} is never
 * read as "not toxic".
 *
 * <p>The shortcut to avoid: in the data, the origin of a comment predicts its label (all Civil
 * Comments rows of the toxic-spans part are toxic, most Wikipedia rows are not), and writing style
 * predicts the origin. With {@link Options#balanceDomains()} every domain (news, Wikipedia, chat,
 * prompts, tweets) gets equal total weight for its toxic and its ok rows, so knowing the domain
 * tells a head nothing about the label and it has to learn from what is said.
 */
final class ToxicityCorpus {

  /** The most any one row counts after balancing: a handful of rows must not dominate. */
  private static final double MAX_WEIGHT = 4.0;

  private ToxicityCorpus() {}

  /**
   * How the training set is built.
   *
   * @param balanceDomains equal toxic and ok weight within each domain (the shortcut guard)
   * @param attributePositives whether insult and severe-toxicity {@code yes} rows (Civil Comments)
   *     also count as toxic for the overall head
   * @param singleClassDomainWeight the weight of rows from a domain that has only one class for a
   *     head (they teach style, not toxicity)
   * @param attributeNoToxicRate if above 0, the attribute files' {@code no} rows (ordinary news
   *     comments for the most part, but "not an insult" is not "not toxic") join the overall head
   *     with a soft label: toxic with this probability, as a pair of weighted examples. They are
   *     the news-style comments that the toxic-only Civil Comments part lacks an ok side for.
   * @param bothLabelsBoost extra weight for the news file with both labels, the one sample of
   *     ordinary reader comments judged toxic or not by the same raters
   */
  record Options(boolean balanceDomains, boolean attributePositives,
      double singleClassDomainWeight, double attributeNoToxicRate, double bothLabelsBoost) {

    /** What the shipped model is trained with. */
    static final Options DEFAULTS = new Options(true, true, 0.5, 0.15, 2);

    /** The data as it comes, for measuring the shortcut: no balancing, no extra rows. */
    static final Options NAIVE = new Options(false, false, 1.0, 0, 1);
  }

  /** Reads every CSV file in {@code dir} (name order, so runs are reproducible). */
  static List<LabeledText> load(Path dir) throws IOException {
    return CsvDataset.readAll(List.of(dir));
  }

  /** The writing style a row comes from; the unit of balancing. */
  static String domain(LabeledText row) {
    String source = row.source();
    if (source.startsWith("civil-comments")) {
      return "news";
    }
    if (source.startsWith("wikipedia-talk")) {
      return "wikipedia";
    }
    if (source.startsWith("convabuse")) {
      return "chat";
    }
    if (source.startsWith("openai-moderation")) {
      return "prompts";
    }
    if (source.startsWith("davidson")) {
      return "tweets";
    }
    return "other";
  }

  /**
   * What a row says about a head: true (positive), false (negative), or null (nothing).
   */
  static Boolean label(Head head, LabeledText row, Options options) {
    String source = row.source();
    String label = row.label().toLowerCase(Locale.ROOT);
    boolean attributeFile = source.startsWith("civil-comments-ni/insult")
        || source.startsWith("civil-comments-ni/severe_toxicity");
    switch (head) {
      case TOXICITY -> {
        if (attributeFile) {
          return options.attributePositives() && label.equals("yes") ? Boolean.TRUE : null;
        }
        return switch (label) {
          case "toxic" -> Boolean.TRUE;
          case "ok" -> Boolean.FALSE;
          default -> null;
        };
      }
      case INSULT -> {
        return attributeLabel(row, "civil-comments-ni/insult", "insult", "insult", label);
      }
      case SEVERE_TOXICITY -> {
        return attributeLabel(row, "civil-comments-ni/severe_toxicity", "severe_toxic",
            "severe_toxicity", label);
      }
      default -> throw new IllegalStateException("unknown head " + head);
    }
  }

  private static Boolean attributeLabel(LabeledText row, String attributeSource,
      String jigsawFlag, String civilFraction, String label) {
    String source = row.source();
    if (source.equals(attributeSource)) {
      return switch (label) {
        case "yes" -> Boolean.TRUE;
        case "no" -> Boolean.FALSE;
        default -> null;
      };
    }
    if (source.startsWith("civil-comments-ni/")) {
      // The other attribute's rows say nothing about this one.
      return label.equals("ok") ? Boolean.FALSE : null;
    }
    Map<String, String> detail = detail(row);
    if (source.startsWith("wikipedia-talk/jigsaw") && detail.containsKey(jigsawFlag)) {
      return "1".equals(detail.get(jigsawFlag));
    }
    if (source.equals("civil-comments-first100") && detail.containsKey(civilFraction)) {
      try {
        return Double.parseDouble(detail.get(civilFraction)) >= 0.5;
      } catch (NumberFormatException e) {
        return null;
      }
    }
    return label.equals("ok") ? Boolean.FALSE : null;
  }

  /** The {@code key=value;...} detail column as a map. */
  static Map<String, String> detail(LabeledText row) {
    Map<String, String> out = new HashMap<>();
    for (String part : row.detail().split(";")) {
      int eq = part.indexOf('=');
      if (eq > 0) {
        out.put(part.substring(0, eq).trim(), part.substring(eq + 1).trim());
      }
    }
    return out;
  }

  /**
   * The training examples for one head from {@code rows}, text prepared by
   * {@link ToxicityText#prepare}, weighted as {@link Options} says.
   */
  static List<Example> examples(Head head, List<LabeledText> rows, Options options) {
    Map<String, double[]> counts = new HashMap<>();
    List<LabeledText> used = new ArrayList<>();
    List<Boolean> labels = new ArrayList<>();
    List<LabeledText> soft = new ArrayList<>();
    for (LabeledText row : rows) {
      Boolean positive = label(head, row, options);
      if (positive == null) {
        if (head == Head.TOXICITY && options.attributeNoToxicRate() > 0 && isAttributeNo(row)) {
          soft.add(row);
          double[] c = counts.computeIfAbsent(domain(row), d -> new double[2]);
          c[0] += 1 - options.attributeNoToxicRate();
          c[1] += options.attributeNoToxicRate();
        }
        continue;
      }
      used.add(row);
      labels.add(positive);
      counts.computeIfAbsent(domain(row), d -> new double[2])[positive ? 1 : 0]++;
    }
    List<Example> examples = new ArrayList<>(used.size());
    for (int i = 0; i < used.size(); i++) {
      LabeledText row = used.get(i);
      boolean positive = labels.get(i);
      double weight = classWeight(counts.get(domain(row)), positive, options);
      if (row.source().equals("civil-comments-ni/toxicity")) {
        weight *= options.bothLabelsBoost();
      }
      examples.add(new Example(ToxicityText.prepare(row.text()), positive, weight));
    }
    // A soft row is a pair of weighted examples, one per class: the log loss of the pair is the
    // log loss of one example whose label is the assumed toxic rate.
    double q = options.attributeNoToxicRate();
    for (LabeledText row : soft) {
      double[] c = counts.get(domain(row));
      String text = ToxicityText.prepare(row.text());
      examples.add(new Example(text, false, classWeight(c, false, options) * (1 - q)));
      examples.add(new Example(text, true, classWeight(c, true, options) * q));
    }
    return examples;
  }

  /** The weight that gives a domain's two classes equal totals (counts: {ok, toxic}). */
  private static double classWeight(double[] counts, boolean positive, Options options) {
    if (!options.balanceDomains()) {
      return 1;
    }
    if (counts[0] == 0 || counts[1] == 0) {
      return options.singleClassDomainWeight();
    }
    return Math.min(MAX_WEIGHT, (counts[0] + counts[1]) / (2 * counts[positive ? 1 : 0]));
  }

  private static boolean isAttributeNo(LabeledText row) {
    return (row.source().equals("civil-comments-ni/insult")
        || row.source().equals("civil-comments-ni/severe_toxicity"))
        && row.label().equalsIgnoreCase("no");
  }

  /** Whether {@code row} is one the cross-validation reports on for {@code head}. */
  static boolean evaluated(Head head, LabeledText row) {
    String source = row.source();
    return switch (head) {
      case TOXICITY -> source.startsWith("wikipedia-talk/")
          || source.equals("civil-comments/toxic-spans")
          || source.equals("civil-comments-ni/toxicity");
      case INSULT -> source.equals("civil-comments-ni/insult");
      case SEVERE_TOXICITY -> source.equals("civil-comments-ni/severe_toxicity");
    };
  }
}
