package org.moderato.filtering.text;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.Set;

/**
 * Folds comment text into a canonical form that common evasions cannot dodge, shared by the word
 * lists and the learned models so that both see the same thing. The steps, in order:
 *
 * <ol>
 *   <li>zero-width and other invisible format characters (U+200B, U+200D, U+2060, U+FEFF, soft
 *       hyphen, variation selectors, bidi controls) are dropped;
 *   <li>Unicode compatibility folding (NFKD): fullwidth, mathematical, circled and ligature forms
 *       become plain letters, and accents on Latin, Greek and Cyrillic letters are dropped;
 *   <li>lower case, in {@link java.util.Locale#ROOT};
 *   <li>Cyrillic and Greek look-alikes become the Latin letter they imitate, but only inside a
 *       word that also has a Latin letter or consists only of look-alikes, so that ordinary Greek
 *       and Russian words are mostly left alone;
 *   <li>single letters split by separators ({@code f.u.c.k}, {@code s h i t}, {@code f-u-c-k})
 *       are joined when there are at least three of them;
 *   <li>leetspeak inside words that have a letter ({@code 1d10t}, {@code @ss}, {@code sh!t}); plain
 *       numbers, ordinals such as {@code 3rd} or {@code 90s} and names such as {@code covid19}
 *       stay as they are;
 *   <li>a letter repeated three or more times becomes one ({@code stuuupid} becomes
 *       {@code stupid}); doubled letters are kept, since English needs them ({@code good}), and
 *       {@link #squeeze(String)} removes those too for word matching;
 *   <li>runs of white space become one space, and the ends are trimmed.
 * </ol>
 *
 * <p>Every step works on whole code points, so the result is valid UTF-16. The cost is linear in
 * the text: a few microseconds for a typical comment, so it is safe on an event-loop thread. The
 * class is stateless and thread-safe.
 *
 * <p>{@link #foldWithOffsets(String)} also says, for each folded character, which characters of
 * the original it came from, so that a word matched in the folded text can be shown in the
 * original.
 */
public final class EvasionFolding {

  /** Longest run of separator characters between two single letters that is still joined. */
  private static final int MAX_SEPARATOR_RUN = 3;
  /** Fewest single letters that a separated run must have to be joined: "a b" is just text. */
  private static final int MIN_JOINED_LETTERS = 3;

  private EvasionFolding() {}

  /**
   * The folded form of {@code text}; see the class comment for the steps. Never null: null or
   * blank input gives the empty string.
   */
  public static String fold(String text) {
    return foldWithOffsets(text).text();
  }

  /**
   * The folded form of {@code text} together with, for each folded character, the span of the
   * original text it came from.
   */
  public static Folded foldWithOffsets(String text) {
    if (text == null || text.isEmpty()) {
      return new Folded("", new int[0], new int[0]);
    }
    Buffer buffer = compatibilityFold(text);
    foldLookAlikes(buffer);
    buffer = joinSeparatedLetters(buffer);
    foldLeetspeak(buffer);
    buffer = collapseRepeats(buffer);
    buffer = collapseWhitespace(buffer);
    return buffer.toFolded();
  }

  /**
   * Removes doubled letters from already folded text ({@code stuupid} and {@code stupid} both give
   * {@code stupid}; {@code good} gives {@code god}). Meant for word lists: compare
   * {@code squeeze(fold(word))} with {@code squeeze(fold(text))}, so that doubled letters in
   * either cannot cause a miss. Not meant for display or for the models.
   */
  public static String squeeze(String folded) {
    StringBuilder out = new StringBuilder(folded.length());
    int previous = -1;
    for (int i = 0; i < folded.length(); ) {
      int cp = folded.codePointAt(i);
      i += Character.charCount(cp);
      if (cp == previous && Character.isLetter(cp)) {
        continue;
      }
      out.appendCodePoint(cp);
      previous = cp;
    }
    return out.toString();
  }

  /**
   * Folded text and where each of its characters came from: the folded char at {@code i} came
   * from the original chars {@code [sourceStart(i), sourceEnd(i))}.
   *
   * @param text the folded text
   * @param starts for each folded char, the index of the first original char it came from
   * @param ends for each folded char, the index after the last original char it came from
   */
  public record Folded(String text, int[] starts, int[] ends) {

    public Folded {
      if (starts.length != text.length() || ends.length != text.length()) {
        throw new IllegalArgumentException("one offset per folded char is required");
      }
    }

    /** The index in the original text where folded char {@code i} starts. */
    public int sourceStart(int i) {
      return starts[i];
    }

    /** The index in the original text after folded char {@code i}. */
    public int sourceEnd(int i) {
      return ends[i];
    }

    /**
     * The original span behind folded chars {@code [start, end)}, as {@code {from, to}} indexes
     * into the original text; for an empty range, the empty span at its position.
     */
    public int[] sourceSpan(int start, int end) {
      if (start >= end) {
        int at;
        if (start < starts.length) {
          at = starts[start];
        } else {
          at = ends.length == 0 ? 0 : ends[ends.length - 1];
        }
        return new int[] {at, at};
      }
      return new int[] {starts[start], ends[end - 1]};
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Folded f
          && text.equals(f.text)
          && Arrays.equals(starts, f.starts)
          && Arrays.equals(ends, f.ends);
    }

    @Override
    public int hashCode() {
      return text.hashCode() * 31 + Arrays.hashCode(starts);
    }

    @Override
    public String toString() {
      return "Folded[" + text + "]";
    }
  }

  // Step 1-3: drop invisibles, NFKD per code point, drop accents, lower-case.
  private static Buffer compatibilityFold(String text) {
    Buffer out = new Buffer(text.length());
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      int end = i + Character.charCount(cp);
      if (cp < 0x80) {
        out.add(cp >= 'A' && cp <= 'Z' ? cp + ('a' - 'A') : cp, i, end);
      } else if (!isInvisible(cp)) {
        int quote = foldQuote(cp);
        if (quote != 0) {
          out.add(quote, i, end);
        } else {
          addDecomposed(out, cp, i, end);
        }
      }
      i = end;
    }
    return out;
  }

  private static void addDecomposed(Buffer out, int cp, int start, int end) {
    String decomposed = Normalizer.normalize(new String(Character.toChars(cp)),
        Normalizer.Form.NFKD);
    int base = cp;
    for (int j = 0; j < decomposed.length(); ) {
      int d = decomposed.codePointAt(j);
      j += Character.charCount(d);
      if (Character.getType(d) == Character.NON_SPACING_MARK && base < 0x0530) {
        // Accents on Latin, Greek and Cyrillic only: in Indic scripts and the like the marks are
        // vowels, and dropping them would change the words.
        continue;
      }
      if (j == Character.charCount(d)) {
        base = d;
      }
      if (Character.isWhitespace(d) || Character.isSpaceChar(d)) {
        out.add(' ', start, end);
      } else {
        out.add(Character.toLowerCase(d), start, end);
      }
    }
  }

  private static boolean isInvisible(int cp) {
    int type = Character.getType(cp);
    return type == Character.FORMAT
        || (cp >= 0xFE00 && cp <= 0xFE0F)
        || (cp >= 0xE0100 && cp <= 0xE01EF)
        || cp == 0x034F
        || cp == 0x115F || cp == 0x1160 || cp == 0x3164 || cp == 0xFFA0;
  }

  private static int foldQuote(int cp) {
    return switch (cp) {
      case 0x2018, 0x2019, 0x201B, 0x02BC, 0x2032, 0xFF07 -> '\'';
      case 0x201C, 0x201D, 0x201F, 0x2033, 0xFF02 -> '"';
      default -> 0;
    };
  }

  // Step 4: look-alikes, word by word.
  private static void foldLookAlikes(Buffer buffer) {
    int n = buffer.size;
    int i = 0;
    while (i < n) {
      if (!Character.isLetter(buffer.cps[i])) {
        i++;
        continue;
      }
      int start = i;
      boolean hasLatin = false;
      boolean allLookAlike = true;
      boolean anyLookAlike = false;
      while (i < n && (Character.isLetter(buffer.cps[i]) || isLeet(buffer.cps[i]))) {
        int cp = buffer.cps[i];
        if (cp < 0x80) {
          hasLatin |= Character.isLetter(cp);
        } else if (LookAlikes.latinFor(cp) != 0) {
          anyLookAlike = true;
        } else if (Character.isLetter(cp)) {
          allLookAlike = false;
        }
        i++;
      }
      if (anyLookAlike && (hasLatin || allLookAlike)) {
        for (int k = start; k < i; k++) {
          int latin = LookAlikes.latinFor(buffer.cps[k]);
          if (latin != 0) {
            buffer.cps[k] = latin;
          }
        }
      }
    }
  }

  // Step 5: "f.u.c.k", "s h i t": three or more single letter-likes split by short separators.
  private static Buffer joinSeparatedLetters(Buffer in) {
    int n = in.size;
    boolean[] drop = new boolean[n];
    boolean any = false;
    int i = 0;
    while (i < n) {
      if (!isSingleLetterLike(in, i)) {
        i++;
        continue;
      }
      int letters = 1;
      int trueLetters = Character.isLetter(in.cps[i]) ? 1 : 0;
      int lastSingle = i;
      int j = i + 1;
      // Every gap must be the same separator ("f.u.c.k", "s h i t"): "i.e. a" is an abbreviation
      // followed by a word, not a spelled-out word.
      int[] gap = null;
      while (true) {
        int k = j;
        while (k < n && k - j < MAX_SEPARATOR_RUN && isSeparator(in.cps[k])) {
          k++;
        }
        if (k == j || k >= n || !isSingleLetterLike(in, k)) {
          break;
        }
        int[] thisGap = Arrays.copyOfRange(in.cps, j, k);
        if (gap == null) {
          gap = thisGap;
        } else if (!Arrays.equals(gap, thisGap)) {
          break;
        }
        letters++;
        if (Character.isLetter(in.cps[k])) {
          trueLetters++;
        }
        lastSingle = k;
        j = k + 1;
      }
      if (letters >= MIN_JOINED_LETTERS && trueLetters >= 2) {
        for (int k = i; k < lastSingle; k++) {
          if (isSeparator(in.cps[k])) {
            drop[k] = true;
            any = true;
          }
        }
        i = lastSingle + 1;
      } else {
        // Two letters are not a run, but the second may start one of its own: in "a s.c.a.m" the
        // separator changes after "a s", and "s.c.a.m" follows. Each letter is looked at at most
        // twice, so the step stays linear.
        i = letters == 2 ? lastSingle : lastSingle + 1;
      }
    }
    if (!any) {
      return in;
    }
    Buffer out = new Buffer(n);
    for (int k = 0; k < n; k++) {
      if (!drop[k]) {
        out.add(in.cps[k], in.starts[k], in.ends[k]);
      }
    }
    return out;
  }

  /** A letter, digit or leet symbol standing alone between non-word characters. */
  private static boolean isSingleLetterLike(Buffer in, int i) {
    if (!isWordChar(in.cps[i])) {
      return false;
    }
    boolean leftFree = i == 0 || !isWordChar(in.cps[i - 1]);
    boolean rightFree = i + 1 == in.size || !isWordChar(in.cps[i + 1]);
    return leftFree && rightFree;
  }

  private static boolean isSeparator(int cp) {
    return cp == ' ' || cp == '.' || cp == '-' || cp == '_' || cp == '*' || cp == '~'
        || cp == '/' || cp == '\\' || cp == '\u00b7' || cp == '\u2022' || cp == '\t';
  }

  private static boolean isWordChar(int cp) {
    return Character.isLetterOrDigit(cp) || isLeet(cp);
  }

  // Step 6: leetspeak, token by token.
  private static void foldLeetspeak(Buffer buffer) {
    int n = buffer.size;
    int i = 0;
    while (i < n) {
      if (!isWordChar(buffer.cps[i])) {
        i++;
        continue;
      }
      int start = i;
      boolean hasLetter = false;
      boolean hasLeet = false;
      while (i < n && isWordChar(buffer.cps[i])) {
        int cp = buffer.cps[i];
        hasLetter |= Character.isLetter(cp);
        hasLeet |= leetLetter(cp) != 0;
        i++;
      }
      if (hasLetter && hasLeet && !isNumberWithUnit(buffer, start, i)
          && !isNameWithNumber(buffer, start, i)) {
        mapLeetToken(buffer, start, i);
      }
    }
  }

  private static void mapLeetToken(Buffer buffer, int start, int end) {
    // Decide first, map after: whether a symbol is leet depends on its unmapped neighbours.
    int[] mapped = new int[end - start];
    for (int k = start; k < end; k++) {
      int cp = buffer.cps[k];
      int letter = leetLetter(cp);
      if (letter == 0) {
        continue;
      }
      if (Character.isDigit(cp)) {
        mapped[k - start] = letter;
        continue;
      }
      boolean letterLeft = k > start && isLetterLike(buffer.cps[k - 1]);
      boolean letterRight = k + 1 < end && isLetterLike(buffer.cps[k + 1]);
      boolean inside = letterLeft && letterRight;
      // "!", "|" and "+" end sentences and join words, so they count only between two letters;
      // "@" and "$" also start words ("@ss", "$hit") and "$" ends them ("a$$").
      boolean leet = switch (cp) {
        case '@', '$', '€' -> letterLeft || letterRight;
        default -> inside;
      };
      if (leet) {
        mapped[k - start] = letter;
      }
    }
    for (int k = start; k < end; k++) {
      if (mapped[k - start] != 0) {
        buffer.cps[k] = mapped[k - start];
      }
    }
  }

  private static boolean isLetterLike(int cp) {
    return Character.isLetterOrDigit(cp) || cp == '@' || cp == '$';
  }

  private static int leetLetter(int cp) {
    return switch (cp) {
      case '0' -> 'o';
      case '1', '!', '|' -> 'i';
      case '3', '€' -> 'e';
      case '4', '@' -> 'a';
      case '5', '$' -> 's';
      case '7', '+' -> 't';
      case '8' -> 'b';
      case '9' -> 'g';
      default -> 0;
    };
  }

  private static boolean isLeet(int cp) {
    return cp == '@' || cp == '$' || cp == '!' || cp == '|' || cp == '+' || cp == '€';
  }

  private static final Set<String> UNITS = Set.of(
      "st", "nd", "rd", "th", "s", "am", "pm", "k", "m", "bn", "km", "kg", "g", "mb", "gb", "tb",
      "x", "d", "mm", "cm", "ft", "lb", "lbs", "mph", "yo", "yr", "yrs", "h", "hr", "hrs", "min",
      "mg", "ml", "l", "p", "c", "f", "v", "w", "kw", "kwh", "b", "t", "mw");

  /**
   * "covid19", "mp3", "win10": letters followed by nothing but digits name a thing; leet puts its
   * digits inside the word ("1d10t", "sh1t").
   */
  private static boolean isNameWithNumber(Buffer buffer, int start, int end) {
    int k = start;
    while (k < end && Character.isLetter(buffer.cps[k])) {
      k++;
    }
    if (k == start || k == end) {
      return false;
    }
    while (k < end && Character.isDigit(buffer.cps[k])) {
      k++;
    }
    return k == end;
  }

  /** "3rd", "90s", "$5bn", "12pm": digits (perhaps after a currency sign) and a short unit. */
  private static boolean isNumberWithUnit(Buffer buffer, int start, int end) {
    int k = start;
    if (buffer.cps[k] == '$' || buffer.cps[k] == '€') {
      k++;
    }
    int digitsStart = k;
    while (k < end && (Character.isDigit(buffer.cps[k]))) {
      k++;
    }
    if (k == digitsStart) {
      return false;
    }
    StringBuilder unit = new StringBuilder();
    for (int u = k; u < end; u++) {
      unit.appendCodePoint(buffer.cps[u]);
    }
    return UNITS.contains(unit.toString());
  }

  // Step 7: a letter three or more times in a row becomes one.
  private static Buffer collapseRepeats(Buffer in) {
    Buffer out = new Buffer(in.size);
    int i = 0;
    while (i < in.size) {
      int cp = in.cps[i];
      int j = i + 1;
      while (j < in.size && in.cps[j] == cp) {
        j++;
      }
      int run = j - i;
      if (run >= 3 && Character.isLetter(cp)) {
        out.add(cp, in.starts[i], in.ends[j - 1]);
      } else {
        for (int k = i; k < j; k++) {
          out.add(cp, in.starts[k], in.ends[k]);
        }
      }
      i = j;
    }
    return out;
  }

  // Step 8: one space between words, none at the ends.
  private static Buffer collapseWhitespace(Buffer in) {
    Buffer out = new Buffer(in.size);
    boolean pendingSpace = false;
    int spaceStart = 0;
    int spaceEnd = 0;
    for (int i = 0; i < in.size; i++) {
      int cp = in.cps[i];
      if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
        if (!pendingSpace) {
          spaceStart = in.starts[i];
        }
        pendingSpace = true;
        spaceEnd = in.ends[i];
        continue;
      }
      if (pendingSpace && out.size > 0) {
        out.add(' ', spaceStart, spaceEnd);
      }
      pendingSpace = false;
      out.add(cp, in.starts[i], in.ends[i]);
    }
    return out;
  }

  /** Code points with their source spans; grows as needed. */
  private static final class Buffer {
    int[] cps;
    int[] starts;
    int[] ends;
    int size;

    Buffer(int capacity) {
      int c = Math.max(capacity, 8);
      cps = new int[c];
      starts = new int[c];
      ends = new int[c];
    }

    void add(int cp, int start, int end) {
      if (size == cps.length) {
        int c = size * 2;
        cps = Arrays.copyOf(cps, c);
        starts = Arrays.copyOf(starts, c);
        ends = Arrays.copyOf(ends, c);
      }
      cps[size] = cp;
      starts[size] = start;
      ends[size] = end;
      size++;
    }

    Folded toFolded() {
      StringBuilder text = new StringBuilder(size);
      int chars = 0;
      for (int i = 0; i < size; i++) {
        chars += Character.charCount(cps[i]);
      }
      int[] s = new int[chars];
      int[] e = new int[chars];
      int at = 0;
      for (int i = 0; i < size; i++) {
        text.appendCodePoint(cps[i]);
        for (int c = 0; c < Character.charCount(cps[i]); c++) {
          s[at] = starts[i];
          e[at] = ends[i];
          at++;
        }
      }
      return new Folded(text.toString(), s, e);
    }
  }
}
