package org.moderato.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

/** Emails never public; an admin exports and erases what is stored about one author. */
class PrivacyIT {

  @Test
  void emailsStayPrivateAndAnAuthorsDataCanBeExportedAndErased() {
    try (TestServer server = TestServer.start()) {
      Http http = new Http(server.baseUrl());
      String[] admin = {"Authorization", "Bearer " + server.adminToken()};
      JsonObject first = http.postJson("/api/v1/articles/privacy/comments", new JsonObject()
          .put("name", "Priya").put("comment", "First thoughts.")
          .put("email", "priya@example.org")).json();
      server.clock().tick();
      http.postJson("/api/v1/articles/privacy/comments", new JsonObject().put("name", "Priya")
          .put("comment", "Second thoughts.").put("email", "priya@example.org")
          .put("parentId", first.getString("id")));
      server.clock().tick();
      http.postJson("/api/v1/articles/privacy/comments", new JsonObject().put("name", "Other")
          .put("comment", "Someone else."));

      assertThat(http.get("/api/v1/articles/privacy/comments").body())
          .doesNotContain("priya@example.org");
      assertThat(first.encode()).doesNotContain("priya@example.org");

      JsonArray exported = http.postJson("/api/v1/moderation/authors/export",
          new JsonObject().put("email", "priya@example.org"), admin).array("items");
      assertThat(exported).hasSize(2);
      assertThat(exported.getJsonObject(0).getString("email")).isEqualTo("priya@example.org");
      JsonArray byToken = http.postJson("/api/v1/moderation/authors/export",
          new JsonObject().put("editToken", first.getString("editToken")), admin).array("items");
      assertThat(byToken).hasSize(1);
      assertThat(http.postJson("/api/v1/moderation/authors/export", new JsonObject(), admin)
          .status()).isEqualTo(400);

      JsonObject erased = http.postJson("/api/v1/moderation/authors/erase",
          new JsonObject().put("email", "priya@example.org"), admin).json();
      assertThat(erased.getInteger("erased")).isEqualTo(2);
      JsonObject thread = http.get("/api/v1/articles/privacy/comments").json();
      assertThat(thread.encode()).doesNotContain("Priya").doesNotContain("thoughts");
      assertThat(thread.getLong("total")).isEqualTo(1);
      assertThat(http.postJson("/api/v1/moderation/authors/export",
          new JsonObject().put("email", "priya@example.org"), admin).array("items")).isEmpty();
    }
  }
}
