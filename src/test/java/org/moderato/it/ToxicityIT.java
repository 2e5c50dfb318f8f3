package org.moderato.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The toxicity nudge over HTTP, and the external scorer's failure policy in the pipeline. */
class ToxicityIT {

  private static final String INSULT = "You are a stupid worthless idiot and everyone hates you.";

  @Test
  void aToxicFirstSubmissionIsNudgedAndStoredForReviewOnceAcknowledged() {
    try (TestServer server = TestServer.start()) {
      Http http = new Http(server.baseUrl());
      JsonObject body = new JsonObject().put("name", "Angry").put("comment", INSULT);
      Http.Response nudged = http.postJson("/api/v1/articles/nudge/comments", body);
      assertThat(nudged.status()).isEqualTo(422);
      assertThat(nudged.json().getString("type")).endsWith("toxicity-warning");
      assertThat(nudged.json().getString("detail")).isNotBlank();
      assertThat(http.get("/api/v1/moderation/queue?articleId=nudge&status=pending",
          "Authorization", "Bearer " + server.adminToken()).array("items")).isEmpty();

      Http.Response acknowledged = http.postJson("/api/v1/articles/nudge/comments",
          body.copy().put("acknowledgeWarning", true));
      assertThat(acknowledged.status()).isEqualTo(201);
      assertThat(acknowledged.json().getString("status")).isEqualTo("pending");
      assertThat(http.get("/api/v1/articles/nudge/comments").json().getLong("total")).isZero();

      Http.Response kind = http.postJson("/api/v1/articles/nudge/comments", new JsonObject()
          .put("name", "Calm").put("comment", "I disagree with the council's plan, but the "
              + "article explains both sides well."));
      assertThat(kind.json().getString("status")).isEqualTo("published");
    }
  }

  @Test
  void anExternalScorerThatFailsHoldsTheCommentAndNeverPublishesIt() throws Exception {
    Vertx vertx = Vertx.vertx();
    HttpServer scorer = vertx.createHttpServer()
        .requestHandler(req -> req.response().setStatusCode(500).end("boom"))
        .listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get();
    try (TestServer server = TestServer.start(Map.of("filters.toxicityScorerUrl",
        "http://127.0.0.1:" + scorer.actualPort() + "/score"))) {
      Http http = new Http(server.baseUrl());
      Http.Response r = http.postJson("/api/v1/articles/external/comments",
          new JsonObject().put("name", "Ann").put("comment", "A perfectly friendly remark."));
      assertThat(r.status()).isEqualTo(201);
      assertThat(r.json().getString("status")).isEqualTo("pending");
      JsonObject item = http.get("/api/v1/moderation/queue?articleId=external",
          "Authorization", "Bearer " + server.adminToken()).array("items").getJsonObject(0);
      assertThat(item.getJsonObject("toxicity").getJsonArray("reasons").getList())
          .contains("toxicity-unavailable");
    } finally {
      vertx.close().toCompletionStage().toCompletableFuture().get();
    }
  }
}
