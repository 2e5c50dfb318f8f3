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
      Shit, I forgot my keys again.                   | oops, i forgot my keys again.
      Crap, I spilled coffee on my laptop.            | oops, i spilled coffee on my laptop.
      Damn, my train is late again!                   | oops, my train is late again!
      Damn, you're fast!                              | wow, you're fast!
      Crap, you are slow.                             | crap, you are slow.
      I forgot my fucking keys.                       | i forgot my fucking keys.
      Y0u 4re n0t an 1d10t.                           | you are not negated.
      Saying women are stupid is sexist and wrong.    | saying reported is condemned and condemned.
      Calling immigrants animals is racist.           | calling reported is condemned.
      Telling him to die is never acceptable.         | telling reported is never negated.
      Insulting people as morons does not help.       | insulting reported does not help.
      It is wrong to call gay people disgusting.      | it is condemned to call reported.
      It's hateful to say they are sick, but true.    | it's condemned to say reported, but true.
      Calling you an idiot is too kind.               | calling you an idiot is too kind.
      Saying you are an idiot is sexist.              | saying you are an idiot is sexist.
      Calling him a moron is generous.                | calling named is generous.
      Nobody here is an idiot.                        | nobody here is negated.
      No one is stupid for asking.                    | no one is negated.
      Nobody cares, you idiot.                        | nobody cares, you idiot.
      Kill the bill, it is a waste of money.          | stop the bill, it is a waste of money.
      They killed it last night.                      | they stop it last night.
      Kill the immigrants.                            | kill the immigrants.
      I will kill you.                                | i will kill you.
      Immigrants are animals.                         | immigrants are dehumanised animals.
      These people are just vermin.                   | these people are just dehumanised vermin.
      They're no better than rats.                    | they're no better than dehumanised rats.
      These protesters are animals.                   | these protesters are dehumanised animals.
      Immigrants are not animals.                     | immigrants are not negated.
      Dogs are animals.                               | dogs are animals.
      Immigrants are treated like animals.            | immigrants are mistreated.
      Refugees are being treated like animals here.   | refugees are being mistreated here.
      They should be treated like animals.            | they should be treated like animals.
      They deserve to be treated as animals.          | they deserve to be treated as animals.
      Muslims are terrorists and should leave.        \
          | muslims are dehumanised terrorists and should leave.
      Muslim people are all terrorists.               \
          | muslim people are all dehumanised terrorists.
      Mexicans are rapists.                           | mexicans are dehumanised rapists.
      They are terrorists.                            | they are terrorists.
      The attackers were terrorists.                  | the attackers were terrorists.
      Muslims are not terrorists.                     | muslims are not negated.
      Claiming that Muslims are terrorists is wrong.  | claiming reported is condemned.
      You are a beast, congrats on the marathon!      | you are a beast, congrats on the marathon!
      I would never call you stupid.                  | i would never negated.
      I wouldn't say you are an idiot.                | i wouldn't negated.
      Don't call me stupid, you idiot.                | don't negated, you idiot.
      I can't believe you are such an idiot.          | i can't believe you are such an idiot.
      Gay people deserve equal rights.                | gay people merit equal rights.
      They deserve to be treated with respect.        | they merit to be treated with respect.
      Everyone deserves a second chance.              | everyone merit a second chance.
      You deserve to die.                             | you deserve to die.
      They deserve a good beating.                    | they deserve a good beating.
      """)
  void marksWhatABagOfWordsWouldMisread(String input, String prepared) {
    assertThat(ToxicityText.prepare(input)).isEqualTo(prepared);
  }
}
