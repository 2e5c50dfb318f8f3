package org.moderato.filtering.text;

import java.util.HashMap;
import java.util.Map;

/**
 * Letters from other scripts (and Latin letters that NFKD leaves alone) that look like a plain
 * Latin letter in common fonts, and the letter they imitate. The table covers the look-alikes
 * used to dodge word filters, not every confusable in Unicode's list: that list maps many symbols
 * that nobody types by accident and would fold ordinary punctuation into letters.
 */
final class LookAlikes {

  private static final Map<Integer, Integer> LATIN = new HashMap<>();

  static {
    // Cyrillic, lower case (the text is already lower-cased when this is asked).
    map("\u0430", 'a'); // а
    map("\u0432", 'b'); // в
    map("\u0435", 'e'); // е
    map("\u0451", 'e'); // ё
    map("\u043d", 'h'); // н
    map("\u0456", 'i'); // і
    map("\u0457", 'i'); // ї
    map("\u0458", 'j'); // ј
    map("\u043a", 'k'); // к
    map("\u043c", 'm'); // м
    map("\u043e", 'o'); // о
    map("\u0440", 'p'); // р
    map("\u0441", 'c'); // с
    map("\u0455", 's'); // ѕ
    map("\u0442", 't'); // т
    map("\u0443", 'y'); // у
    map("\u0445", 'x'); // х
    map("\u04bb", 'h'); // һ
    map("\u0501", 'd'); // ԁ
    map("\u051b", 'q'); // ԛ
    map("\u051d", 'w'); // ԝ
    // Greek.
    map("\u03b1", 'a'); // α
    map("\u03b2", 'b'); // β
    map("\u03b5", 'e'); // ε
    map("\u03b7", 'n'); // η
    map("\u03b9", 'i'); // ι
    map("\u03ba", 'k'); // κ
    map("\u03bd", 'v'); // ν
    map("\u03bf", 'o'); // ο
    map("\u03c1", 'p'); // ρ
    map("\u03c4", 't'); // τ
    map("\u03c5", 'u'); // υ
    map("\u03c7", 'x'); // χ
    map("\u03c9", 'w'); // ω
    map("\u03b3", 'y'); // γ
    map("\u03bc", 'u'); // μ
    // Latin letters that NFKD keeps as they are.
    map("\u0131", 'i'); // ı dotless i
    map("\u0142", 'l'); // ł
    map("\u00f8", 'o'); // ø
    map("\u0111", 'd'); // đ
    map("\u0127", 'h'); // ħ
    map("\u0180", 'b'); // ƀ
    map("\u0269", 'i'); // ɩ
    map("\u0251", 'a'); // ɑ
    map("\u0261", 'g'); // ɡ
    map("\u0299", 'b'); // ʙ small capital
    map("\u1d04", 'c'); // ᴄ
    map("\u1d05", 'd'); // ᴅ
    map("\u1d07", 'e'); // ᴇ
    map("\u0262", 'g'); // ɢ
    map("\u029c", 'h'); // ʜ
    map("\u026a", 'i'); // ɪ
    map("\u1d0a", 'j'); // ᴊ
    map("\u1d0b", 'k'); // ᴋ
    map("\u029f", 'l'); // ʟ
    map("\u1d0d", 'm'); // ᴍ
    map("\u0274", 'n'); // ɴ
    map("\u1d0f", 'o'); // ᴏ
    map("\u1d18", 'p'); // ᴘ
    map("\u0280", 'r'); // ʀ
    map("\ua731", 's'); // ꜱ
    map("\u1d1b", 't'); // ᴛ
    map("\u1d1c", 'u'); // ᴜ
    map("\u1d20", 'v'); // ᴠ
    map("\u1d21", 'w'); // ᴡ
    map("\u028f", 'y'); // ʏ
    map("\u1d22", 'z'); // ᴢ
  }

  private LookAlikes() {}

  private static void map(String from, char to) {
    LATIN.put(from.codePointAt(0), (int) to);
  }

  /** The Latin letter that {@code cp} imitates, or 0 if it imitates none. */
  static int latinFor(int cp) {
    if (cp < 0x80) {
      return 0;
    }
    Integer latin = LATIN.get(cp);
    return latin == null ? 0 : latin;
  }
}
