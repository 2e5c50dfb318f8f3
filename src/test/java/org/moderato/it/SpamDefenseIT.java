package org.moderato.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The spam layers that need a running server: bot traps, duplicates, lists, campaigns. */
class SpamDefenseIT {

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

  private static Http.Response post(String article, JsonObject body) {
    server.clock().tick();
    return http.postJson("/api/v1/articles/" + article + "/comments", body);
  }

  private static JsonObject reasons(String id) {
    Http.Response q = http.get("/api/v1/moderation/queue?status=published&limit=100", auth);
    for (Object o : q.array("items")) {
      JsonObject item = (JsonObject) o;
      if (item.getString("id").equals(id)) {
        return item.getJsonObject("spam");
      }
    }
    for (String status : List.of("pending", "spam", "rejected")) {
      for (Object o : http.get("/api/v1/moderation/queue?limit=100&status=" + status, auth)
          .array("items")) {
        JsonObject item = (JsonObject) o;
        if (item.getString("id").equals(id)) {
          return item.getJsonObject("spam").put("status", item.getString("status"));
        }
      }
    }
    throw new AssertionError("comment " + id + " not found");
  }

  @Test
  void aFilledHoneypotIsSpamButLooksPendingToTheSender() {
    Http.Response r = post("honeypot", new JsonObject().put("name", "Bot")
        .put("comment", "Nice article").put("website", "http://spam.example"));
    assertThat(r.json().getString("status")).isEqualTo("pending");
    JsonObject spam = reasons(r.json().getString("id"));
    assertThat(spam.getString("status")).isEqualTo("spam");
    assertThat(spam.getJsonArray("reasons").getList()).contains("honeypot");
  }

  @Test
  void aFormTokenUsedAfterAPausePublishesAndOneUsedAtOnceIsHeld() {
    String token = http.get("/api/v1/articles/tokens/form").json().getString("formToken");
    server.clock().advance(Duration.ofSeconds(30));
    Http.Response human = post("tokens", new JsonObject().put("name", "Ann")
        .put("comment", "A considered reply.").put("formToken", token));
    assertThat(human.json().getString("status")).isEqualTo("published");
    assertThat(reasons(human.json().getString("id")).getJsonArray("reasons").getList())
        .doesNotContain("form-token-missing", "form-token-invalid", "too-fast");

    String fresh = http.get("/api/v1/articles/tokens/form").json().getString("formToken");
    Http.Response bot = post("tokens", new JsonObject().put("name", "Speedy")
        .put("comment", "Instant reply.").put("formToken", fresh));
    assertThat(bot.json().getString("status")).isEqualTo("pending");
    assertThat(reasons(bot.json().getString("id")).getJsonArray("reasons").getList())
        .contains("too-fast");

    Http.Response api = post("tokens", new JsonObject().put("name", "Script")
        .put("comment", "Posted by an API client."));
    assertThat(api.json().getString("status")).isEqualTo("published");
    assertThat(reasons(api.json().getString("id")).getJsonArray("reasons").getList())
        .contains("form-token-missing");
  }

  @Test
  void theSameTextFromTheSameClientIsRefusedAsADuplicate() {
    JsonObject body = new JsonObject().put("name", "Rep").put("comment", "I said this once.");
    assertThat(post("dup", body).status()).isEqualTo(201);
    Http.Response again = post("dup", body);
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.json().getString("type")).endsWith("duplicate");
    server.clock().advance(Duration.ofMinutes(11));
    assertThat(post("dup", body).status()).isEqualTo(201);
  }

  @Test
  void adminsEditListsAtRunTimeAndTheyApplyAtOnce() {
    Http.Response put = http.putJson("/api/v1/moderation/lists/blockedDomains",
        new JsonObject().put("entries", new JsonArray().add("Pills-Shop.com")), auth);
    assertThat(put.status()).as(put.body()).isEqualTo(200);
    assertThat(http.get("/api/v1/moderation/lists", auth).json()
        .getJsonObject("blockedDomains").getJsonArray("entries").getList())
        .containsExactly("pills-shop.com");
    Http.Response r = post("lists", new JsonObject().put("name", "Seller")
        .put("comment", "cheap at www.pills-shop.com/buy"));
    JsonObject spam = reasons(r.json().getString("id"));
    assertThat(spam.getString("status")).isEqualTo("spam");
    assertThat(spam.getJsonArray("reasons").getList()).contains("blocked-domain");

    Http.Response shortener = post("lists", new JsonObject().put("name", "Linker")
        .put("comment", "see bit.ly/abc for more"));
    assertThat(reasons(shortener.json().getString("id")).getJsonArray("reasons").getList())
        .contains("url-shortener");
    assertThat(http.putJson("/api/v1/moderation/lists/nonsense",
        new JsonObject().put("entries", new JsonArray()), auth).status()).isEqualTo(404);
  }

  @Test
  void theSameMessageUnderSeveralNamesIsACampaign() {
    String text = "Make 500 dollars a day from home with this simple trick, see my profile now";
    String last = null;
    for (String name : new String[] {"Amy", "Ben", "Cat", "Dan"}) {
      last = post("campaign-" + name, new JsonObject().put("name", name).put("comment",
          text + " " + name.toLowerCase())).json().getString("id");
    }
    JsonObject spam = reasons(last);
    assertThat(spam.getJsonArray("reasons").getList()).as(spam.encode()).contains("near-duplicate");
  }

  @Test
  void rateLimitsAnswer429WithRetryAfter() {
    TestServer limited = TestServer.start(Map.of("rateLimits.enabled", true,
        "rateLimits.burst", 2, "rateLimits.commentsPerMinute", 1));
    try {
      Http client = new Http(limited.baseUrl());
      for (int i = 0; i < 2; i++) {
        assertThat(client.postJson("/api/v1/articles/rl/comments", new JsonObject()
            .put("name", "Fast").put("comment", "comment " + i)).status()).isEqualTo(201);
      }
      Http.Response limitedResponse = client.postJson("/api/v1/articles/rl/comments",
          new JsonObject().put("name", "Other").put("comment", "one more"));
      assertThat(limitedResponse.status()).isEqualTo(429);
      assertThat(Integer.parseInt(limitedResponse.header("Retry-After"))).isPositive();
      limited.clock().advance(Duration.ofMinutes(2));
      assertThat(client.postJson("/api/v1/articles/rl/comments", new JsonObject()
          .put("name", "Fast").put("comment", "later")).status()).isEqualTo(201);
    } finally {
      limited.close();
    }
  }
}
