package org.moderato.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

/** Admins manage moderators; roles are checked; revoked tokens stop working; guessing is slowed. */
class ModeratorsIT {

  @Test
  void anAdminCreatesAModeratorWhoDecidesButCannotAdministerAndIsRevoked() {
    try (TestServer server = TestServer.start()) {
      Http http = new Http(server.baseUrl());
      String[] admin = {"Authorization", "Bearer " + server.adminToken()};
      Http.Response created = http.postJson("/api/v1/moderation/moderators",
          new JsonObject().put("name", "Nora").put("role", "moderator"), admin);
      assertThat(created.status()).as(created.body()).isEqualTo(201);
      String token = created.json().getString("token");
      assertThat(token).hasSizeGreaterThanOrEqualTo(43);
      String[] nora = {"Authorization", "Bearer " + token};

      assertThat(http.get("/api/v1/moderation/me", nora).json().getString("role"))
          .isEqualTo("moderator");
      assertThat(http.get("/api/v1/moderation/queue", nora).status()).isEqualTo(200);
      assertThat(http.get("/api/v1/moderation/moderators", nora).status()).isEqualTo(403);
      assertThat(http.postJson("/api/v1/moderation/moderators",
          new JsonObject().put("name", "Mallory").put("role", "admin"), nora).status())
          .isEqualTo(403);
      assertThat(http.get("/api/v1/moderation/moderators", admin).body())
          .contains("Nora").doesNotContain(token).doesNotContain("tokenHash");

      String id = created.json().getString("id");
      assertThat(http.delete("/api/v1/moderation/moderators/" + id, admin).status())
          .isEqualTo(204);
      assertThat(http.get("/api/v1/moderation/queue", nora).status()).isEqualTo(401);
      assertThat(http.postJson("/api/v1/moderation/moderators",
          new JsonObject().put("name", "x").put("role", "overlord"), admin).status())
          .isEqualTo(400);
    }
  }

  @Test
  void repeatedFailedSignInsFromOneClientAreRateLimited() {
    try (TestServer server = TestServer.start()) {
      Http http = new Http(server.baseUrl());
      int status = 0;
      for (int i = 0; i < 15 && status != 429; i++) {
        status = http.get("/api/v1/moderation/queue", "Authorization", "Bearer guess-" + i)
            .status();
      }
      assertThat(status).isEqualTo(429);
    }
  }
}
