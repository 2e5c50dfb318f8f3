package org.moderato.classifier;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Folds the usual disguises of spam and abuse back to plain lower-case text before features are
 * taken, so that {@code Ϲhеck ᴍy ch@nnel}, {@code c h e c k} and {@code kidsmediausa . com} hash to
 * the same features as their plain spellings. The steps, in order: drop invisible characters, NFKC
 * (full-width and mathematical letters), fold Cyrillic and Greek look-alikes, lower-case, strip
 * accents, undo leetspeak inside words that use digits as letters, join spaced-out single letters,
 * rewrite spelled-out domains ({@code www dot x dot com}, {@code x (dot) com}, {@code x . com}) as
 * {@code x.com}, cap letter repeats at two (three for {@code www}), and collapse whitespace.
 *
 * <p>A model's features depend on every step, so any change here must bump
 * {@link FeatureSpec#CURRENT_VERSION}: a model file records the version it was trained with and
 * refuses to load under another. Stateless and thread-safe.
 */
public final class TextNormalizer {

  private static final Pattern INVISIBLE =
      Pattern.compile(
          "[\\u00AD\\u034F\\u180E\\u200B-\\u200F\\u202A-\\u202E\\u2060-\\u2064\\uFEFF]");
  private static final Pattern LEET_WORD = Pattern.compile("[\\p{L}0-9@$]*[\\p{L}][\\p{L}0-9@$]*");
  private static final Pattern SPACED_LETTERS =
      Pattern.compile("(?<![\\p{L}\\p{N}])(?:\\p{L}[ .\\-_*/|]{1,2}){2,}\\p{L}(?![\\p{L}\\p{N}])");
  private static final Pattern SEPARATORS = Pattern.compile("[ .\\-_*/|]");
  /**
   * Endings rewritten from a spelled-out or spaced form. Endings that are also English words (me,
   * to, in, be, us, co) are left out: {@code do it. to be} must not become a domain.
   */
  static final String LOOSE_TLDS =
      "com|net|org|info|biz|ru|tk|xyz|ly|gl|online|site|shop|club|click|ws|cc|pw";
  private static final Pattern SPELLED_DOT = Pattern.compile(
      "(?<=[\\p{L}\\p{N}])(?:\\s*\\(\\s*dot\\s*\\)\\s*|\\s*\\[\\s*dot\\s*]\\s*|\\s+dot\\s+"
          + "|\\s+\\.\\s*|\\.\\s+)(?=(?:" + LOOSE_TLDS + ")\\b)");
  private static final Pattern WWW_DOT =
      Pattern.compile("\\bwww\\s*(?:\\.|\\(dot\\)|\\bdot\\b)\\s*");
  private static final Pattern REPEATS = Pattern.compile("([\\p{L}&&[^w]])\\1{2,}|(w)w{3,}");
  private static final Pattern SPACES = Pattern.compile("\\s+");

  private TextNormalizer() {}

  /** Returns the folded form of {@code text}; never null. */
  public static String normalize(String text) {
    boolean ascii = true;
    boolean invisible = false;
    boolean digits = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c >= 0x80) {
        ascii = false;
        invisible |= c == 0xAD || c == 0x34F || c == 0x180E || (c >= 0x200B && c <= 0x200F)
            || (c >= 0x202A && c <= 0x202E) || (c >= 0x2060 && c <= 0x2064) || c == 0xFEFF;
      } else {
        digits |= (c >= '0' && c <= '9') || c == '@' || c == '$';
      }
    }
    String s = text;
    if (!ascii) {
      s = invisible ? INVISIBLE.matcher(s).replaceAll("") : s;
      // Folded both before and after NFKC: NFKC turns some look-alikes (the lunate sigma that
      // passes for C) into letters that no longer look Latin.
      s = foldLookAlikes(s);
      s = Normalizer.normalize(s, Normalizer.Form.NFKC);
      s = foldLookAlikes(s);
    }
    s = s.toLowerCase(Locale.ROOT);
    if (!ascii) {
      s = stripMarks(s);
      digits = true;
    }
    if (digits) {
      s = undoLeet(s);
    }
    if (mayHaveSpacedLetters(s)) {
      s = joinSpacedLetters(s);
    }
    if (s.contains("www")) {
      s = WWW_DOT.matcher(s).replaceAll("www.");
    }
    if (mayHaveSpelledDot(s)) {
      s = SPELLED_DOT.matcher(s).replaceAll(".");
    }
    if (hasRepeats(s)) {
      s = REPEATS.matcher(s).replaceAll(m -> m.group(1) != null ? m.group(1) + m.group(1) : "www");
    }
    return collapseSpaces(s);
  }

  /**
   * A cheap test that lets most texts skip the spaced-letters pattern: at least three one-letter
   * words in a row, split by spaces or punctuation.
   */
  static boolean mayHaveSpacedLetters(String s) {
    int run = 0;
    int n = s.length();
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (!Character.isLetter(c)) {
        continue;
      }
      boolean single = (i == 0 || !Character.isLetterOrDigit(s.charAt(i - 1)))
          && (i + 1 == n || !Character.isLetterOrDigit(s.charAt(i + 1)));
      run = single ? run + 1 : 0;
      if (run >= 3) {
        return true;
      }
    }
    return false;
  }

  /** Whether a loose domain ending follows a space, a spelled dot or a spaced dot. */
  private static boolean mayHaveSpelledDot(String s) {
    return s.contains("dot") || s.contains(" .") || s.contains(". ") || s.contains(".\n");
  }

  private static boolean hasRepeats(String s) {
    for (int i = 2; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == s.charAt(i - 1) && c == s.charAt(i - 2) && Character.isLetter(c)) {
        return true;
      }
    }
    return false;
  }

  private static String collapseSpaces(String s) {
    StringBuilder out = null;
    boolean space = true;
    int n = s.length();
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      boolean white = Character.isWhitespace(c);
      if (out == null && (white ? (space || c != ' ') : false)) {
        out = new StringBuilder(n).append(s, 0, i);
      }
      if (out != null) {
        if (!white) {
          out.append(c);
        } else if (!space) {
          out.append(' ');
        }
      }
      space = white;
    }
    if (out == null) {
      return space && n > 0 ? s.substring(0, n - 1) : s;
    }
    int end = out.length();
    while (end > 0 && out.charAt(end - 1) == ' ') {
      end--;
    }
    return out.substring(0, end);
  }

  /** Removes accents so {@code fréé} and {@code free} meet; Latin letters only keep their base. */
  private static String stripMarks(String s) {
    boolean plain = true;
    for (int i = 0; i < s.length() && plain; i++) {
      plain = s.charAt(i) < 0x80;
    }
    if (plain) {
      return s;
    }
    String decomposed = Normalizer.normalize(s, Normalizer.Form.NFD);
    StringBuilder out = new StringBuilder(decomposed.length());
    for (int i = 0; i < decomposed.length(); i++) {
      char c = decomposed.charAt(i);
      if (Character.getType(c) != Character.NON_SPACING_MARK) {
        out.append(c);
      }
    }
    return Normalizer.normalize(out, Normalizer.Form.NFC);
  }

  private static String foldLookAlikes(String s) {
    StringBuilder out = null;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      char f = lookAlike(c);
      if (f != c && out == null) {
        out = new StringBuilder(s.length()).append(s, 0, i);
      }
      if (out != null) {
        out.append(f);
      }
    }
    return out == null ? s : out.toString();
  }

  /** Cyrillic, Greek and small-capital letters that render like Latin ones. */
  private static char lookAlike(char c) {
    if (c < 0x370) {
      return c;
    }
    return switch (c) {
      case 'а', 'А', 'α', 'Α' -> 'a';
      case 'в', 'В', 'β', 'Β', 'ʙ' -> 'b';
      case 'с', 'С', 'ϲ', 'Ϲ', 'ᴄ' -> 'c';
      case 'ԁ', 'ᴅ' -> 'd';
      case 'е', 'Е', 'ё', 'Ё', 'ε', 'Ε', 'ᴇ' -> 'e';
      case 'ɡ', 'ɢ' -> 'g';
      case 'һ', 'Н', 'н', 'Η', 'ʜ' -> 'h';
      case 'і', 'І', 'ι', 'Ι', 'ɪ' -> 'i';
      case 'ј', 'Ј', 'ᴊ' -> 'j';
      case 'к', 'К', 'κ', 'Κ', 'ᴋ' -> 'k';
      case 'ӏ', 'Ӏ', 'ʟ' -> 'l';
      case 'м', 'М', 'Μ', 'ᴍ' -> 'm';
      case 'п', 'ո', 'Ν', 'ɴ' -> 'n';
      case 'о', 'О', 'ο', 'Ο', 'σ', 'ᴏ' -> 'o';
      case 'р', 'Р', 'ρ', 'Ρ', 'ᴘ' -> 'p';
      case 'ԛ' -> 'q';
      case 'ʀ', 'г' -> 'r';
      case 'ѕ', 'Ѕ', 'ꜱ' -> 's';
      case 'т', 'Т', 'τ', 'Τ', 'ᴛ' -> 't';
      case 'υ', 'ᴜ' -> 'u';
      case 'ν', 'ѵ', 'ᴠ' -> 'v';
      case 'ԝ', 'ᴡ' -> 'w';
      case 'х', 'Х', 'χ', 'Χ' -> 'x';
      case 'у', 'У', 'γ', 'Υ', 'ʏ' -> 'y';
      case 'Ζ', 'ᴢ' -> 'z';
      default -> c;
    };
  }

  /** {@code fr33 m0ney} becomes {@code free money}; plain numbers such as 2015 are left alone. */
  private static String undoLeet(String s) {
    boolean digits = false;
    for (int i = 0; i < s.length() && !digits; i++) {
      char c = s.charAt(i);
      digits = (c >= '0' && c <= '9') || c == '@' || c == '$';
    }
    if (!digits) {
      return s;
    }
    Matcher m = LEET_WORD.matcher(s);
    StringBuilder out = new StringBuilder(s.length());
    while (m.find()) {
      String word = m.group();
      boolean email = word.indexOf('@') > 0 && m.end() < s.length() && s.charAt(m.end()) == '.';
      String replacement = email || !isLeet(word) ? word : fold(word);
      m.appendReplacement(out, Matcher.quoteReplacement(replacement));
    }
    m.appendTail(out);
    return out.toString();
  }

  /**
   * Whether a word uses digits as letters: some digit or symbol stands right after a letter and
   * before a letter or another such digit ({@code fr33}, {@code m0ney}), unlike {@code mp3},
   * {@code line1} or {@code covid19}.
   */
  private static boolean isLeet(String word) {
    for (int i = 1; i + 1 < word.length(); i++) {
      if (leet(word.charAt(i)) != 0 && Character.isLetter(word.charAt(i - 1))
          && (Character.isLetter(word.charAt(i + 1)) || leet(word.charAt(i + 1)) != 0)) {
        return true;
      }
    }
    return false;
  }

  private static String fold(String word) {
    StringBuilder folded = new StringBuilder(word.length());
    for (int i = 0; i < word.length(); i++) {
      char c = word.charAt(i);
      char f = leet(c);
      folded.append(f != 0 ? f : c);
    }
    return folded.toString();
  }

  private static char leet(char c) {
    return switch (c) {
      case '0' -> 'o';
      case '1' -> 'i';
      case '3' -> 'e';
      case '4', '@' -> 'a';
      case '5', '$' -> 's';
      case '7' -> 't';
      default -> 0;
    };
  }

  /** {@code c h e c k} and {@code s.u.b} become {@code check} and {@code sub}. */
  private static String joinSpacedLetters(String s) {
    Matcher m = SPACED_LETTERS.matcher(s);
    if (!m.find()) {
      return s;
    }
    StringBuilder out = new StringBuilder(s.length());
    do {
      String joined = SEPARATORS.matcher(m.group()).replaceAll("");
      m.appendReplacement(out, Matcher.quoteReplacement(joined));
    } while (m.find());
    m.appendTail(out);
    return out.toString();
  }
}
