package org.moderato.submission;

import java.text.Normalizer;

/**
 * Cleans submitted text before anything judges or stores it: Unicode NFC, line endings as
 * {@code \n}, tabs as spaces, and no control, zero-width or bidirectional-override characters
 * (which hide text or reverse how it reads). Line breaks are kept in comments and removed from
 * names; runs of more than two blank lines shrink to two. Pure and thread-safe.
 */
public final class TextNormalizer {

  private TextNormalizer() {}

  /** A comment body: line breaks kept, trimmed. */
  public static String comment(String raw) {
    return clean(raw, true);
  }

  /** A display name: one line, inner whitespace collapsed, trimmed. */
  public static String name(String raw) {
    return clean(raw, false).replaceAll("\\s+", " ");
  }

  private static String clean(String raw, boolean keepLines) {
    String text = Normalizer.normalize(raw, Normalizer.Form.NFC);
    StringBuilder out = new StringBuilder(text.length());
    int newlines = 0;
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      i += Character.charCount(cp);
      if (cp == '\r') {
        if (i < text.length() && text.charAt(i) == '\n') {
          continue;
        }
        cp = '\n';
      }
      if (cp == '\n' || cp == 0x2028 || cp == 0x2029 || cp == 0x85) {
        if (!keepLines) {
          out.append(' ');
          continue;
        }
        newlines++;
        if (newlines <= 3) {
          out.append('\n');
        }
        continue;
      }
      if (cp == '\t') {
        cp = ' ';
      }
      if (isInvisible(cp)) {
        continue;
      }
      if (cp != ' ') {
        newlines = 0;
      }
      out.appendCodePoint(cp);
    }
    return out.toString().strip();
  }

  private static boolean isInvisible(int cp) {
    if (Character.isISOControl(cp)) {
      return true;
    }
    return switch (cp) {
      case 0x00AD, 0x034F, 0x061C, 0x115F, 0x1160, 0x17B4, 0x17B5, 0x180E, 0x3164, 0xFEFF,
          0xFFA0 -> true;
      default -> (cp >= 0x200B && cp <= 0x200F)
          || (cp >= 0x202A && cp <= 0x202E)
          || (cp >= 0x2060 && cp <= 0x206F)
          || Character.getType(cp) == Character.SURROGATE;
    };
  }
}
