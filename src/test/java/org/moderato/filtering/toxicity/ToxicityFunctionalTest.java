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
      Night trains need a dining car.
      """)
  void ordinaryCommentsAreNotNudged(String text) {
    assertThat(model.score(text).toxicity()).isLessThan(ToxicityThresholds.DEFAULTS.nudge());
  }

  /**
   * The score is spread (see {@link ScoreScale}): a plain comment lands in the lower part of the
   * scale, not just under the thresholds. Before the scale these scored 0.10 to 0.37.
   */
  @ParameterizedTest(name = "\"{0}\" scores low")
  @CsvSource(delimiter = '|', textBlock = """
      The council approved the new budget for road repairs on Tuesday.
      I disagree with the mayor's plan, the numbers don't add up.
      Thanks for the thoughtful article.
      My neighbour's dog was found safe, thank you all for sharing.
      Women make up half of the council now.
      The mosque on Elm Street is hosting an open day.
      """)
  void plainCommentsScoreLow(String text) {
    assertThat(model.score(text).toxicity()).isLessThan(0.3);
  }

  /**
   * The hold decision itself, per HateCheck-style category, several wordings each. Every case
   * here passes with the shipped model; the ones that do not are listed under "Functional cases"
   * in docs/toxicity.md instead of being left out silently or asserted the wrong way round.
   */
  @ParameterizedTest(name = "[{0}] \"{2}\" is {1}")
  @CsvSource(delimiter = '|', textBlock = """
      negation          | published | You are not an idiot.
      negation          | published | I don't think you are stupid.
      negation          | published | Your argument isn't stupid at all.
      negation          | published | He is not a liar, he was misinformed.
      negation          | published | She's not dumb, she just disagrees with you.
      negation          | published | Nobody here is an idiot.
      negation          | published | Immigrants are not animals.
      negation          | published | I would never call you stupid.
      counter-speech    | published | Saying women are stupid is sexist and wrong.
      counter-speech    | published | Calling immigrants animals is racist.
      counter-speech    | published | It is wrong to call gay people disgusting.
      counter-speech    | published | Telling someone to kill themselves is never acceptable.
      counter-speech    | published | Claiming that Muslims are terrorists is bigoted nonsense.
      counter-speech    | published | Stop calling people idiots, it is not helping.
      counter-speech    | published | Saying that black people are lazy is racist.
      counter-speech    | published | It's hateful to say that gay people are sick.
      counter-speech    | published | Insulting people as morons does not win arguments.
      quoting           | published | She wrote "all of you are worthless idiots" and deleted it.
      quoting           | published | The article quotes him saying "shut up, you idiot" \
                                    to a reporter.
      quoting           | published | He called me a "stupid moron" and I reported him.
      kind profanity    | published | This is fucking amazing news.
      kind profanity    | published | That was a damn good article.
      kind profanity    | published | Damn, I love this town.
      kind profanity    | published | Hell yeah, the library is open on Sundays now!
      kind profanity    | published | Holy shit, what a game!
      undirected profanity | published | Shit, I forgot my keys again.
      undirected profanity | published | Damn, I missed the bus.
      undirected profanity | published | Crap, I spilled coffee on my laptop.
      neutral statement | published | Dogs are animals.
      report of abuse   | published | Immigrants are treated like animals.
      report of abuse   | published | Refugees are being treated like animals in these camps.
      negation          | published | Muslims are not terrorists.
      identity mention  | published | I am a proud gay man.
      identity mention  | published | Muslims in our city organised a food drive.
      identity mention  | published | Black history month starts next week.
      identity mention  | published | Women make up half of the council now.
      identity mention  | published | Immigrants started many of the businesses on Main Street.
      identity mention  | published | As a Jewish woman, I found this article moving.
      identity mention  | published | Trump signed the bill on Tuesday.
      identity mention  | published | Liberals and conservatives both want better schools.
      identity mention  | published | My wife and I are both Christians and we support \
                                    the new shelter.
      identity mention  | published | The mosque on Elm Street is hosting an open day.
      identity mention  | published | Transgender students should be able to play sports.
      identity mention  | published | Many Mexican families live in this neighbourhood.
      identity mention  | published | Gay people deserve equal rights.
      identity mention  | published | Women deserve respect.
      figurative        | published | Kill the bill, it is a waste of money.
      figurative        | published | The new tax will kill small businesses.
      figurative        | published | The band killed it last night.
      figurative        | published | This proposal should be killed in committee.
      figurative        | published | That joke killed me.
      insult            | held      | You are an idiot.
      insult            | held      | You are a disgusting pig.
      insult            | held      | You're a fucking idiot.
      insult            | held      | Don't be an idiot.
      insult            | held      | Nobody cares, you idiot.
      insult            | held      | You are not smart, you are an idiot.
      insult            | held      | Calling you an idiot is too kind.
      insult            | held      | What a stupid article, the writer is an idiot.
      insult            | held      | Trump is a moron.
      identity attack   | held      | Gay people are disgusting.
      identity attack   | held      | Gays are sick.
      identity attack   | held      | Women are stupid.
      identity attack   | held      | Black people are lazy and stupid.
      identity attack   | held      | All liberals are idiots.
      dehumanisation    | held      | Immigrants are animals.
      dehumanisation    | held      | Refugees are vermin.
      dehumanisation    | held      | Jews are rats.
      dehumanisation    | held      | These people are vermin and parasites.
      group derogation  | held      | Muslims are terrorists and should leave.
      group derogation  | held      | Mexicans are rapists.
      group derogation  | held      | Muslim people are all terrorists.
      threat            | held      | I will kill you.
      threat            | held      | Go kill yourself.
      threat            | held      | Kill all the immigrants.
      profanity at you  | held      | Shut the fuck up.
      """)
  void functionalCasesAtTheHoldThreshold(String category, String expected, String text) {
    double score = model.score(text).toxicity();
    double hold = ToxicityThresholds.DEFAULTS.hold();

    if (expected.equals("held")) {
      assertThat(score).as(category + ": " + text).isGreaterThanOrEqualTo(hold);
    } else {
      assertThat(score).as(category + ": " + text).isLessThan(hold);
    }
  }
}
