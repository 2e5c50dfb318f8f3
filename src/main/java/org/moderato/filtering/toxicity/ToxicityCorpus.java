package org.moderato.filtering.toxicity;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
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
   * @param termBalanceCap if above 1, the overall head's {@code ok} examples that name an
   *     identity group or a political side ({@link #BALANCED_TERMS}) weigh more, up to this
   *     factor, until each such word is no likelier to come with a toxic label than the average
   *     example (see {@link #balanceTerms})
   * @param counterfactualWeight if above 0, this share of the weight of every overall-head
   *     example that names an identity group ({@link #GROUP_ADJECTIVES}, {@link #GROUP_NOUNS})
   *     moves to {@link #COUNTERFACTUALS} copies with the group swapped for another, same label
   *     (see {@link #counterfactuals})
   */
  record Options(boolean balanceDomains, boolean attributePositives,
      double singleClassDomainWeight, double attributeNoToxicRate, double bothLabelsBoost,
      double termBalanceCap, double counterfactualWeight) {

    /**
     * What the shipped model is trained with. The counterfactual share was 0.5 until the third
     * pass; 0.75 lowers identity mentions a little more for about 0.002 of news ROC-AUC (see
     * docs/toxicity.md).
     */
    static final Options DEFAULTS = new Options(true, true, 0.5, 0.15, 2, 2, 0.75);

    /** The data as it comes, for measuring the shortcut: no balancing, no extra rows. */
    static final Options NAIVE = new Options(false, false, 1.0, 0, 1, 1, 0);

    /** Without counterfactual copies. */
    Options(boolean balanceDomains, boolean attributePositives, double singleClassDomainWeight,
        double attributeNoToxicRate, double bothLabelsBoost, double termBalanceCap) {
      this(balanceDomains, attributePositives, singleClassDomainWeight, attributeNoToxicRate,
          bothLabelsBoost, termBalanceCap, 0);
    }

    /** Without term balancing. */
    Options(boolean balanceDomains, boolean attributePositives, double singleClassDomainWeight,
        double attributeNoToxicRate, double bothLabelsBoost) {
      this(balanceDomains, attributePositives, singleClassDomainWeight, attributeNoToxicRate,
          bothLabelsBoost, 1);
    }
  }

  /**
   * Words that name an identity group, a political side or a national leader. In the data they
   * come far more often with a toxic label than without (hateful and abusive comments name their
   * target; ordinary comments about the group or the politician are rare in the sample), so a bag
   * of words learns "names a group = toxic": "Gay people deserve equal rights" scored 0.93 and
   * "Trump signed the bill on Tuesday" 0.65. Balancing their weight is the mitigation of Dixon et
   * al. (2018, "Measuring and Mitigating Unintended Bias in Text Classification"), done by weight
   * rather than by adding texts. Masking the words instead was tried before and made the mask
   * itself toxic.
   */
  static final Set<String> BALANCED_TERMS = Set.of("gay", "gays", "lesbian", "lesbians",
      "homosexual", "homosexuals", "transgender", "trans", "queer", "bisexual", "black", "blacks",
      "white", "whites", "muslim", "muslims", "islam", "islamic", "jew", "jews", "jewish",
      "christian", "christians", "catholic", "catholics", "woman", "women", "female", "females",
      "immigrant", "immigrants", "mexican", "mexicans", "asian", "asians", "african", "africans",
      "arab", "arabs", "hispanic", "latino", "native", "indian", "indians", "chinese", "refugee",
      "refugees", "feminist", "feminists", "liberal", "liberals", "conservative", "conservatives",
      "democrat", "democrats", "republican", "republicans", "atheist", "atheists", "trump",
      "donald", "obama", "clinton", "hillary", "sanders", "bernie", "trudeau");

  /**
   * Identity groups as adjectives and as plural nouns, for counterfactual copies: within a list,
   * any word can stand for any other without breaking the sentence ("a gay couple", "a Muslim
   * couple"). Political sides and politicians are left out: they are topics, not identities.
   */
  static final List<String> GROUP_ADJECTIVES = List.of("gay", "lesbian", "bisexual",
      "transgender", "queer", "homosexual", "black", "white", "muslim", "jewish", "christian",
      "catholic", "mexican", "asian", "african", "arab", "hispanic", "latino", "indian",
      "chinese", "immigrant", "atheist", "feminist");
  static final List<String> GROUP_NOUNS = List.of("gays", "lesbians", "homosexuals", "blacks",
      "whites", "muslims", "jews", "christians", "catholics", "women", "immigrants", "mexicans",
      "asians", "africans", "arabs", "hispanics", "latinos", "indians", "refugees", "atheists",
      "feminists");

  /** How many counterfactual copies an example that names a group gets. */
  static final int COUNTERFACTUALS = 4;

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
    if (head == Head.TOXICITY && options.counterfactualWeight() > 0) {
      examples = counterfactuals(examples, options.counterfactualWeight());
    }
    if (head == Head.TOXICITY && options.termBalanceCap() > 1) {
      return balanceTerms(examples, options.termBalanceCap());
    }
    return examples;
  }

  /**
   * Counterfactual data augmentation (Garg et al. 2019, "Counterfactual Fairness in Text
   * Classification through Robustness"; Park et al. 2018 for gender): every example that names
   * an identity group keeps {@code 1 - share} of its weight, and the rest goes to
   * {@link #COUNTERFACTUALS} copies with each group word swapped for another of the same list
   * (chosen deterministically), same label. Each group's toxic-to-ok ratio moves towards the
   * ratio of all groups together: in the data "gay" comes with a toxic label far more often than
   * "jewish", which says who the abusive comments in the sample targeted, not what is toxic. What
   * is said about a group ("are disgusting") keeps its weight, and no class or domain gains or
   * loses weight, so the domain balancing stands. Copying only the {@code ok} examples, with
   * extra weight or weight-neutral, was tried and cost more (see docs/toxicity.md).
   */
  static List<Example> counterfactuals(List<Example> examples, double share) {
    List<Example> out = new ArrayList<>(examples.size());
    List<Example> copies = new ArrayList<>();
    for (Example e : examples) {
      String first = swapGroups(e.text(), 1);
      if (first == null) {
        out.add(e);
        continue;
      }
      out.add(new Example(e.text(), e.positive(), e.weight() * (1 - share)));
      double each = e.weight() * share / COUNTERFACTUALS;
      copies.add(new Example(first, e.positive(), each));
      for (int copy = 2; copy <= COUNTERFACTUALS; copy++) {
        copies.add(new Example(swapGroups(e.text(), copy), e.positive(), each));
      }
    }
    out.addAll(copies);
    return out;
  }

  /** {@code text} with each group word swapped for another, or null if it names no group. */
  static String swapGroups(String text, int copy) {
    StringBuilder out = new StringBuilder(text.length() + 16);
    boolean swapped = false;
    int n = text.length();
    int i = 0;
    int seed = text.hashCode();
    while (i < n) {
      if (!Character.isLetterOrDigit(text.charAt(i))) {
        out.append(text.charAt(i++));
        continue;
      }
      int start = i;
      while (i < n && Character.isLetterOrDigit(text.charAt(i))) {
        i++;
      }
      String word = text.substring(start, i);
      List<String> list = GROUP_ADJECTIVES.contains(word) ? GROUP_ADJECTIVES
          : GROUP_NOUNS.contains(word) ? GROUP_NOUNS : null;
      if (list == null) {
        out.append(word);
        continue;
      }
      int offset = 1 + Math.floorMod(seed * 31 + copy * 7919 + start, list.size() - 1);
      out.append(list.get((list.indexOf(word) + offset) % list.size()));
      swapped = true;
    }
    return swapped ? out.toString() : null;
  }

  /**
   * Gives the {@code ok} examples that contain a {@link #BALANCED_TERMS} word more weight, by the
   * factor (at most {@code cap}) that brings the word's toxic-to-ok weight ratio down to that of
   * all the examples; with several such words, the largest factor. Toxic examples keep their
   * weight, so the model still learns what is said about a group, not that a group is named.
   */
  static List<Example> balanceTerms(List<Example> examples, double cap) {
    Map<String, double[]> byTerm = new HashMap<>();
    List<Set<String>> terms = new ArrayList<>(examples.size());
    double toxic = 0;
    double ok = 0;
    for (Example e : examples) {
      Set<String> found = balancedTerms(e.text());
      terms.add(found);
      for (String term : found) {
        byTerm.computeIfAbsent(term, t -> new double[2])[e.positive() ? 1 : 0] += e.weight();
      }
      if (e.positive()) {
        toxic += e.weight();
      } else {
        ok += e.weight();
      }
    }
    if (toxic == 0 || ok == 0) {
      return examples;
    }
    double ratio = toxic / ok;
    List<Example> out = new ArrayList<>(examples.size());
    for (int i = 0; i < examples.size(); i++) {
      Example e = examples.get(i);
      double factor = 1;
      if (!e.positive()) {
        for (String term : terms.get(i)) {
          double[] c = byTerm.get(term);
          factor = Math.max(factor, Math.min(cap, c[1] / c[0] / ratio));
        }
      }
      out.add(factor == 1 ? e : new Example(e.text(), false, e.weight() * factor));
    }
    return out;
  }

  private static Set<String> balancedTerms(String text) {
    Set<String> found = new HashSet<>();
    int n = text.length();
    int i = 0;
    while (i < n) {
      while (i < n && !Character.isLetterOrDigit(text.charAt(i))) {
        i++;
      }
      int start = i;
      while (i < n && Character.isLetterOrDigit(text.charAt(i))) {
        i++;
      }
      if (i > start) {
        String word = text.substring(start, i).toLowerCase(Locale.ROOT);
        if (BALANCED_TERMS.contains(word)) {
          found.add(word);
        }
      }
    }
    return found;
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
