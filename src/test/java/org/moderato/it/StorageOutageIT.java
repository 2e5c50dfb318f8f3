package org.moderato.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** With the store stopped under the running server, it says so and recovers by itself. */
class StorageOutageIT {

  @Test
  void healthAndSubmissionsAnswer503WhileStorageIsDownAndRecoverAfter() {
    TestServer server = TestServer.start(Map.of("storage.timeoutMillis", 1500));
    Http http = new Http(server.baseUrl());
    try {
      if (server.app().embeddedStore() == null) {
        return;
      }
      assertThat(http.get("/health").status()).isEqualTo(200);
      server.app().embeddedStore().stop();

      Http.Response health = http.get("/health");
      assertThat(health.status()).isEqualTo(503);
      assertThat(health.json().getString("storage")).isEqualTo("down");
      Http.Response post = http.postJson("/api/v1/articles/outage/comments",
          new JsonObject().put("name", "Ann").put("comment", "while down"));
      assertThat(post.status()).isEqualTo(503);
      assertThat(post.header("Retry-After")).isNotBlank();
      assertThat(post.header("Content-Type")).startsWith("application/problem+json");

      server.app().embeddedStore().restart();
      Http.Response recovered = null;
      for (int attempt = 0; attempt < 20; attempt++) {
        recovered = http.postJson("/api/v1/articles/outage/comments",
            new JsonObject().put("name", "Ann").put("comment", "after recovery"));
        if (recovered.status() == 201) {
          break;
        }
      }
      assertThat(recovered.status()).isEqualTo(201);
      assertThat(http.get("/health").status()).isEqualTo(200);
    } finally {
      server.close();
    }
  }
}
