package org.moderato.submission;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TextNormalizerTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      trims the ends                      | '  hi  '                        | hi
      keeps line breaks                   | 'a\\nb'                          | 'a\\nb'
      turns CRLF and CR into LF           | 'a\\r\\nb\\rc'                    | 'a\\nb\\nc'
      removes zero-width characters       | 'z\\u200Be\\u200Cr\\u200Do\\uFEFF' | zero
      removes bidi overrides              | 'a\\u202Eb\\u2066c'              | abc
      removes NUL and control characters  | 'a\\u0000b\\u0007c'              | abc
      composes to NFC                     | 'e\\u0301'                       | '\\u00E9'
      keeps at most two blank lines       | 'a\\n\\n\\n\\n\\nb'                 | 'a\\n\\n\\nb'
      keeps emoji                         | 'ok \\uD83D\\uDC4D'              | 'ok \\uD83D\\uDC4D'
      """)
  void cleansComments(String what, String raw, String expected) {
    assertThat(TextNormalizer.comment(unescape(raw))).isEqualTo(unescape(expected));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      puts a name on one line       | 'Ann\\nSmith'   | Ann Smith
      collapses inner white space   | 'Ann   \\t Lee' | Ann Lee
      """)
  void cleansNames(String what, String raw, String expected) {
    assertThat(TextNormalizer.name(unescape(raw))).isEqualTo(expected);
  }

  static String unescape(String s) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\\' && i + 1 < s.length()) {
        char n = s.charAt(++i);
        switch (n) {
          case 'n' -> out.append('\n');
          case 'r' -> out.append('\r');
          case 't' -> out.append('\t');
          case 'u' -> {
            out.append((char) Integer.parseInt(s.substring(i + 1, i + 5), 16));
            i += 4;
          }
          default -> out.append(n);
        }
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }
}
