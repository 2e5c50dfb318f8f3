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
  private final Runnable typing;

  /** {@code typing} runs before each post, as the time a reader spends writing. */
  Api(String baseUrl, String token, Runnable typing) {
    this.baseUrl = baseUrl;
    this.token = token;
    this.typing = typing;
  }

  /** Posts a comment as the form does: with a form token when the server hands one out. */
  JsonObject postComment(String articleId, String name, String text) {
    JsonObject body = new JsonObject().put("name", name).put("comment", text).put("website", "");
    String formToken = formToken(articleId);
    if (formToken != null) body.put("formToken", formToken);
    typing.run();
    return send(HttpRequest.newBuilder(uri("/api/v1/articles/" + articleId + "/comments"))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body.encode())), false);
  }

  private String formToken(String articleId) {
    try {
      return send(HttpRequest.newBuilder(uri("/api/v1/articles/" + articleId + "/form")).GET(),
          false).getString("formToken");
    } catch (IllegalStateException noTokens) {
      return null;
    }
  }

  /** Closes (or reopens) comments on an article. */
  void setClosed(String articleId, boolean closed) {
    JsonObject body = new JsonObject().put("closed", closed);
    send(HttpRequest.newBuilder(uri("/api/v1/moderation/articles/" + articleId))
        .header("Content-Type", "application/json")
        .PUT(HttpRequest.BodyPublishers.ofString(body.encode())), true);
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
