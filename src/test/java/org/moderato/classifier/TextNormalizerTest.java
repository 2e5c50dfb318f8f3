package org.moderato.classifier;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TextNormalizerTest {

  @ParameterizedTest(name = "{0} folds to {1}")
  @CsvSource(delimiter = '|', textBlock = """
      Check  OUT   my channel           | check out my channel
      C h e c k  o u t                 | checkout
      s.u.b.s.c.r.i.b.e now            | subscribe now
      Ϲhеck ᴍy сhаnnеl                 | check my channel
      ｆｒｅｅ ｍｏｎｅｙ                    | free money
      fr33 m0ney at ch@nnel            | free money at channel
      fr\u200Bee mo\u00ADney           | free money
      soooooo gooood                   | soo good
      visit kidsmediausa . com         | visit kidsmediausa.com
      go to www dot mysite dot com     | go to www.mysite.com
      see site(dot)net                 | see site.net
      mp3 and line1 and covid19 stay   | mp3 and line1 and covid19 stay
      do it. to be fair                | do it. to be fair
      write to me@example.com          | write to me@example.com
      Café crème                       | cafe creme
      """)
  void foldsDisguisesBackToPlainText(String input, String expected) {
    assertThat(TextNormalizer.normalize(input.replace("\\u200B", "\u200B")
        .replace("\\u00AD", "\u00AD"))).isEqualTo(expected);
  }

  @ParameterizedTest(name = "whitespace in [{0}] collapses")
  @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
      "  a  b  " | a b
      "a\tb"     | a b
      "ab"       | ab
      """)
  void collapsesAndTrimsWhitespace(String input, String expected) {
    assertThat(TextNormalizer.normalize(input.replace("\\t", "\t"))).isEqualTo(expected);
  }
}
