package org.moderato.filtering.toxicity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ToxicityTextTest {

  @ParameterizedTest(name = "\"{0}\" is seen as \"{1}\"")
  @CsvSource(delimiter = '|', textBlock = """
      You are an idiot.                               | you are an idiot.
      You are not an idiot.                           | you are not negated.
      He isn't a liar, he is mistaken.                | he isn't negated, he is mistaken.
      Not an idiot, just wrong.                       | not negated, just wrong.
      I don't think you are an idiot, just wrong.     | i don't negated, just wrong.
      Don't be an idiot.                              | don't be an idiot.
      You are not only wrong but an idiot.            | you are not only wrong but an idiot.
      I don't know, you idiot.                        | i don't know, you idiot.
      Please stop calling her stupid.                 | please stop calling named.
      Calling people idiots is not how we debate.     | calling named is not negated.
      I'm calling you an idiot.                       | i'm calling you an idiot.
      She said "you are all idiots" and left.         | she said " quoted" and left.
      You "experts" are idiots.                       | you "experts" are idiots.
      Insults like "moron" do not help.               | insults like " quoted" do not help.
      He wrote "you are an idiot" to me.              | he wrote " quoted" to me.
      "Guessing you're an idiot!" Right back at you.  \
          | "guessing you're an idiot!" right back at you.
      Well. "You are all idiots" is what I think.     | well. "you are all idiots" is what i think.
      This is fucking amazing.                        | this is very amazing.
      This is fucking stupid.                         | this is fucking stupid.
      Holy shit, what a game!                         | wow, what a game!
      Y0u 4re n0t an 1d10t.                           | you are not negated.
      """)
  void marksWhatABagOfWordsWouldMisread(String input, String prepared) {
    assertThat(ToxicityText.prepare(input)).isEqualTo(prepared);
  }
}
