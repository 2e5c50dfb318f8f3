package org.moderato.classifier;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FeatureExtractorTest {

  private final FeatureExtractor extractor = new FeatureExtractor(FeatureSpec.DEFAULTS);

  private List<String> names(String text) {
    return extractor.extractNamed(text).stream().map(FeatureExtractor.NamedFeature::name).toList();
  }

  @ParameterizedTest(name = "[{0}] has feature {1}")
  @CsvSource(delimiter = '|', textBlock = """
      visit kidsmediausa . com today                   | link
      go to www dot freestuff dot com                  | link
      http://example.org/page                          | link
      my shop: tsu.co/someone                          | link
      two: a.com/x and b.net/y                         | several links
      short link bit.ly/abc                            | link shortener
      write me at sales@example.com                    | e-mail address
      call +1 (555) 123-4567 today                     | phone number
      earn $500 now                                    | money
      we pay per hour                                  | money
      working from home changed my life                | earnings or offer
      please subscribe to my channel                   | call to action
      sucscribe guys                                   | call to action
      check out my new video                           | self-promotion
      THIS IS ALL SHOUTING RIGHT HERE                  | mostly capitals
      wow!!! amazing!!!                                | many exclamation marks
      Ϲhеck this                                       | look-alike letters
      f r e e stuff                                    | spaced-out letters
      ok                                               | length: 1-5 words
      be your own boss today                           | earnings or offer
      check the sources please                         | request without a promotion target
      Thumbs up if you're watching in 2015             | poll for likes
      almost 14,000,000 subscribers                    | subscribers mentioned
      http://vimeo.com/106865403                       | nothing but a link
      Nice! https://www.facebook.com/somepage          | nothing but a link
      ---> www dot freestuff dot com <---              | nothing but a link
      subscribe: https://www.youtube.com/channel/UC12  | link
      Watch it www.youtube. com/watch?v=TQ046FuAu00    | link
      see https://en.wikipedia.org/wiki/Spam           | link to a reference site
      http://tools.wmflabs.org/citations               | link to a reference site
      http://example.org/wiki/Invention                | link to a reference site
      http://books.google.co.in/books?id=P4bNDU        | link to a reference site
      Katy Perry - Roar: http://youtu.be/CevxZvSJLk8   | link to a video
      https://www.youtube.com/watch?v=qhskpjFXaRE      | link to a video
      I read it on salon.com yesterday                 | domain name
      """)
  void recognizesStructuralSignsOfSpam(String text, String feature) {
    assertThat(names(text)).contains(feature);
  }

  @ParameterizedTest(name = "[{0}] has no feature {1}")
  @CsvSource(delimiter = '|', textBlock = """
      I think so. It is fine, to be honest.             | link
      Do it.To be fair it is.                           | link
      My subscription to this paper is worth it         | call to action
      The vote was 2015 to 1998 in the end              | phone number
      It happened at 10:30 and again at 11:45           | phone number
      Costs rose by 20 percent last year                | money
      A normal sentence about the city council          | mostly capitals
      see https://en.wikipedia.org/wiki/Spam            | link
      see https://en.wikipedia.org/wiki/Spam            | link in a short text
      http://tools.wmflabs.org/citations                | link
      Katy Perry - Roar: http://youtu.be/CevxZvSJLk8    | link
      Katy Perry - Roar: http://youtu.be/CevxZvSJLk8    | link shortener
      I read it on salon.com yesterday                  | link
      Thanks, I'll check it out.                        | call to action
      Thanks, I'll check it out.                        | request without a promotion target
      Don't ever contact me again.                      | call to action
      Thumbs up if you're watching in 2015              | call to action
      so close to 14,000,000 subscribers                | call to action
      this is my favorite song                          | self-promotion
      see my talk page                                  | self-promotion
      a link http://example.org/x with words around it  | nothing but a link
      """)
  void leavesOrdinaryNewsCommentsAlone(String text, String feature) {
    assertThat(names(text)).doesNotContain(feature);
  }

  @Test
  void extractionIsDeterministicAndWithinTheHashedSpace() {
    SparseVector a = extractor.extract("Check out my channel, it is great");
    SparseVector b = extractor.extract("Check out my channel, it is great");
    assertThat(a.canonical().toString()).isEqualTo(b.canonical().toString());
    for (int k = 0; k < a.size(); k++) {
      assertThat(a.index(k)).isBetween(0, FeatureSpec.DEFAULTS.dimension() - 1);
    }
  }

  @Test
  void nGramBlocksHaveUnitLengthSoLongTextsDoNotPileUpEvidence() {
    FeatureExtractor wordsOnly = new FeatureExtractor(
        FeatureSpec.DEFAULTS.withChars(0, 0).withStructural(false));
    String longText = "word ".repeat(50) + "other words here and there ".repeat(40);
    assertThat(wordsOnly.extract("one two three").norm()).isCloseTo(1.0, within());
    assertThat(wordsOnly.extract(longText).norm()).isCloseTo(1.0, within());
  }

  @Test
  void aHugeCommentIsCutToTheCharacterBudget() {
    String huge = "lorem ipsum dolor sit amet ".repeat(20_000);
    long start = System.nanoTime();
    SparseVector x = extractor.extract(huge);
    assertThat(x.size()).isPositive();
    assertThat(System.nanoTime() - start).isLessThan(2_000_000_000L);
  }

  @Test
  void obfuscatedAndPlainSpellingsShareTheirWordFeatures() {
    FeatureExtractor words = new FeatureExtractor(
        FeatureSpec.DEFAULTS.withChars(0, 0).withStructural(false));
    assertThat(words.extract("Ϲhеck my ch@nnel").canonical().toString())
        .isEqualTo(words.extract("check my channel").canonical().toString());
  }

  private static org.assertj.core.data.Offset<Double> within() {
    return org.assertj.core.data.Offset.offset(1e-5);
  }
}
