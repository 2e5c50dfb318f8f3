package org.moderato.filtering.toxicity;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import java.time.Instant;
import java.time.InstantSource;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.moderato.classifier.LearnOutcome;
import org.moderato.classifier.OnlineGuard;
import org.moderato.filtering.Action;
import org.moderato.filtering.Candidate;
import org.moderato.filtering.FilterResult;
import org.moderato.filtering.Reason;

/** The shipped model behind the port: loading, where it scores, the filter's reasons, feedback. */
class LocalToxicityModelTest {

  private static Vertx vertx;
  private static WorkerExecutor workers;

  @BeforeAll
  static void start() {
    vertx = Vertx.vertx();
    workers = vertx.createSharedWorkerExecutor("toxicity-test", 2);
  }

  @AfterAll
  static void stop() throws Exception {
    workers.close();
    vertx.close().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
  }

  private static ToxicityClassifier fresh() throws Exception {
    return ToxicityClassifier.bundled(OnlineGuard.DEFAULTS,
        InstantSource.fixed(Instant.parse("2026-01-01T00:00:00Z")));
  }

  private static <T> T await(Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
  }

  @Test
  @DisplayName("the shipped model loads with all three heads")
  void shippedModelLoads() throws Exception {
    ToxicityClassifier classifier = fresh();

    assertThat(classifier.categories())
        .containsExactly(ToxicityScores.INSULT, ToxicityScores.SEVERE_TOXICITY);
    ToxicityScores scores = classifier.score("Thanks for the thoughtful article.");
    assertThat(scores.toxicity()).isBetween(0.0, 1.0);
    assertThat(scores.categories()).containsOnlyKeys(ToxicityScores.INSULT,
        ToxicityScores.SEVERE_TOXICITY);
  }

  @Test
  @DisplayName("a short clean comment is scored at once, long or toxic ones on the worker pool")
  void shortInlineLongOnWorkers() throws Exception {
    LocalToxicityModel model = new LocalToxicityModel(fresh(), workers);
    Future<ToxicityScores> inline = model.score("Thanks for the thoughtful article.");
    Future<ToxicityScores> toxic = model.score("You are a pathetic loser.");
    String longText = "The council met again on Tuesday to discuss the budget. ".repeat(20);

    assertThat(inline.isComplete()).isTrue();
    assertThat(inline.result().toxicity()).isLessThan(0.5);
    assertThat(await(toxic).toxicity()).isGreaterThan(0.5);
    assertThat(await(toxic).features()).isNotEmpty();
    assertThat(longText.length()).isGreaterThan(LocalToxicityModel.INLINE_MAX_CHARS);
    assertThat(await(model.score(longText)).toxicity()).isLessThan(0.5);
  }

  @Test
  @DisplayName("the filter gives the model score, the strongest features and strong categories")
  void filterReasons() throws Exception {
    ToxicityFilter filter = new ToxicityFilter(new LocalToxicityModel(fresh(), workers),
        ToxicityThresholds.DEFAULTS);

    FilterResult insult = await(filter.evaluate(
        Candidate.dry("reader", "Shut up, you stupid moron.", Instant.EPOCH)));
    FilterResult clean = await(filter.evaluate(
        Candidate.dry("reader", "Thanks for the thoughtful article.", Instant.EPOCH)));

    assertThat(insult.action()).isEqualTo(Action.NONE);
    Reason model = insult.reasons().get(0);
    assertThat(model.code()).isEqualTo(ToxicityFilter.MODEL_REASON);
    assertThat(model.contribution()).isGreaterThan(ToxicityThresholds.DEFAULTS.hold());
    assertThat(model.detail()).contains("stupid");
    assertThat(insult.reasons()).extracting(Reason::code).contains("insult");
    assertThat(clean.reasons()).extracting(Reason::code)
        .containsExactly(ToxicityFilter.MODEL_REASON);
    assertThat(clean.reasons().get(0).contribution())
        .isLessThan(ToxicityThresholds.DEFAULTS.nudge());
  }

  @Test
  @DisplayName("a model that throws holds the comment instead of publishing it")
  void throwingModelHolds() throws Exception {
    ToxicityModel broken = new ToxicityModel() {
      @Override
      public String name() {
        return "broken";
      }

      @Override
      public Future<ToxicityScores> score(String text) {
        throw new IllegalStateException("model file corrupt");
      }
    };
    FilterResult result = await(new ToxicityFilter(broken, ToxicityThresholds.DEFAULTS)
        .evaluate(Candidate.dry("reader", "anything", Instant.EPOCH)));

    assertThat(result.action()).isEqualTo(Action.HOLD);
    assertThat(result.reasons()).extracting(Reason::code)
        .containsExactly(ToxicityFilter.UNAVAILABLE_REASON);
  }

  @Test
  @DisplayName("moderator feedback moves a score, and reset restores the shipped score exactly")
  void feedbackMovesAndResetRestores() throws Exception {
    ToxicityClassifier classifier = fresh();
    String text = "Go back to school and learn to read, you clown.";
    double shipped = classifier.score(text).toxicity();

    LearnOutcome first = classifier.learn("moderator-1", text, false);
    for (int i = 0; i < 3; i++) {
      classifier.learn("moderator-1", text, false);
    }
    double taught = classifier.score(text).toxicity();
    classifier.reset();

    assertThat(first.status()).isEqualTo(LearnOutcome.Status.APPLIED);
    assertThat(taught).isLessThan(shipped - 0.05);
    assertThat(classifier.score(text).toxicity()).isEqualTo(shipped);
    assertThat(classifier.deltaNorm()).isZero();
  }

  @Test
  @DisplayName("one moderator's burst is bounded by the guard")
  void burstIsBounded() throws Exception {
    ToxicityClassifier classifier = fresh();
    String text = "Go back to school and learn to read, you clown.";
    int applied = 0;
    LearnOutcome last = null;
    for (int i = 0; i < OnlineGuard.DEFAULTS.burst() + 5; i++) {
      last = classifier.learn("moderator-2", text + " " + i, false);
      applied += last.status() == LearnOutcome.Status.APPLIED ? 1 : 0;
    }

    assertThat(applied).isEqualTo(OnlineGuard.DEFAULTS.burst());
    assertThat(last.status()).isEqualTo(LearnOutcome.Status.RATE_LIMITED);
    // The norm is kept in floats: allow rounding, not growth.
    assertThat(classifier.deltaNorm())
        .isLessThanOrEqualTo(OnlineGuard.DEFAULTS.maxDeltaNorm() * (1 + 1e-6));
  }

  @Test
  @DisplayName("an exported delta restores the taught scores on a fresh model")
  void deltaRoundTrips() throws Exception {
    ToxicityClassifier teacher = fresh();
    String text = "Go back to school and learn to read, you clown.";
    teacher.learn("moderator-3", text, false);
    teacher.learn("moderator-3", text, false);
    ToxicityClassifier restored = fresh();

    assertThat(restored.importDelta(teacher.exportDelta())).isTrue();
    assertThat(restored.score(text).toxicity()).isEqualTo(teacher.score(text).toxicity());
  }
}
