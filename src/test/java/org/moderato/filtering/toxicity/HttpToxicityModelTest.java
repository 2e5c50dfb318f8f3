package org.moderato.filtering.toxicity;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.moderato.filtering.Action;
import org.moderato.filtering.Candidate;
import org.moderato.filtering.FilterResult;
import org.moderato.filtering.Reason;

/**
 * The HTTP adapter against a small fake scorer on a free port. The fake answers by the text it is
 * sent, so one server covers every case. A "slow" text is never answered until the test ends:
 * the adapter's time-out has to fire on its own, and no test sleeps.
 */
class HttpToxicityModelTest {

  /** Short, for the cases that must time out. */
  private static final Duration TIMEOUT = Duration.ofMillis(300);
  /** Generous, for the cases that must not: the first request of a cold JVM is slow. */
  private static final Duration PATIENT = Duration.ofSeconds(5);

  private Vertx vertx;
  private HttpServer server;
  private WebClient client;
  private final AtomicReference<JsonObject> lastRequest = new AtomicReference<>();
  private final Map<String, Consumer<HttpServerRequest>> answers = new ConcurrentHashMap<>();

  @BeforeEach
  void startFakeScorer() throws Exception {
    vertx = Vertx.vertx();
    answers.put("nice", req -> req.response().putHeader("content-type", "application/json")
        .end(new JsonObject().put("toxicity", 0.02)
            .put("categories", new JsonObject().put("insult", 0.01)).encode()));
    answers.put("nasty", req -> req.response().putHeader("content-type", "application/json")
        .end(new JsonObject().put("toxicity", 0.93)
            .put("categories", new JsonObject().put("insult", 0.88).put("severe_toxicity", 0.4))
            .encode()));
    answers.put("broken", req -> req.response().setStatusCode(500).end("model crashed"));
    answers.put("garbage", req -> req.response().end("<html>not json</html>"));
    answers.put("out of range", req -> req.response().end("{\"toxicity\": 1.7}"));
    answers.put("no score", req -> req.response().end("{\"categories\": {}}"));
    answers.put("slow", req -> { });
    server = vertx.createHttpServer().requestHandler(req -> req.body().onSuccess(body -> {
      JsonObject json = body.toJsonObject();
      lastRequest.set(json);
      answers.get(json.getString("text")).accept(req);
    }));
    server.listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture()
        .get(5, TimeUnit.SECONDS);
    client = WebClient.create(vertx);
  }

  @AfterEach
  void stop() throws Exception {
    vertx.close().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
  }

  private HttpToxicityModel model() {
    return model(PATIENT);
  }

  private HttpToxicityModel model(Duration timeout) {
    return new HttpToxicityModel(client,
        URI.create("http://127.0.0.1:" + server.actualPort() + "/score"), timeout);
  }

  private static <T> T await(Future<T> future) throws Exception {
    CompletableFuture<T> done = future.toCompletionStage().toCompletableFuture();
    return done.get(5, TimeUnit.SECONDS);
  }

  private static Throwable failureOf(Future<?> future) throws Exception {
    CompletableFuture<Throwable> failed = new CompletableFuture<>();
    future.onComplete(r -> failed.complete(r.failed() ? r.cause() : null));
    return failed.get(5, TimeUnit.SECONDS);
  }

  @Test
  @DisplayName("the adapter posts the text and reads the overall and category scores")
  void readsScores() throws Exception {
    ToxicityScores scores = await(model().score("nasty"));

    assertThat(lastRequest.get()).isEqualTo(new JsonObject().put("text", "nasty"));
    assertThat(scores.toxicity()).isEqualTo(0.93);
    assertThat(scores.categories())
        .containsExactly(Map.entry("insult", 0.88), Map.entry("severe_toxicity", 0.4));
    assertThat(scores.features()).isEmpty();
  }

  @Test
  @DisplayName("every unusable answer fails the future")
  void unusableAnswersFail() throws Exception {
    for (String text : List.of("broken", "garbage", "out of range", "no score")) {
      assertThat(failureOf(model().score(text))).as(text).isNotNull();
    }
  }

  @Test
  @DisplayName("a scorer that never answers fails the future at the time-out")
  void slowScorerTimesOut() throws Exception {
    long start = System.nanoTime();
    Throwable failure = failureOf(model(TIMEOUT).score("slow"));
    long elapsedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

    assertThat(failure).isNotNull();
    assertThat(elapsedMillis).isBetween(TIMEOUT.toMillis() - 50, TIMEOUT.toMillis() + 2_000);
  }

  @Test
  @DisplayName("a scorer that refuses connections fails the future")
  void refusedConnectionFails() throws Exception {
    int port = server.actualPort();
    await(server.close());
    HttpToxicityModel model = new HttpToxicityModel(client,
        URI.create("http://127.0.0.1:" + port + "/score"), TIMEOUT);

    assertThat(failureOf(model.score("nice"))).isNotNull();
  }

  @Test
  @DisplayName("the filter holds a comment for review when the scorer fails or times out")
  void filterHoldsWhenScorerFails() throws Exception {
    ToxicityFilter filter = new ToxicityFilter(model(TIMEOUT), ToxicityThresholds.DEFAULTS);
    for (String text : List.of("broken", "slow")) {
      FilterResult result = await(filter.evaluate(Candidate.dry("reader", text, Instant.EPOCH)));

      assertThat(result.action()).as(text).isEqualTo(Action.HOLD);
      assertThat(result.reasons()).extracting(Reason::code)
          .containsExactly(ToxicityFilter.UNAVAILABLE_REASON);
    }
  }

  @Test
  @DisplayName("the filter scores through the adapter and names strong categories")
  void filterScoresThroughAdapter() throws Exception {
    ToxicityFilter filter = new ToxicityFilter(model(), ToxicityThresholds.DEFAULTS);

    FilterResult nasty = await(filter.evaluate(Candidate.dry("reader", "nasty", Instant.EPOCH)));
    FilterResult nice = await(filter.evaluate(Candidate.dry("reader", "nice", Instant.EPOCH)));

    assertThat(nasty.action()).isEqualTo(Action.NONE);
    assertThat(nasty.reasons()).extracting(Reason::code)
        .containsExactly(ToxicityFilter.MODEL_REASON, "insult");
    assertThat(nasty.reasons().get(0).contribution()).isEqualTo(0.93);
    assertThat(nice.reasons()).extracting(Reason::code)
        .containsExactly(ToxicityFilter.MODEL_REASON);
    assertThat(nice.reasons().get(0).contribution()).isEqualTo(0.02);
  }

  @Test
  @DisplayName("the adapter refuses a url that is not http")
  void refusesOtherSchemes() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> new HttpToxicityModel(client,
        URI.create("ftp://example.org/score"), TIMEOUT))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
