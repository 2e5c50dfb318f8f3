package org.moderato.filtering.toxicity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Functional cases for the shipped model, in the spirit of HateCheck: the same hurtful words in a
 * sentence that denies, condemns, reports or quotes them, or profanity used kindly, must score
 * well below the direct insult and below the hold threshold. A model that only reacts to swear
 * words fails these. Known misses are listed in docs/toxicity.md rather than left out silently.
 */
class ToxicityFunctionalTest {

  /** How far below the direct insult the contextual sentence must score. */
  private static final double MARGIN = 0.25;

  private static ToxicityClassifier model;

  @BeforeAll
  static void load() throws Exception {
    model = ToxicityClassifier.bundled();
  }

  @ParameterizedTest(name = "[{0}] \"{1}\" scores well below \"{2}\"")
  @CsvSource(delimiter = '|', textBlock = """
      negation       | You are not an idiot.                               | You are an idiot.
      negation       | I don't think you are an idiot.                     | You are an idiot.
      negation       | Your argument is not stupid.      | Your argument is stupid.
      negation       | He isn't a liar.                                    | He is a liar.
      negation       | You are not a disgusting pig.     | You are a disgusting pig.
      counter-speech | Calling people idiots is not how we debate here.    | You people are idiots.
      counter-speech | Please stop calling her stupid, it is hurtful.      | She is stupid.
      counter-speech | Name-calling like "you moron" has no place here.    | You moron.
      quoting        | The paper quotes him saying "shut up, you idiot" to a reporter. \
                     | Shut up, you idiot.
      quoting        | She wrote "all of you are worthless idiots" and deleted it. \
                     | All of you are worthless idiots.
      kind profanity | Holy shit, this is fucking amazing news, congrats to the team! \
                     | What a fucking idiot.
      kind profanity | This is so fucking beautiful, thank you for writing it. \
                     | This is fucking stupid.
      kind profanity | Fuck yeah, the library is finally open on Sundays!  | Fuck you.
      kind profanity | That was a damn good article.     | That was a damn stupid article.
      """)
  void contextLowersTheScore(String kind, String contextual, String direct) {
    double contextualScore = model.score(contextual).toxicity();
    double directScore = model.score(direct).toxicity();

    assertThat(directScore).as("direct: " + direct).isGreaterThanOrEqualTo(
        ToxicityThresholds.DEFAULTS.hold());
    assertThat(contextualScore).as(kind + ": " + contextual)
        .isLessThan(ToxicityThresholds.DEFAULTS.hold())
        .isLessThan(directScore - MARGIN);
  }

  @ParameterizedTest(name = "\"{0}\" is held")
  @CsvSource(delimiter = '|', textBlock = """
      Shut up, you stupid moron.
      You are a pathetic loser and a liar.
      People like you are scum.
      Go kill yourself.
      You are an 1d10t.
      You are an \u0456d\u0456\u043et.
      You are a s.t.u.p.i.d moron.
      """)
  void directAbuseIsHeldEvenWhenDisguised(String text) {
    assertThat(model.score(text).toxicity()).isGreaterThanOrEqualTo(
        ToxicityThresholds.DEFAULTS.hold());
  }

  @ParameterizedTest(name = "\"{0}\" is published")
  @CsvSource(delimiter = '|', textBlock = """
      The council approved the new budget for road repairs on Tuesday.
      I disagree with the mayor's plan, the numbers don't add up.
      Thanks for the thoughtful article.
      My neighbour's dog was found safe, thank you all for sharing.
      """)
  void ordinaryCommentsAreNotNudged(String text) {
    assertThat(model.score(text).toxicity()).isLessThan(ToxicityThresholds.DEFAULTS.nudge());
  }
}
