package org.moderato.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** {@code /metrics} speaks Prometheus and counts what Moderato does. */
class MetricsIT {

  @Test
  void metricsReportHttpVerdictsDecisionsAndCaches() {
    try (TestServer server = TestServer.start()) {
      Http http = new Http(server.baseUrl());
      String id = http.postJson("/api/v1/articles/m/comments", new JsonObject().put("name", "A")
          .put("comment", "held " + TestServer.SUSPECT_WORD)).json().getString("id");
      http.postJson("/api/v1/moderation/comments/" + id + "/decision",
          new JsonObject().put("action", "approve"),
          "Authorization", "Bearer " + server.adminToken());
      http.get("/api/v1/articles/m/comments");
      http.get("/api/v1/articles/m/comments");

      Http.Response metrics = http.get("/metrics");
      assertThat(metrics.status()).isEqualTo(200);
      assertThat(metrics.header("Content-Type")).startsWith("text/plain");
      assertThat(metrics.body())
          .contains("vertx_http_server_requests_total")
          .contains("moderato_verdicts_total{status=\"pending\"}")
          .contains("moderato_filter_reasons_total{reason=\"suspect-word\"}")
          .contains("moderato_moderation_decisions_total")
          .contains("moderato_moderation_time_to_decision")
          .contains("moderato_queue_size 0.0")
          .contains("moderato_queue_oldest_age_seconds 0.0")
          .contains("cache_gets_total{cache=\"thread_pages\"");
    }
  }

  @Test
  void queueGaugesTellHowManyWaitAndForHowLong() {
    try (TestServer server = TestServer.start()) {
      Http http = new Http(server.baseUrl());
      http.postJson("/api/v1/articles/q/comments", new JsonObject().put("name", "A")
          .put("comment", "first " + TestServer.SUSPECT_WORD));
      server.clock().advance(Duration.ofMinutes(5));
      http.postJson("/api/v1/articles/q/comments", new JsonObject().put("name", "B")
          .put("comment", "second " + TestServer.SUSPECT_WORD));
      server.clock().advance(Duration.ofMinutes(2));

      assertThat(http.get("/metrics").body())
          .contains("moderato_queue_size 2.0")
          .contains("moderato_queue_oldest_age_seconds 420.0");
    }
  }
}
