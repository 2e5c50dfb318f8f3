package org.moderato.filtering.toxicity;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * Scores with a site's own model server over HTTP, for sites that run a bigger model than the one
 * shipped here.
 *
 * <p>Protocol: {@code POST <url>} with {@code {"text": "..."}}; a 2xx answer carries
 * {@code {"toxicity": 0.82, "categories": {"insult": 0.7, "severe_toxicity": 0.1}}}, where
 * {@code categories} is optional and every score is a number in [0, 1]. Anything else (another
 * status, a body that is not such an object, no answer within the time-out, a refused connection)
 * fails the future, and {@link ToxicityFilter} holds the comment: a broken scorer never lets
 * comments through unread.
 *
 * <p>The time-out bounds the whole exchange, connection included. Nothing blocks: the
 * {@link WebClient} calls back on the caller's context. Thread-safe; share one instance.
 */
public final class HttpToxicityModel implements ToxicityModel {

  private final WebClient client;
  private final URI url;
  private final long timeoutMillis;

  /**
   * @param client the shared web client (its pool and TLS options apply)
   * @param url the scoring endpoint, {@code http} or {@code https}
   * @param timeout the longest wait for an answer; a comment waits this long before it is held
   */
  public HttpToxicityModel(WebClient client, URI url, Duration timeout) {
    this.client = Objects.requireNonNull(client, "client");
    this.url = Objects.requireNonNull(url, "url");
    if (!"http".equals(url.getScheme()) && !"https".equals(url.getScheme())) {
      throw new IllegalArgumentException("toxicity scorer url must be http or https: " + url);
    }
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("toxicity scorer timeout must be positive: " + timeout);
    }
    this.timeoutMillis = timeout.toMillis();
  }

  @Override
  public String name() {
    return "http";
  }

  @Override
  public Future<ToxicityScores> score(String text) {
    boolean tls = "https".equals(url.getScheme());
    int port = url.getPort() != -1 ? url.getPort() : (tls ? 443 : 80);
    String path = url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath();
    if (url.getRawQuery() != null) {
      path += "?" + url.getRawQuery();
    }
    return client.post(port, url.getHost(), path)
        .ssl(tls)
        .connectTimeout(timeoutMillis)
        .idleTimeout(timeoutMillis)
        .sendJsonObject(new JsonObject().put("text", text))
        // The idle time-out restarts with every byte; this bounds the whole answer.
        .timeout(timeoutMillis, TimeUnit.MILLISECONDS)
        .compose(HttpToxicityModel::parse);
  }

  private static Future<ToxicityScores> parse(HttpResponse<Buffer> response) {
    if (response.statusCode() / 100 != 2) {
      return Future.failedFuture(new ToxicityScorerException(
          "toxicity scorer answered HTTP " + response.statusCode()));
    }
    try {
      JsonObject body = response.bodyAsJsonObject();
      if (body == null || !(body.getValue("toxicity") instanceof Number)) {
        throw new ToxicityScorerException("toxicity scorer answer has no numeric 'toxicity'");
      }
      Map<String, Double> categories = new LinkedHashMap<>();
      JsonObject given = body.getJsonObject("categories", new JsonObject());
      for (String name : given.fieldNames()) {
        if (!(given.getValue(name) instanceof Number number)) {
          throw new ToxicityScorerException("toxicity scorer category '" + name
              + "' is not a number");
        }
        categories.put(name, number.doubleValue());
      }
      double toxicity = body.getDouble("toxicity");
      categories.remove(ToxicityScores.TOXICITY);
      return Future.succeededFuture(new ToxicityScores(toxicity, categories, List.of()));
    } catch (RuntimeException e) {
      // Covers malformed JSON and scores outside [0, 1]: an answer we cannot trust.
      return Future.failedFuture(e instanceof ToxicityScorerException ? e
          : new ToxicityScorerException("toxicity scorer answer unusable: " + e.getMessage(), e));
    }
  }
}
