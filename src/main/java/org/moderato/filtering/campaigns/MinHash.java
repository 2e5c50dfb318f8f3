package org.moderato.filtering.campaigns;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.moderato.filtering.text.EvasionFolding;

/**
 * MinHash signatures of word bigrams of anti-evasion-folded text, with locality-sensitive bands:
 * two texts that share most bigrams (a campaign's variants, a name swapped in) agree on most of
 * their {@value #HASHES} minimums and, almost surely, on at least one whole band, so a lookup by
 * band finds them; unrelated texts agree on almost none. Pure and thread-safe.
 */
public final class MinHash {

  /** Minimums per signature. */
  public static final int HASHES = 12;
  /** Minimums per band: 6 bands of 2 find pairs with Jaccard similarity 0.5 about 82% of the time
   * and pairs at 0.85 almost always. */
  public static final int ROWS = 2;

  private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");
  private static final long[] SEEDS = new long[HASHES];

  static {
    long s = 0x9E3779B97F4A7C15L;
    for (int i = 0; i < HASHES; i++) {
      s = mix(s + i);
      SEEDS[i] = s;
    }
  }

  private MinHash() {}

  /** The words compared: folded, split on anything that is not a letter or digit. */
  public static List<String> words(String text) {
    return Arrays.stream(NOT_WORD.split(EvasionFolding.fold(text)))
        .filter(w -> !w.isEmpty()).toList();
  }

  public static int[] signature(List<String> words) {
    Set<String> shingles = new LinkedHashSet<>();
    for (int i = 0; i + 1 < words.size(); i++) {
      shingles.add(words.get(i) + " " + words.get(i + 1));
    }
    if (shingles.isEmpty()) {
      shingles.addAll(words);
    }
    int[] mins = new int[HASHES];
    Arrays.fill(mins, Integer.MAX_VALUE);
    for (String shingle : shingles) {
      long base = hash(shingle);
      for (int i = 0; i < HASHES; i++) {
        int h = (int) (mix(base ^ SEEDS[i]) >>> 33);
        if (h < mins[i]) {
          mins[i] = h;
        }
      }
    }
    return mins;
  }

  /** The share of equal minimums: an estimate of the Jaccard similarity of the bigram sets. */
  public static double similarity(int[] a, int[] b) {
    int same = 0;
    for (int i = 0; i < HASHES; i++) {
      if (a[i] == b[i]) {
        same++;
      }
    }
    return same / (double) HASHES;
  }

  /** The band keys of a signature, e.g. {@code 3:00a1b2c3...}. */
  public static List<String> bands(int[] signature) {
    HexFormat hex = HexFormat.of();
    String[] keys = new String[HASHES / ROWS];
    for (int b = 0; b < keys.length; b++) {
      StringBuilder key = new StringBuilder().append(b).append(':');
      for (int r = 0; r < ROWS; r++) {
        key.append(hex.toHexDigits(signature[b * ROWS + r]));
      }
      keys[b] = key.toString();
    }
    return List.of(keys);
  }

  public static String encode(int[] signature) {
    StringBuilder out = new StringBuilder();
    for (int h : signature) {
      out.append(HexFormat.of().toHexDigits(h));
    }
    return out.toString();
  }

  /** The signature from {@link #encode}, or null when malformed. */
  public static int[] decode(String encoded) {
    if (encoded == null || encoded.length() != HASHES * 8) {
      return null;
    }
    int[] out = new int[HASHES];
    try {
      for (int i = 0; i < HASHES; i++) {
        out[i] = HexFormat.fromHexDigits(encoded, i * 8, i * 8 + 8);
      }
    } catch (IllegalArgumentException e) {
      return null;
    }
    return out;
  }

  private static long hash(String text) {
    long h = 0xcbf29ce484222325L;
    for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
      h ^= b & 0xff;
      h *= 0x100000001b3L;
    }
    return mix(h);
  }

  /** SplitMix64's finaliser: every output bit depends on every input bit. */
  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }
}
