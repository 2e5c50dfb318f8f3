package org.moderato.classifier;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CallsToActionTest {

  private static final Map<String, Integer> KINDS = Map.of(
      "promotion", CallsToAction.PROMOTION,
      "request", CallsToAction.REQUEST,
      "like poll", CallsToAction.LIKE_POLL,
      "subscribers", CallsToAction.SUBSCRIBERS,
      "self-promotion", CallsToAction.SELF_PROMOTION);

  private static int find(String text) {
    return CallsToAction.find(TextNormalizer.normalize(text), false);
  }

  @ParameterizedTest(name = "[{0}] is a {1}")
  @CsvSource(delimiter = '|', textBlock = """
      Check out my new channel!                                  | promotion
      Hey guys check out my new music channel                    | promotion
      Check me out! I'm kyle. I rap so yeah                      | promotion
      come check us out, we are new                              | promotion
      please subscribe                                           | promotion
      sucscribe guys                                             | promotion
      SUB 4 SUB anyone?                                          | promotion
      like this comment if you agree                             | promotion
      give it a like                                             | promotion
      Follow me on Instagram                                     | promotion
      follow 4 follow                                            | promotion
      Check out this video on YouTube:                           | promotion
      take a look at this video on youtube                       | promotion
      visit my website                                           | promotion
      don't forget to check out my channel                       | promotion
      I just started my youtube channel, please go check it out  | promotion
      help me reach 1000 subscribers                             | promotion
      link in my bio                                             | promotion
      Please check the photographs of this article               | request
      Check out WP:V and WP:CITE for more information            | request
      Could you check out this article for deletion?             | request
      check this out: http://example.org/page                    | request
      She named the tiger Kitty, seriously, check the video      | request
      If you need anything, contact me                           | request
      Thumbs up if you're watching in 2015                       | like poll
      Like if you came here to see the views                     | like poll
      so close to 14,000,000 subscribers                         | subscribers
      I'm a subscriber                                           | subscribers
      I love that you subscribed                                 | subscribers
      me on my channel                                           | self-promotion
      our new website is up                                      | self-promotion
      I made a gaming channel                                    | self-promotion
      check my new rap video                                     | self-promotion
      mi canal es nuevo                                          | self-promotion
      """)
  void findsEachKindOfRequest(String text, String kind) {
    assertThat(find(text) & KINDS.get(kind)).as(text).isNotZero();
  }

  @ParameterizedTest(name = "[{0}] is no {1}")
  @CsvSource(delimiter = '|', textBlock = """
      Thanks, I'll check it out.                                 | promotion
      Thanks, I'll check it out.                                 | request
      We will check it out tomorrow                              | request
      Don't ever contact me again.                               | request
      just came here to check the views                          | request
      go here to check the views :3                              | request
      There is a new vote for the board                          | request
      I will vote for her                                        | request
      the last time I checked, it was fine                       | request
      you can listen to me and change                            | promotion
      Please check the photographs of this article               | promotion
      check this out: http://example.org/page                    | promotion
      Could you check out this article for deletion?             | promotion
      She named the tiger Kitty, seriously, check the video      | promotion
      you might want to check out our criteria                   | promotion
      Thumbs up if you're watching in 2015                       | promotion
      so close to 14,000,000 subscribers                         | promotion
      My subscription to this paper is worth it                  | subscribers
      My subscription to this paper is worth it                  | promotion
      this is my favorite song                                   | self-promotion
      see my talk page                                           | self-promotion
      I can relate to my daughter's music                        | self-promotion
      the council will check the budget                          | request
      I like it if it rains                                      | like poll
      plz open your skype                                        | promotion
      """)
  void leavesOtherWordsAlone(String text, String kind) {
    assertThat(find(text) & KINDS.get(kind)).as(text).isZero();
  }

  @ParameterizedTest(name = "[{0}] has contact details, so the request promotes")
  @CsvSource(delimiter = '|', textBlock = """
      If you need anything, contact me
      message me on whatsapp
      check it out
      Call now: 555 123 4567
      """)
  void aWayToReachTheWriterMakesARequestPromotion(String text) {
    assertThat(CallsToAction.find(TextNormalizer.normalize(text), true)
        & CallsToAction.PROMOTION).isNotZero();
  }
}
