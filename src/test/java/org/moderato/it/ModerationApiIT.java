package org.moderato.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Moderators' endpoints over real HTTP against the embedded store. */
class ModerationApiIT {

  private static TestServer server;
  private static Http http;
  private static String[] auth;

  @BeforeAll
  static void start() {
    server = TestServer.start();
    http = new Http(server.baseUrl());
    auth = new String[] {"Authorization", "Bearer " + server.adminToken()};
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static JsonObject post(String article, String name, String text) {
    server.clock().tick();
    Http.Response r = http.postJson("/api/v1/articles/" + article + "/comments",
        new JsonObject().put("name", name).put("comment", text));
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    return r.json();
  }

  private static List<JsonObject> queue(String query) {
    Http.Response r = http.get("/api/v1/moderation/queue" + query, auth);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    List<JsonObject> items = new ArrayList<>();
    r.array("items").forEach(o -> items.add((JsonObject) o));
    return items;
  }

  @Test
  void moderationNeedsAValidBearerToken() {
    assertThat(http.get("/api/v1/moderation/queue").status()).isEqualTo(401);
    Http.Response wrong = http.get("/api/v1/moderation/queue", "Authorization", "Bearer nope");
    assertThat(wrong.status()).isEqualTo(401);
    assertThat(wrong.header("Content-Type")).startsWith("application/problem+json");
    assertThat(http.postJson("/api/v1/moderation/check", new JsonObject().put("name", "a")
        .put("comment", "b")).status()).isEqualTo(401);
    assertThat(http.get("/api/v1/moderation/me", auth).json().getString("role"))
        .isEqualTo("admin");
  }

  @Test
  void aHeldCommentWaitsInTheQueueWithItsScoresAndReasons() {
    String id = post("held", "Eve", "please " + TestServer.SUSPECT_WORD).getString("id");
    JsonObject item = queue("?articleId=held").stream()
        .filter(q -> q.getString("id").equals(id)).findFirst().orElseThrow();
    assertThat(item.getString("status")).isEqualTo("pending");
    assertThat(item.getLong("version")).isEqualTo(1);
    assertThat(item.fieldNames()).contains("id", "articleId", "parentId", "name", "text",
        "createdAt", "status", "version", "spam", "toxicity");
    assertThat(item.getJsonObject("toxicity").getJsonArray("reasons").getList())
        .contains("suspect-word");
    assertThat(item.getJsonObject("toxicity").getDouble("score")).isBetween(0.0, 1.0);
    assertThat(item.getJsonObject("spam").getDouble("score")).isBetween(0.0, 1.0);
    assertThat(http.get("/api/v1/articles/held/comments").json().getLong("total")).isZero();
  }

  @Test
  void approvingPublishesTheCommentAndUpdatesCountsAndTheLog() {
    String id = post("approve", "Fay", "hold " + TestServer.SUSPECT_WORD).getString("id");
    http.get("/api/v1/articles/approve/comments");
    Http.Response decided = http.postJson("/api/v1/moderation/comments/" + id + "/decision",
        new JsonObject().put("action", "approve").put("version", 1).put("reason", "fine"), auth);
    assertThat(decided.status()).as(decided.body()).isEqualTo(200);
    assertThat(decided.json().getString("status")).isEqualTo("published");
    assertThat(decided.json().getLong("version")).isEqualTo(2);

    JsonObject thread = http.get("/api/v1/articles/approve/comments").json();
    assertThat(thread.getLong("total")).isEqualTo(1);
    assertThat(thread.getJsonArray("comments").getJsonObject(0).getString("id")).isEqualTo(id);
    assertThat(http.get("/api/v1/counts?articleId=approve").json().getLong("approve"))
        .isEqualTo(1);

    JsonArray log = http.get("/api/v1/moderation/log", auth).array("items");
    JsonObject entry = log.stream().map(o -> (JsonObject) o)
        .filter(e -> e.getString("commentId").equals(id)).findFirst().orElseThrow();
    assertThat(entry.getString("from")).isEqualTo("pending");
    assertThat(entry.getString("to")).isEqualTo("published");
    assertThat(entry.getString("reason")).isEqualTo("fine");
    assertThat(entry.getString("moderator")).isEqualTo("admin");
    assertThat(entry.getString("at")).isNotBlank();

    Http.Response reject = http.postJson("/api/v1/moderation/comments/" + id + "/decision",
        new JsonObject().put("action", "reject").put("version", 2), auth);
    assertThat(reject.json().getString("status")).isEqualTo("rejected");
    assertThat(http.get("/api/v1/articles/approve/comments").json().getLong("total")).isZero();
  }

  @Test
  void twoModeratorsDecidingAtOnceGetOneSuccessAndOneConflict() throws Exception {
    String id = post("race", "Gus", "race " + TestServer.SUSPECT_WORD).getString("id");
    CountDownLatch go = new CountDownLatch(1);
    List<CompletableFuture<Http.Response>> calls = new ArrayList<>();
    for (String action : new String[] {"approve", "spam"}) {
      calls.add(CompletableFuture.supplyAsync(() -> {
        try {
          go.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        return http.postJson("/api/v1/moderation/comments/" + id + "/decision",
            new JsonObject().put("action", action).put("version", 1), auth);
      }));
    }
    go.countDown();
    List<Integer> statuses = new ArrayList<>();
    for (CompletableFuture<Http.Response> call : calls) {
      statuses.add(call.get().status());
    }
    assertThat(statuses).containsExactlyInAnyOrder(200, 409);
    Http.Response stale = http.postJson("/api/v1/moderation/comments/" + id + "/decision",
        new JsonObject().put("action", "reject").put("version", 1), auth);
    assertThat(stale.status()).isEqualTo(409);
    long logged = http.get("/api/v1/moderation/log?limit=100", auth).array("items").stream()
        .filter(o -> ((JsonObject) o).getString("commentId").equals(id)).count();
    assertThat(logged).isEqualTo(1);
  }

  @Test
  void decisionsOnUnknownCommentsOrWithUnknownActionsAreRefused() {
    assertThat(http.postJson("/api/v1/moderation/comments/0123456789abcdef01234567/decision",
        new JsonObject().put("action", "approve").put("version", 1), auth).status())
        .isEqualTo(404);
    String id = post("bad-action", "Hal", "x " + TestServer.SUSPECT_WORD).getString("id");
    Http.Response bad = http.postJson("/api/v1/moderation/comments/" + id + "/decision",
        new JsonObject().put("action", "bless").put("version", 1), auth);
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.errorFields()).containsExactly("action");
  }

  @Test
  void bulkDecisionsReportEachId() {
    String a = post("bulk", "Ida", "one " + TestServer.SUSPECT_WORD).getString("id");
    String b = post("bulk", "Jon", "two " + TestServer.SUSPECT_WORD).getString("id");
    Http.Response r = http.postJson("/api/v1/moderation/decisions", new JsonObject()
        .put("ids", new JsonArray().add(a).add(b).add("0123456789abcdef01234567"))
        .put("action", "reject").put("reason", "off-topic"), auth);
    assertThat(r.status()).isEqualTo(200);
    JsonArray results = r.array("results");
    assertThat(results).hasSize(3);
    assertThat(results.getJsonObject(0).getInteger("status")).isEqualTo(200);
    assertThat(results.getJsonObject(0).getJsonObject("item").getString("status"))
        .isEqualTo("rejected");
    assertThat(results.getJsonObject(2).getInteger("status")).isEqualTo(404);
    assertThat(queue("?articleId=bulk")).isEmpty();
    assertThat(queue("?articleId=bulk&status=rejected")).hasSize(2);
  }

  @Test
  void theQueueSortsByRiskAndPagesWithACursor() {
    post("risky", "Kim", "mild " + TestServer.SUSPECT_WORD);
    post("risky", "Lee", "A second " + TestServer.SUSPECT_WORD + ": the council's own report "
        + "on the bridge delays is worth reading in full, www.example.org/report");
    post("risky", "May", "links http://a.example.com http://b.example.com http://c.example.com");
    List<JsonObject> byRisk = queue("?articleId=risky&sort=risk");
    assertThat(byRisk).hasSizeGreaterThanOrEqualTo(2);
    for (int i = 1; i < byRisk.size(); i++) {
      assertThat(byRisk.get(i - 1).getDouble("risk"))
          .isGreaterThanOrEqualTo(byRisk.get(i).getDouble("risk"));
    }
    List<JsonObject> everything = new ArrayList<>(byRisk);
    everything.addAll(queue("?articleId=risky&status=spam"));
    assertThat(everything).anySatisfy(item -> assertThat(
        item.getJsonObject("spam").getJsonArray("reasons").getList()).contains("link-count"));

    Http.Response page1 = http.get("/api/v1/moderation/queue?articleId=risky&limit=1", auth);
    String cursor = page1.json().getString("nextCursor");
    assertThat(cursor).isNotNull();
    Http.Response page2 = http.get("/api/v1/moderation/queue?articleId=risky&limit=1&cursor="
        + cursor, auth);
    assertThat(page2.array("items").getJsonObject(0).getString("id"))
        .isNotEqualTo(page1.array("items").getJsonObject(0).getString("id"));
    assertThat(http.get("/api/v1/moderation/queue?status=bogus", auth).status()).isEqualTo(400);
  }

  @Test
  void checkRunsTheFiltersWithoutStoring() {
    Http.Response clean = http.postJson("/api/v1/moderation/check",
        new JsonObject().put("name", "Mo").put("comment", "A thoughtful remark."), auth);
    assertThat(clean.status()).isEqualTo(200);
    assertThat(clean.json().getString("decision")).isEqualTo("publish");
    assertThat(clean.json().getJsonObject("spam").getDouble("score")).isBetween(0.0, 1.0);
    Http.Response held = http.postJson("/api/v1/moderation/check",
        new JsonObject().put("name", "Mo").put("comment", TestServer.SUSPECT_WORD), auth);
    assertThat(held.json().getString("decision")).isEqualTo("hold");
    Http.Response rejected = http.postJson("/api/v1/moderation/check",
        new JsonObject().put("name", "Mo").put("comment", TestServer.BLOCKED_WORD), auth);
    assertThat(rejected.json().getString("decision")).isEqualTo("reject");
    assertThat(rejected.json().getJsonObject("toxicity").getJsonArray("reasons").getList())
        .contains("blocked-word");
  }
}
