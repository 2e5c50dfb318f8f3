package org.moderato.classifier;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Turns a text into a hashed {@link SparseVector}, as its {@link FeatureSpec} says: the text is
 * folded by {@link TextNormalizer}, then word uni- and bigrams, character n-grams (inside words,
 * or across word boundaries so that {@code freemoney} and {@code free money} share most of them)
 * and the {@link StructuralFeatures} are hashed into {@code 2^hashBits} slots.
 *
 * <p>Counts are damped by a square root and the word block and the character block are each scaled
 * to unit length, so a long comment does not pile up evidence just by being long, and the vector's
 * norm is bounded (at most {@code sqrt(2 + number of structural features)}); the online learning
 * guard relies on that bound. Structural features keep their values in [0, 1].
 *
 * <p>Immutable and thread-safe; a call allocates only its own arrays. Cost is linear in the text
 * (hash tables, no sorting), which is cut at {@link FeatureSpec#maxChars()} characters after
 * normalization.
 */
public final class FeatureExtractor {

  private static final int WORD = 0x57;
  private static final int BIGRAM = 0x42;
  private static final int CHAR = 0x43;
  private static final int STRUCT = 0x53;

  private final FeatureSpec spec;
  private final int mask;

  /** An extractor for {@code spec}; cheap to build, holds no tables of its own. */
  public FeatureExtractor(FeatureSpec spec) {
    this.spec = Objects.requireNonNull(spec, "spec");
    this.mask = spec.dimension() - 1;
  }

  /** The spec this extractor follows. */
  public FeatureSpec spec() {
    return spec;
  }

  /**
   * The features of {@code text}. A slot can appear more than once (once per block); see
   * {@link SparseVector}.
   */
  public SparseVector extract(String text) {
    return build(text, null);
  }

  /**
   * The features of {@code text} with a readable name for each raw feature, for explanations.
   * Slower than {@link #extract} (it builds strings); not meant for the scoring path.
   */
  public List<NamedFeature> extractNamed(String text) {
    List<NamedFeature> named = new ArrayList<>();
    build(text, named);
    return named;
  }

  /**
   * One raw feature with its slot and its value after scaling.
   *
   * @param name for example {@code word "check"}, {@code words "check out"}, {@code chars "eck o"}
   * @param index the hashed slot
   * @param value the scaled value it adds to the slot
   */
  public record NamedFeature(String name, int index, double value) {}

  private SparseVector build(String input, List<NamedFeature> named) {
    // Normalizing can only shorten a text by folding, so twice the budget is enough to fill it;
    // cutting first keeps a 100 KB comment from costing 100 KB of regular expressions.
    String text = input.length() > spec.maxChars() * 2
        ? input.substring(0, spec.maxChars() * 2) : input;
    String norm = TextNormalizer.normalize(text);
    if (norm.length() > spec.maxChars()) {
      norm = norm.substring(0, spec.maxChars());
    }
    boolean naming = named != null;
    int phrases = 0;
    int[] wordCount = new int[1];
    // A text of n characters has at most n / 2 + 1 words and as many bigrams.
    Counter words = new Counter(norm.length() + 8, naming);
    if (spec.wordNgrams() > 0 || spec.structural()) {
      phrases = addWords(norm, words, wordCount);
    }
    int charGrams = spec.charMax() == 0 ? 0
        : (norm.length() + 2) * (spec.charMax() - spec.charMin() + 1);
    Counter chars = new Counter(charGrams + 8, naming);
    if (charGrams > 0) {
      addChars(norm, chars);
    }
    Counter structural = new Counter(32, naming);
    if (spec.structural()) {
      StructuralFeatures.extract(text, norm, phrases, wordCount[0],
          (name, value) -> structural.add(mix(tokenHash(name, 0, name.length()), STRUCT) & mask,
              name, value));
    }
    words.scaleToUnit(1);
    chars.scaleToUnit(spec.charWeight());
    structural.capAtOne();
    if (naming) {
      words.name(named);
      chars.name(named);
      structural.name(named);
    }
    int size = words.unique + chars.unique + structural.unique;
    int[] indices = new int[size];
    float[] values = new float[size];
    int k = words.copyTo(indices, values, 0);
    k = chars.copyTo(indices, values, k);
    structural.copyTo(indices, values, k);
    return new SparseVector(indices, values, k);
  }

  /** Adds word n-grams; returns the structural phrase bits the words matched. */
  private int addWords(String norm, Counter block, int[] wordCount) {
    boolean features = spec.wordNgrams() > 0;
    int bits = 0;
    int previous = 0;
    int previous2 = 0;
    int previous3 = 0;
    int seen = 0;
    String previousWord = null;
    int n = norm.length();
    int i = 0;
    while (i < n) {
      while (i < n && !Character.isLetterOrDigit(norm.charAt(i))) {
        i++;
      }
      int start = i;
      while (i < n && Character.isLetterOrDigit(norm.charAt(i))) {
        i++;
      }
      if (i == start) {
        break;
      }
      int h = tokenHash(norm, start, i);
      String word = block.naming ? norm.substring(start, i) : null;
      if (features) {
        block.add(mix(h, WORD) & mask, block.naming ? "word \"" + word + "\"" : null, 1);
      }
      bits |= StructuralFeatures.phrase(h);
      if (seen >= 1) {
        int bigram = combine(previous, h);
        if (features && spec.wordNgrams() > 1) {
          block.add(mix(bigram, BIGRAM) & mask,
              block.naming ? "words \"" + previousWord + " " + word + "\"" : null, 1);
        }
        bits |= StructuralFeatures.phrase(bigram);
        if (seen >= 2) {
          bits |= StructuralFeatures.phrase(combine(combine(previous2, previous), h));
        }
        if (seen >= 3) {
          bits |= StructuralFeatures.phrase(
              combine(combine(combine(previous3, previous2), previous), h));
        }
      }
      previous3 = previous2;
      previous2 = previous;
      previous = h;
      previousWord = word;
      seen++;
    }
    wordCount[0] = seen;
    return bits;
  }

  private void addChars(String norm, Counter block) {
    String padded = " " + norm + " ";
    int n = padded.length();
    int min = spec.charMin();
    int max = spec.charMax();
    boolean within = spec.charsWithinWords();
    for (int start = 0; start + min <= n; start++) {
      if (within && !Character.isLetterOrDigit(padded.charAt(start))
          && (start + 1 == n || !Character.isLetterOrDigit(padded.charAt(start + 1)))) {
        continue;
      }
      int h = 0x811C9DC5;
      int end = Math.min(n, start + max);
      for (int j = start; j < end; j++) {
        if (within && j > start && !Character.isLetterOrDigit(padded.charAt(j))) {
          end = j + 1;
          if (j - start + 1 < min) {
            break;
          }
        }
        h = (h ^ padded.charAt(j)) * 0x01000193;
        int len = j - start + 1;
        if (len >= min) {
          block.add(mix(h, CHAR + len) & mask,
              block.naming ? "chars \"" + padded.substring(start, j + 1) + "\"" : null, 1);
        }
      }
    }
  }

  /** FNV-1a over {@code s[from, to)}: the hash of one token, shared with the phrase table. */
  static int tokenHash(CharSequence s, int from, int to) {
    int h = 0x811C9DC5;
    for (int i = from; i < to; i++) {
      h = (h ^ s.charAt(i)) * 0x01000193;
    }
    return h;
  }

  /** The hash of a token sequence from the hashes of its prefix and its last token. */
  static int combine(int prefix, int last) {
    return prefix * 0x9E3779B1 + last;
  }

  /** Murmur3's finalizer over the value and a seed, so the blocks hash independently. */
  private static int mix(int h, int seed) {
    h ^= seed * 0x85EBCA6B;
    h ^= h >>> 16;
    h *= 0x85EBCA6B;
    h ^= h >>> 13;
    h *= 0xC2B2AE35;
    h ^= h >>> 16;
    return h;
  }

  /**
   * One block of raw features counted per slot in an open-addressing table, so counting is linear
   * in the number of features. Names, when kept, remember their slot.
   */
  private static final class Counter {
    final boolean naming;
    final int[] keys;
    final float[] counts;
    final int tableMask;
    final int[] order;
    int unique;
    List<String> names;
    List<Integer> nameSlots;

    Counter(int expected, boolean naming) {
      int capacity = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
      this.keys = new int[capacity];
      this.counts = new float[capacity];
      this.order = new int[capacity / 2 + 1];
      this.tableMask = capacity - 1;
      this.naming = naming;
      if (naming) {
        names = new ArrayList<>();
        nameSlots = new ArrayList<>();
      }
    }

    void add(int slot, String name, double weight) {
      int key = slot + 1;
      int p = (slot * 0x9E3779B1) >>> 7 & tableMask;
      while (keys[p] != 0 && keys[p] != key) {
        p = (p + 1) & tableMask;
      }
      if (keys[p] == 0) {
        if (unique == order.length) {
          return;
        }
        keys[p] = key;
        order[unique++] = p;
      }
      counts[p] += (float) weight;
      if (naming) {
        names.add(name);
        nameSlots.add(slot);
      }
    }

    /** Square-root damped counts, scaled to unit length. */
    void scaleToUnit(double length) {
      double sum = 0;
      for (int u = 0; u < unique; u++) {
        sum += counts[order[u]];
      }
      double norm = Math.sqrt(sum) / length;
      for (int u = 0; u < unique; u++) {
        int p = order[u];
        counts[p] = (float) (Math.sqrt(counts[p]) / norm);
      }
    }

    void capAtOne() {
      for (int u = 0; u < unique; u++) {
        int p = order[u];
        counts[p] = Math.min(1, counts[p]);
      }
    }

    float value(int slot) {
      int key = slot + 1;
      int p = (slot * 0x9E3779B1) >>> 7 & tableMask;
      while (keys[p] != 0) {
        if (keys[p] == key) {
          return counts[p];
        }
        p = (p + 1) & tableMask;
      }
      return 0;
    }

    int copyTo(int[] indices, float[] values, int k) {
      for (int u = 0; u < unique; u++) {
        int p = order[u];
        indices[k] = keys[p] - 1;
        values[k] = counts[p];
        k++;
      }
      return k;
    }

    void name(List<NamedFeature> out) {
      Set<String> seen = new HashSet<>();
      for (int i = 0; i < names.size(); i++) {
        if (seen.add(names.get(i))) {
          int slot = nameSlots.get(i);
          out.add(new NamedFeature(names.get(i), slot, value(slot)));
        }
      }
    }
  }
}
