package org.moderato.browser;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/** Plain HTTP calls the browser tests make behind the pages' backs: setup and cross-checks. */
final class Api {

  private final HttpClient http = HttpClient.newHttpClient();
  private final String baseUrl;
  private final String token;

  Api(String baseUrl, String token) {
    this.baseUrl = baseUrl;
    this.token = token;
  }

  /** Posts a comment as a reader would from a script, without a form token. */
  JsonObject postComment(String articleId, String name, String text) {
    JsonObject body = new JsonObject().put("name", name).put("comment", text);
    return send(HttpRequest.newBuilder(uri("/api/v1/articles/" + articleId + "/comments"))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body.encode())), false);
  }

  JsonArray queue(String status) {
    return send(HttpRequest.newBuilder(uri("/api/v1/moderation/queue?limit=100&status="
        + URLEncoder.encode(status, StandardCharsets.UTF_8))).GET(), true)
        .getJsonArray("items");
  }

  JsonObject queued(String status, String text) {
    return queue(status).stream().map(JsonObject.class::cast)
        .filter(q -> text.equals(q.getString("text"))).findFirst().orElse(null);
  }

  /** Decides as another moderator would, from another console. */
  JsonObject decide(String id, String action, long version) {
    JsonObject body = new JsonObject().put("action", action).put("version", version);
    return send(HttpRequest.newBuilder(uri("/api/v1/moderation/comments/" + id + "/decision"))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body.encode())), true);
  }

  private URI uri(String path) {
    return URI.create(baseUrl + path);
  }

  private JsonObject send(HttpRequest.Builder request, boolean moderator) {
    request.header("Accept", "application/json");
    if (moderator) request.header("Authorization", "Bearer " + token);
    try {
      HttpResponse<String> response =
          http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() >= 300) {
        throw new IllegalStateException(response.statusCode() + " " + response.body());
      }
      return new JsonObject(response.body());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
