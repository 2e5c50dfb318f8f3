package org.moderato.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Thousands of generated bodies and query strings against the real server (seeded, so a failure
 * replays): never a 5xx or a hang, always problem+json for refusals, and nothing stored by a
 * refused request.
 */
class FuzzIT {

  private static final long SEED = Long.getLong("fuzz.seed", 20261129L);
  private static final int REQUESTS = Integer.getInteger("fuzz.requests", 2000);

  private static TestServer server;
  private static Http http;
  private final Random random = new Random(SEED);

  @BeforeAll
  static void start() {
    server = TestServer.start();
    http = new Http(server.baseUrl());
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void generatedInputNeverBreaksTheServerAndRefusedInputStoresNothing() {
    int accepted = 0;
    for (int i = 0; i < REQUESTS; i++) {
      server.clock().tick();
      Http.Response r;
      String what;
      switch (random.nextInt(4)) {
        case 0 -> {
          byte[] body = body();
          what = "POST body " + new String(body, StandardCharsets.UTF_8);
          r = http.post("/api/v1/articles/fuzz/comments", contentType(), body);
        }
        case 1 -> {
          String query = query();
          what = "GET thread " + query;
          r = http.get("/api/v1/articles/fuzz/comments?" + query);
        }
        case 2 -> {
          String query = query();
          what = "GET queue " + query;
          r = http.get("/api/v1/moderation/queue?" + query,
              "Authorization", "Bearer " + server.adminToken());
        }
        default -> {
          String id = URLEncoder.encode(string(30), StandardCharsets.UTF_8);
          what = "PATCH " + id;
          r = http.patchJson("/api/v1/comments/" + id, new String(body(), StandardCharsets.UTF_8),
              "X-Edit-Token", Long.toHexString(random.nextLong()));
        }
      }
      assertThat(r.status()).as(what).isLessThan(500);
      if (r.status() >= 400) {
        assertThat(r.header("Content-Type")).as(what).startsWith("application/problem+json");
      }
      if (what.startsWith("POST") && r.status() == 201) {
        accepted++;
      }
    }
    assertThat(storedComments()).isEqualTo(accepted);
  }

  private int storedComments() {
    int total = 0;
    for (String status : List.of("published", "pending", "spam", "rejected", "deleted")) {
      String cursor = null;
      do {
        Http.Response page = http.get("/api/v1/moderation/queue?articleId=fuzz&limit=100&status="
            + status + (cursor == null ? "" : "&cursor=" + cursor),
            "Authorization", "Bearer " + server.adminToken());
        total += page.array("items").size();
        cursor = page.json().getString("nextCursor");
      } while (cursor != null);
    }
    return total;
  }

  private String contentType() {
    return switch (random.nextInt(6)) {
      case 0 -> "application/x-www-form-urlencoded";
      case 1 -> "text/plain";
      case 2 -> "application/json; charset=utf-8";
      default -> "application/json";
    };
  }

  private byte[] body() {
    return switch (random.nextInt(8)) {
      case 0 -> randomBytes();
      case 1 -> truncated();
      case 2 -> deeplyNested();
      case 3 -> ("name=" + URLEncoder.encode(string(20), StandardCharsets.UTF_8) + "&comment="
          + URLEncoder.encode(string(200), StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
      default -> object().encode().getBytes(StandardCharsets.UTF_8);
    };
  }

  private JsonObject object() {
    JsonObject o = new JsonObject();
    for (String field : List.of("name", "comment", "parentId", "email", "acknowledgeWarning",
        "website", "formToken", "$where", "status", "a.b")) {
      if (random.nextInt(3) > 0) {
        o.put(field, value(0));
      }
    }
    return o;
  }

  private Object value(int depth) {
    return switch (random.nextInt(depth > 2 ? 5 : 9)) {
      case 0 -> null;
      case 1 -> random.nextInt();
      case 2 -> random.nextBoolean();
      case 3 -> random.nextDouble();
      case 4 -> string(random.nextInt(5) == 0 ? 6000 : 40);
      case 5 -> new JsonObject().put("$gt", "").put("$ne", value(depth + 1));
      case 6 -> new JsonArray().add(value(depth + 1)).add(value(depth + 1));
      default -> string(60);
    };
  }

  private String string(int max) {
    int length = random.nextInt(max + 1);
    StringBuilder s = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      int kind = random.nextInt(10);
      if (kind < 6) {
        s.append((char) ('a' + random.nextInt(26)));
      } else if (kind == 6) {
        String odd = " \n\t\u0000\u202E\u200B\uFEFF$.";
        s.append(odd.charAt(random.nextInt(odd.length())));
      } else if (kind == 7) {
        s.appendCodePoint(0x1F600 + random.nextInt(50));
      } else if (kind == 8) {
        s.append((char) (0xD800 + random.nextInt(0x800)));
      } else {
        s.append((char) random.nextInt(0x3000));
      }
    }
    return s.toString();
  }

  private byte[] randomBytes() {
    byte[] bytes = new byte[random.nextInt(300)];
    random.nextBytes(bytes);
    return bytes;
  }

  private byte[] truncated() {
    byte[] full = object().put("name", "Ann").put("comment", "text").encode()
        .getBytes(StandardCharsets.UTF_8);
    byte[] cut = new byte[random.nextInt(full.length)];
    System.arraycopy(full, 0, cut, 0, cut.length);
    return cut;
  }

  private byte[] deeplyNested() {
    int depth = 500 + random.nextInt(3000);
    return ("{\"name\":\"a\",\"comment\":" + "[".repeat(depth) + "]".repeat(depth) + "}")
        .getBytes(StandardCharsets.UTF_8);
  }

  private String query() {
    List<String> parts = new ArrayList<>();
    for (String name : List.of("sort", "limit", "cursor", "status", "articleId")) {
      if (random.nextBoolean()) {
        String value = switch (random.nextInt(5)) {
          case 0 -> Integer.toString(random.nextInt(300) - 100);
          case 1 -> "oldest";
          case 2 -> "risk";
          default -> string(30);
        };
        parts.add(name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8));
        if (random.nextInt(10) == 0) {
          parts.add(name + "=x");
        }
      }
    }
    return String.join("&", parts);
  }
}
