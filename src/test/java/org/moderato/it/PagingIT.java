package org.moderato.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Following nextCursor visits every top-level comment exactly once, while others arrive. */
class PagingIT {

  private static TestServer server;
  private static Http http;

  @BeforeAll
  static void start() {
    server = TestServer.start();
    http = new Http(server.baseUrl());
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static String post(String article, String text) {
    server.clock().tick();
    Http.Response r = http.postJson("/api/v1/articles/" + article + "/comments",
        new JsonObject().put("name", "Pat").put("comment", text));
    assertThat(r.status()).isEqualTo(201);
    return r.json().getString("id");
  }

  @ParameterizedTest
  @ValueSource(strings = {"oldest", "newest"})
  void everyTopLevelCommentIsSeenExactlyOnceWhileNewOnesArrive(String sort) {
    String article = "paging-" + sort;
    Set<String> existing = new HashSet<>();
    for (int i = 0; i < 105; i++) {
      existing.add(post(article, "comment " + i));
    }
    List<String> seen = new ArrayList<>();
    String cursor = null;
    int pages = 0;
    do {
      Http.Response page = http.get("/api/v1/articles/" + article + "/comments?limit=10&sort="
          + sort + (cursor == null ? "" : "&cursor=" + cursor));
      assertThat(page.status()).isEqualTo(200);
      page.array("comments").forEach(c -> seen.add(((JsonObject) c).getString("id")));
      cursor = page.json().getString("nextCursor");
      post(article, "arrived during paging " + pages);
      pages++;
    } while (cursor != null && pages < 50);

    assertThat(seen).doesNotHaveDuplicates();
    assertThat(seen).containsAll(existing);
  }
}
