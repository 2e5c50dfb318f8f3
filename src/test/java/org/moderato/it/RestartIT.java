package org.moderato.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

/** Everything stored survives a restart on the same data directory. */
class RestartIT {

  @Test
  void commentsCountsDecisionsAndModeratorsSurviveARestart() {
    TestServer server = TestServer.start();
    Http http = new Http(server.baseUrl());
    String published = http.postJson("/api/v1/articles/restart/comments",
        new JsonObject().put("name", "Ann").put("comment", "kept")).json().getString("id");
    server.clock().tick();
    String held = http.postJson("/api/v1/articles/restart/comments",
        new JsonObject().put("name", "Bob").put("comment", TestServer.SUSPECT_WORD))
        .json().getString("id");
    String firstEtag = http.get("/api/v1/articles/restart/comments").header("ETag");

    server = server.restart();
    http = new Http(server.baseUrl());
    try {
      JsonObject thread = http.get("/api/v1/articles/restart/comments").json();
      assertThat(thread.getLong("total")).isEqualTo(1);
      assertThat(thread.getJsonArray("comments").getJsonObject(0).getString("id"))
          .isEqualTo(published);
      assertThat(http.get("/api/v1/articles/restart/comments").header("ETag"))
          .isEqualTo(firstEtag);
      Http.Response queue = http.get("/api/v1/moderation/queue?articleId=restart",
          "Authorization", "Bearer " + server.adminToken());
      assertThat(queue.array("items").getJsonObject(0).getString("id")).isEqualTo(held);
    } finally {
      server.close();
    }
  }
}
