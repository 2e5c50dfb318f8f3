package org.moderato.classifier;

/**
 * What features a model uses; stored in the model file so that scoring always extracts exactly what
 * training did.
 *
 * @param version the feature-extraction version ({@link #CURRENT_VERSION} for new models); a model
 *     trained under another version refuses to load, since its hashes would mean nothing
 * @param hashBits the hashed feature space has {@code 2^hashBits} slots (10 to 24)
 * @param wordNgrams the longest word n-gram (1 or 2)
 * @param charMin the shortest character n-gram, 0 for none
 * @param charMax the longest character n-gram, 0 for none
 * @param structural whether to add the hand-made structural features (links, calls to action,
 *     money, phone numbers, shouting); see {@link StructuralFeatures}
 * @param maxChars only the first this many characters of normalized text are featurized, which
 *     bounds the scoring cost of any one comment
 * @param charsWithinWords whether character n-grams stay inside words (padded with a space each
 *     side), rather than running across word boundaries; inside words they catch misspellings and
 *     disguises without learning a writer's general style
 * @param charWeight the length of the character block relative to the word block (each is scaled
 *     to unit length, then the character block by this), in (0, 1]
 */
public record FeatureSpec(
    int version,
    int hashBits,
    int wordNgrams,
    int charMin,
    int charMax,
    boolean structural,
    int maxChars,
    boolean charsWithinWords,
    double charWeight) {

  /** Bumped whenever normalization, tokenization, hashing or a structural feature changes. */
  public static final int CURRENT_VERSION = 1;

  /**
   * Defaults for short-text classification: 2^18 slots, word uni- and bigrams, character 3- to
   * 5-grams, structural features on, 3,000 characters.
   */
  public static final FeatureSpec DEFAULTS =
      new FeatureSpec(CURRENT_VERSION, 18, 2, 3, 5, true, 3000);

  public FeatureSpec {
    if (hashBits < 10 || hashBits > 24) {
      throw new IllegalArgumentException("hashBits must be in [10, 24], was " + hashBits);
    }
    if (wordNgrams < 0 || wordNgrams > 2) {
      throw new IllegalArgumentException("wordNgrams must be 0, 1 or 2, was " + wordNgrams);
    }
    if (charMin < 0 || charMax < charMin || charMax > 8 || (charMin == 0) != (charMax == 0)) {
      throw new IllegalArgumentException("char n-gram range invalid: " + charMin + ".." + charMax);
    }
    if (maxChars < 16) {
      throw new IllegalArgumentException("maxChars must be at least 16, was " + maxChars);
    }
    if (!(charWeight > 0 && charWeight <= 1)) {
      throw new IllegalArgumentException("charWeight must be in (0, 1], was " + charWeight);
    }
  }

  /** Character n-grams across words at full weight. */
  public FeatureSpec(int version, int hashBits, int wordNgrams, int charMin, int charMax,
      boolean structural, int maxChars) {
    this(version, hashBits, wordNgrams, charMin, charMax, structural, maxChars, false, 1);
  }

  /** The number of slots, {@code 2^hashBits}. */
  public int dimension() {
    return 1 << hashBits;
  }

  /** A copy with another number of slots. */
  public FeatureSpec withHashBits(int bits) {
    return new FeatureSpec(version, bits, wordNgrams, charMin, charMax, structural, maxChars,
        charsWithinWords, charWeight);
  }

  /** A copy with character n-grams inside words or across them, at the given weight. */
  public FeatureSpec withCharScope(boolean withinWords, double weight) {
    return new FeatureSpec(version, hashBits, wordNgrams, charMin, charMax, structural, maxChars,
        withinWords, weight);
  }

  /** A copy with or without the structural features. */
  public FeatureSpec withStructural(boolean on) {
    return new FeatureSpec(version, hashBits, wordNgrams, charMin, charMax, on, maxChars,
        charsWithinWords, charWeight);
  }

  /** A copy with another character n-gram range ({@code 0, 0} for none). */
  public FeatureSpec withChars(int min, int max) {
    return new FeatureSpec(version, hashBits, wordNgrams, min, max, structural, maxChars,
        charsWithinWords, charWeight);
  }
}
