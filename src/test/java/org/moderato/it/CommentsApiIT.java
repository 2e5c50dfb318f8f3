package org.moderato.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Readers' endpoints over real HTTP against the embedded store. */
class CommentsApiIT {

  private static TestServer server;
  private static Http http;

  @BeforeAll
  static void start() {
    server = TestServer.start(Map.of("comments.maxDepth", 2));
    http = new Http(server.baseUrl());
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static JsonObject post(String article, JsonObject body) {
    server.clock().tick();
    Http.Response r = http.postJson("/api/v1/articles/" + article + "/comments", body);
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    return r.json();
  }

  private static JsonObject comment(String name, String text) {
    return new JsonObject().put("name", name).put("comment", text);
  }

  @Test
  void aCleanJsonCommentIsPublishedAndShownInTheThread() {
    JsonObject created = post("clean", comment("  Ann  ", "Hello\u200b world\r\nSecond line"));
    assertThat(created.getString("status")).isEqualTo("published");
    assertThat(created.getString("editToken")).hasSizeGreaterThan(20);
    assertThat(created.getJsonObject("comment").getString("name")).isEqualTo("Ann");
    assertThat(created.getJsonObject("comment").getString("text"))
        .isEqualTo("Hello world\nSecond line");

    JsonObject thread = http.get("/api/v1/articles/clean/comments").json();
    assertThat(thread.getString("articleId")).isEqualTo("clean");
    assertThat(thread.getLong("total")).isEqualTo(1);
    JsonObject c = thread.getJsonArray("comments").getJsonObject(0);
    assertThat(c.getString("id")).isEqualTo(created.getString("id"));
    assertThat(c.fieldNames()).contains("id", "parentId", "name", "text", "createdAt", "depth",
        "replyCount", "replies");
    assertThat(thread.getValue("nextCursor")).isNull();
  }

  @Test
  void anArticleNobodyCommentedOnHasAnEmptyThreadAndZeroCount() {
    JsonObject thread = http.get("/api/v1/articles/nobody/comments").json();
    assertThat(thread.getLong("total")).isZero();
    assertThat(thread.getJsonArray("comments")).isEmpty();
    assertThat(http.get("/api/v1/counts?articleId=nobody").json().getLong("nobody")).isZero();
  }

  @Test
  void invalidFieldsAreNamedInAProblem() {
    Http.Response r = http.postJson("/api/v1/articles/v/comments",
        new JsonObject().put("name", "   ").put("comment", "x".repeat(5001)));
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.header("Content-Type")).startsWith("application/problem+json");
    assertThat(r.json().getInteger("status")).isEqualTo(400);
    assertThat(r.json().getString("title")).isNotBlank();
    assertThat(r.json().getString("type")).isNotBlank();
    assertThat(r.errorFields()).containsExactlyInAnyOrder("name", "comment");

    Http.Response missing = http.postJson("/api/v1/articles/v/comments", "{}");
    assertThat(missing.errorFields()).containsExactlyInAnyOrder("name", "comment");

    Http.Response wrongType = http.postJson("/api/v1/articles/v/comments",
        new JsonObject().put("name", new JsonObject().put("$gt", "")).put("comment", 5));
    assertThat(wrongType.status()).isEqualTo(400);
    assertThat(wrongType.errorFields()).containsExactlyInAnyOrder("name", "comment");

    assertThat(http.get("/api/v1/articles/v/comments").json().getLong("total")).isZero();
  }

  @Test
  void limitsOnLengthCountCharactersNotBytes() {
    Http.Response ok = http.postJson("/api/v1/articles/len/comments",
        comment("Zoë", "é".repeat(5000)));
    assertThat(ok.status()).isEqualTo(201);
    Http.Response name = http.postJson("/api/v1/articles/len/comments",
        comment("n".repeat(81), "fine"));
    assertThat(name.errorFields()).containsExactly("name");
  }

  @Test
  void malformedBodiesAndWrongContentTypesAreRefused() {
    assertThat(http.postJson("/api/v1/articles/m/comments", "{\"name\": \"a\",").status())
        .isEqualTo(400);
    assertThat(http.postJson("/api/v1/articles/m/comments", "[1,2]").status()).isEqualTo(400);
    assertThat(http.post("/api/v1/articles/m/comments", "text/plain",
        "hello".getBytes(StandardCharsets.UTF_8)).status()).isEqualTo(415);
    String big = comment("A", "x".repeat(70 * 1024)).encode();
    assertThat(http.postJson("/api/v1/articles/m/comments", big).status()).isEqualTo(413);
    assertThat(http.get("/api/v1/articles/m/comments").json().getLong("total")).isZero();
  }

  @Test
  void aFormPostFromScriptsGetsJsonAndFromBrowsersARedirect() {
    Http.Response json = http.postForm("/api/v1/articles/form/comments",
        "name=Bea&comment=Plain+form+post", "Accept", "application/json");
    assertThat(json.status()).isEqualTo(201);
    assertThat(json.json().getString("status")).isEqualTo("published");

    Http.Response browser = http.postForm("/api/v1/articles/form/comments",
        "name=Cy&comment=From+a+browser&redirect=%2Fnews%2Fstory", "Accept",
        "text/html,application/xhtml+xml,*/*;q=0.8");
    assertThat(browser.status()).isEqualTo(303);
    assertThat(browser.header("Location")).startsWith("/news/story?moderato=published");

    Http.Response held = http.postForm("/api/v1/articles/form/comments",
        "name=Di&comment=" + TestServer.SUSPECT_WORD + "&redirect=https%3A%2F%2Fevil.example%2F",
        "Accept", "text/html");
    assertThat(held.status()).isEqualTo(303);
    assertThat(held.header("Location")).startsWith("/?moderato=pending");

    Http.Response invalid = http.postForm("/api/v1/articles/form/comments", "name=&comment=",
        "Accept", "text/html");
    assertThat(invalid.status()).isEqualTo(303);
    assertThat(invalid.header("Location")).contains("moderato=error")
        .contains("moderato-reason=invalid-input");
    assertThat(http.get("/api/v1/articles/form/comments").json().getLong("total")).isEqualTo(2);
  }

  @Test
  void repliesNestUnderTheirParentsAndTooDeepRepliesAttachToTheDeepestAllowed() {
    String root = post("tree", comment("A", "root")).getString("id");
    String r1 = post("tree", comment("B", "reply 1").put("parentId", root)).getString("id");
    String r2 = post("tree", comment("C", "reply 2").put("parentId", r1)).getString("id");
    JsonObject deep = post("tree", comment("D", "too deep").put("parentId", r2));
    assertThat(deep.getJsonObject("comment").getInteger("depth")).isEqualTo(2);
    assertThat(deep.getJsonObject("comment").getString("parentId")).isEqualTo(r1);

    JsonObject thread = http.get("/api/v1/articles/tree/comments").json();
    assertThat(thread.getLong("total")).isEqualTo(4);
    JsonObject top = thread.getJsonArray("comments").getJsonObject(0);
    assertThat(top.getLong("replyCount")).isEqualTo(3);
    JsonObject child = top.getJsonArray("replies").getJsonObject(0);
    assertThat(child.getString("id")).isEqualTo(r1);
    assertThat(child.getLong("replyCount")).isEqualTo(2);
    JsonArray grandchildren = child.getJsonArray("replies");
    assertThat(grandchildren).hasSize(2);
    assertThat(grandchildren.getJsonObject(0).getString("id")).isEqualTo(r2);
    assertThat(grandchildren.getJsonObject(1).getString("text")).isEqualTo("too deep");
  }

  @Test
  void aReplyToAnUnknownParentOrOneInAnotherArticleIs404() {
    String other = post("elsewhere", comment("A", "root")).getString("id");
    assertThat(http.postJson("/api/v1/articles/here/comments",
        comment("B", "hi").put("parentId", other)).status()).isEqualTo(404);
    assertThat(http.postJson("/api/v1/articles/here/comments",
        comment("B", "hi").put("parentId", "0123456789abcdef01234567")).status()).isEqualTo(404);
    assertThat(http.postJson("/api/v1/articles/here/comments",
        comment("B", "hi").put("parentId", "not-an-id")).status()).isEqualTo(404);
  }

  @Test
  void sortsOrderTopLevelComments() {
    String first = post("sorts", comment("A", "first")).getString("id");
    String second = post("sorts", comment("B", "second")).getString("id");
    post("sorts", comment("C", "reply").put("parentId", second));
    assertThat(ids(http.get("/api/v1/articles/sorts/comments?sort=oldest").json()))
        .containsExactly(first, second);
    assertThat(ids(http.get("/api/v1/articles/sorts/comments?sort=newest").json()))
        .containsExactly(second, first);
    assertThat(ids(http.get("/api/v1/articles/sorts/comments?sort=top").json()))
        .containsExactly(second, first);
    Http.Response bad = http.get("/api/v1/articles/sorts/comments?sort=best");
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.errorFields()).containsExactly("sort");
    assertThat(http.get("/api/v1/articles/sorts/comments?limit=0").errorFields())
        .containsExactly("limit");
    assertThat(http.get("/api/v1/articles/sorts/comments?limit=101").status()).isEqualTo(400);
    assertThat(http.get("/api/v1/articles/sorts/comments?cursor=forged.cursor").status())
        .isEqualTo(400);
  }

  @Test
  void theEtagAnswers304UntilTheThreadChanges() {
    post("etag", comment("A", "one"));
    Http.Response first = http.get("/api/v1/articles/etag/comments");
    String etag = first.header("ETag");
    assertThat(etag).isNotBlank();
    Http.Response head = http.head("/api/v1/articles/etag/comments");
    assertThat(head.status()).isEqualTo(200);
    assertThat(head.header("ETag")).isEqualTo(etag);
    assertThat(head.body()).isEmpty();
    assertThat(http.get("/api/v1/articles/etag/comments", "If-None-Match", etag).status())
        .isEqualTo(304);
    post("etag", comment("B", "two"));
    Http.Response changed = http.get("/api/v1/articles/etag/comments", "If-None-Match", etag);
    assertThat(changed.status()).isEqualTo(200);
    assertThat(changed.json().getLong("total")).isEqualTo(2);
  }

  @Test
  void countsComeForManyArticlesAndRefuseTooMany() {
    post("count-a", comment("A", "one"));
    post("count-a", comment("A", "two"));
    post("count-b", comment("A", "one"));
    JsonObject counts = http.get("/api/v1/counts?articleId=count-a&articleId=count-b"
        + "&articleId=count-c").json();
    assertThat(counts.getLong("count-a")).isEqualTo(2);
    assertThat(counts.getLong("count-b")).isEqualTo(1);
    assertThat(counts.getLong("count-c")).isZero();
    StringBuilder many = new StringBuilder("/api/v1/counts?articleId=x0");
    for (int i = 1; i <= 100; i++) {
      many.append("&articleId=x").append(i);
    }
    assertThat(http.get(many.toString()).status()).isEqualTo(400);
  }

  @Test
  void commentsClosedOnAnArticleAre403() {
    Http.Response closed = http.putJson("/api/v1/moderation/articles/closed-one",
        new JsonObject().put("closed", true), "Authorization", "Bearer " + server.adminToken());
    assertThat(closed.status()).isEqualTo(200);
    assertThat(http.postJson("/api/v1/articles/closed-one/comments", comment("A", "hi")).status())
        .isEqualTo(403);
  }

  @Test
  void theAuthorEditsAndDeletesWithTheTokenWithinTheWindow() {
    JsonObject created = post("edit", comment("A", "original"));
    String id = created.getString("id");
    String token = created.getString("editToken");
    String reply = post("edit", comment("B", "a reply").put("parentId", id)).getString("id");

    assertThat(http.patchJson("/api/v1/comments/" + id, new JsonObject().put("comment", "x"),
        "X-Edit-Token", "wrong").status()).isEqualTo(403);
    Http.Response edited = http.patchJson("/api/v1/comments/" + id,
        new JsonObject().put("comment", "edited text"), "X-Edit-Token", token);
    assertThat(edited.status()).isEqualTo(200);
    assertThat(edited.json().getString("text")).isEqualTo("edited text");
    assertThat(http.get("/api/v1/articles/edit/comments").body()).contains("edited text");

    Http.Response heldByEdit = http.patchJson("/api/v1/comments/" + id,
        new JsonObject().put("comment", "now with " + TestServer.SUSPECT_WORD),
        "X-Edit-Token", token);
    assertThat(heldByEdit.json().getString("status")).isEqualTo("pending");
    JsonObject thread = http.get("/api/v1/articles/edit/comments").json();
    assertThat(thread.getLong("total")).isEqualTo(1);
    JsonObject placeholder = thread.getJsonArray("comments").getJsonObject(0);
    assertThat(placeholder.getBoolean("deleted")).isTrue();
    assertThat(placeholder.getString("text")).doesNotContain(TestServer.SUSPECT_WORD);

    assertThat(http.delete("/api/v1/comments/" + id, "X-Edit-Token", token).status())
        .isEqualTo(204);
    JsonObject after = http.get("/api/v1/articles/edit/comments").json();
    JsonObject kept = after.getJsonArray("comments").getJsonObject(0);
    assertThat(kept.getBoolean("deleted")).isTrue();
    assertThat(kept.getString("name")).isEmpty();
    assertThat(kept.getJsonArray("replies").getJsonObject(0).getString("id")).isEqualTo(reply);
    assertThat(http.delete("/api/v1/comments/0123456789abcdef01234567", "X-Edit-Token", token)
        .status()).isEqualTo(404);
  }

  @Test
  void editsAfterTheWindowAre409() {
    JsonObject created = post("window", comment("A", "original"));
    server.clock().advance(Duration.ofMinutes(16));
    Http.Response late = http.patchJson("/api/v1/comments/" + created.getString("id"),
        new JsonObject().put("comment", "too late"), "X-Edit-Token",
        created.getString("editToken"));
    assertThat(late.status()).isEqualTo(409);
    assertThat(http.delete("/api/v1/comments/" + created.getString("id"), "X-Edit-Token",
        created.getString("editToken")).status()).isEqualTo(409);
  }

  @Test
  void spamAndRejectedCommentsLookPendingToTheirAuthor() {
    JsonObject rejected = post("blocked", comment("A", "you " + TestServer.BLOCKED_WORD));
    assertThat(rejected.getString("status")).isEqualTo("pending");
    assertThat(http.get("/api/v1/articles/blocked/comments").json().getLong("total")).isZero();
  }

  @Test
  void unknownPathsAndMethodsAnswerProblems() {
    Http.Response missing = http.get("/api/v1/nothing");
    assertThat(missing.status()).isEqualTo(404);
    assertThat(missing.header("Content-Type")).startsWith("application/problem+json");
    assertThat(http.get("/health").json().getString("status")).isEqualTo("up");
  }

  private static java.util.List<String> ids(JsonObject thread) {
    return thread.getJsonArray("comments").stream()
        .map(o -> ((JsonObject) o).getString("id")).toList();
  }
}
