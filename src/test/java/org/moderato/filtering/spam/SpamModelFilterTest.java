package org.moderato.filtering.spam;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.moderato.classifier.AdaptiveModel;
import org.moderato.classifier.LogisticModel;
import org.moderato.classifier.OnlineGuard;
import org.moderato.filtering.Candidate;
import org.moderato.filtering.Category;
import org.moderato.filtering.FilterPipeline;
import org.moderato.filtering.FilterResult;
import org.moderato.filtering.Reason;
import org.moderato.filtering.Thresholds;
import org.moderato.filtering.Verdict;

class SpamModelFilterTest {

  private static LogisticModel shipped;

  @BeforeAll
  static void loadTheShippedModel() throws IOException {
    shipped = SpamModelFilter.loadShippedModel();
  }

  private static Reason reasonFor(SpamModelFilter filter, String text) {
    FilterResult result = filter.evaluate(Candidate.dry("reader", text, Instant.EPOCH)).result();
    assertThat(result.reasons()).hasSize(1);
    return result.reasons().get(0);
  }

  @Test
  void theShippedModelLoadsFromTheClassPath() {
    assertThat(shipped.name()).isEqualTo("spam");
    assertThat(shipped.experts()).isEqualTo(2);
    assertThat(shipped.provenance()).contains("uci-youtube-spam");
  }

  @ParameterizedTest(name = "holds: {0}")
  @ValueSource(strings = {
    "Check out my channel, I make music videos every week!",
    "C h e c k  o u t  m y  c h a n n e l and subscribe",
    "Ϲhеck оut my chаnnеl аnd ѕubѕсribе",
    "ch3ck 0ut my ch@nnel and sub5cribe pls",
    "s.u.b.s.c.r.i.b.e to my channel please",
    "visit kidsmediausa . com for free games",
    "go to www dot freegiftcards dot com now",
    "Earn $500 a day working from home, message me on whatsapp +1 555 123 4567",
    "I make $87 an hour working from home. Click here to start: bit.ly/abc",
    "Check out my new channel, link in bio!",
    "http://cheap-pills.example.com/buy",
  })
  void obfuscatedSpamIsHeld(String text) {
    Reason reason = reasonFor(new SpamModelFilter(shipped), text);
    assertThat(reason.code()).isEqualTo("spam-model");
    assertThat(reason.category()).isEqualTo(Category.SPAM);
    assertThat(reason.contribution()).isGreaterThanOrEqualTo(Thresholds.DEFAULTS.spamHold());
    assertThat(reason.detail()).isNotBlank();
  }

  @ParameterizedTest(name = "publishes: {0}")
  @ValueSource(strings = {
    "The council approved the budget after a long debate about school funding and taxes.",
    "I disagree with the author. The data on unemployment shows the opposite trend since 2015,"
        + " and the article ignores it.",
    "Thanks for the link, I read the report on the city website and it answers my question.",
    "My subscription to this paper is worth every penny for reporting like this.",
    "Great song, I listen to it every morning!",
    "Thanks for the tip, I'll check it out tonight.",
    "Don't ever contact me again.",
    "The report is at https://www.gao.gov/products/gao-21-123 if you want the numbers.",
    "Here is the clip: https://youtu.be/dQw4w9WgXcQ",
    "I read the same story on politico.com this morning and it says otherwise.",
  })
  void ordinaryCommentsAreNotHeld(String text) {
    Reason reason = reasonFor(new SpamModelFilter(shipped), text);
    assertThat(reason.contribution()).isLessThan(Thresholds.DEFAULTS.spamHold());
  }

  @Test
  void theDetailNamesWhatPushedTheScoreUp() {
    Reason reason = reasonFor(new SpamModelFilter(shipped), "visit kidsmediausa . com for free");
    assertThat(reason.detail()).contains("link").matches(".*[+]\\d+\\.\\d\\d.*");
  }

  @Test
  void decisionsFedToTheModelMoveTheFiltersScoreAndResetRestoresIt() {
    AdaptiveModel model = new AdaptiveModel(shipped, OnlineGuard.DEFAULTS,
        InstantSource.fixed(Instant.EPOCH));
    SpamModelFilter filter = new SpamModelFilter(model);
    String campaign = "Lovely article. Best garden furniture deals at the Hollybrook outlet";
    double before = reasonFor(filter, campaign).contribution();
    for (String moderator : List.of("ann", "bob", "cy", "dee")) {
      model.learn(moderator, campaign, true);
    }
    double after = reasonFor(filter, campaign).contribution();
    assertThat(after).isGreaterThan(before + 0.2);
    model.reset();
    assertThat(reasonFor(filter, campaign).contribution()).isEqualTo(before);
  }

  @Test
  void thePipelineTurnsAHighScoreIntoAHoldWithoutAVertxInstance() {
    FilterPipeline pipeline = new FilterPipeline(List.of(new SpamModelFilter(shipped)),
        Thresholds.DEFAULTS);
    Verdict spam = pipeline.run(Candidate.dry("x", "subscribe to my channel!!", Instant.EPOCH))
        .result();
    Verdict ham = pipeline.run(Candidate.dry("x", "The mayor should resign.", Instant.EPOCH))
        .result();
    assertThat(spam.decision().wire()).isNotEqualTo("publish");
    assertThat(spam.spam().codes()).containsExactly("spam-model");
    assertThat(ham.decision().wire()).isEqualTo("publish");
  }

  @Test
  void scoringAnOrdinaryCommentTakesMicrosecondsNotMilliseconds() {
    SpamModelFilter filter = new SpamModelFilter(shipped);
    String text = "I disagree with the author about the new bus routes; the old ones were better.";
    for (int i = 0; i < 2_000; i++) {
      filter.evaluate(Candidate.dry("r", text + i, Instant.EPOCH));
    }
    long[] nanos = new long[1_001];
    for (int i = 0; i < nanos.length; i++) {
      long start = System.nanoTime();
      filter.evaluate(Candidate.dry("r", text + i, Instant.EPOCH));
      nanos[i] = System.nanoTime() - start;
    }
    java.util.Arrays.sort(nanos);
    // The target is well under 100 us; the bound is loose because the test machine is shared.
    assertThat(nanos[nanos.length / 2]).isLessThan(1_000_000L);
  }
}
