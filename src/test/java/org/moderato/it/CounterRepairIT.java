package org.moderato.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.moderato.domain.Comment;
import org.moderato.domain.CommentStatus;
import org.moderato.storage.mongo.MongoStorage;

/** Counters left behind by a crash between a write and its counters are repaired at start. */
class CounterRepairIT {

  @Test
  void countersInterruptedByACrashAreRecountedAtStart() {
    TestServer server = TestServer.start();
    Http http = new Http(server.baseUrl());
    String root = http.postJson("/api/v1/articles/repair/comments",
        new JsonObject().put("name", "Ann").put("comment", "root")).json().getString("id");
    server.clock().tick();
    String held = http.postJson("/api/v1/articles/repair/comments", new JsonObject()
        .put("name", "Bob").put("comment", "reply " + TestServer.SUSPECT_WORD)
        .put("parentId", root)).json().getString("id");

    // What a crash right after a decision, before its counters, leaves behind.
    MongoStorage storage = server.app().storage();
    Comment pending = TestServer.await(storage.comments().find(held)).orElseThrow();
    TestServer.await(storage.comments().changeStatus(held, pending.version(),
        CommentStatus.PUBLISHED, server.clock().instant()));
    TestServer.await(storage.articles().setPublished("repair", 0));

    server = server.restart();
    try {
      Http after = new Http(server.baseUrl());
      JsonObject thread = after.get("/api/v1/articles/repair/comments").json();
      assertThat(thread.getLong("total")).isEqualTo(2);
      JsonObject top = thread.getJsonArray("comments").getJsonObject(0);
      assertThat(top.getLong("replyCount")).isEqualTo(1);
      assertThat(top.getJsonArray("replies").getJsonObject(0).getString("id")).isEqualTo(held);
      assertThat(after.get("/api/v1/counts?articleId=repair").json().getLong("repair"))
          .isEqualTo(2);
    } finally {
      server.close();
    }
  }
}
