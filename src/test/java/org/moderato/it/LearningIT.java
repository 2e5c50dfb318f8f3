package org.moderato.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

/** Moderators' decisions teach the spam model, persistently, and an admin can undo that. */
class LearningIT {

  private static double spamModel(Http http, String[] auth, String text) {
    JsonObject spam = http.postJson("/api/v1/moderation/check",
        new JsonObject().put("name", "Probe").put("comment", text), auth).json()
        .getJsonObject("spam");
    return spam.getJsonArray("details").stream().map(o -> (JsonObject) o)
        .filter(d -> d.getString("reason").equals("spam-model"))
        .mapToDouble(d -> d.getDouble("contribution")).findFirst().orElseThrow();
  }

  @Test
  void spamDecisionsRaiseTheScoreOfSimilarTextSurviveARestartAndCanBeReset() {
    TestServer server = TestServer.start();
    try {
      Http http = new Http(server.baseUrl());
      String[] auth = {"Authorization", "Bearer " + server.adminToken()};
      String probe = "Grandma's secret lavender soap recipe is on my page";
      double before = spamModel(http, auth, probe);

      for (int i = 0; i < 4; i++) {
        server.clock().tick();
        String id = http.postJson("/api/v1/articles/learn-" + i + "/comments", new JsonObject()
            .put("name", "Seller" + i).put("comment", "Grandma's secret lavender soap recipe, "
                + "variant " + i + " " + TestServer.SUSPECT_WORD)).json().getString("id");
        assertThat(http.postJson("/api/v1/moderation/comments/" + id + "/decision",
            new JsonObject().put("action", "spam"), auth).status()).isEqualTo(200);
      }
      double after = spamModel(http, auth, probe);
      assertThat(after).isGreaterThan(before + 0.05);

      server = server.restart();
      http = new Http(server.baseUrl());
      assertThat(spamModel(http, auth, probe)).isCloseTo(after,
          org.assertj.core.data.Offset.offset(1e-9));

      assertThat(http.postJson("/api/v1/moderation/models/spam/reset", new JsonObject(), auth)
          .status()).isEqualTo(200);
      assertThat(spamModel(http, auth, probe)).isCloseTo(before,
          org.assertj.core.data.Offset.offset(1e-9));
      assertThat(http.postJson("/api/v1/moderation/models/nope/reset", new JsonObject(), auth)
          .status()).isEqualTo(404);
    } finally {
      server.close();
    }
  }
}
