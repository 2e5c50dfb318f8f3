package org.moderato.it;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** A small blocking HTTP client for tests (test threads may block; the server's may not). */
public final class Http {

  private static final HttpClient CLIENT = HttpClient.newBuilder()
      .connectTimeout(Duration.ofSeconds(5))
      .followRedirects(HttpClient.Redirect.NEVER)
      .build();

  private final String base;

  public Http(String base) {
    this.base = base;
  }

  /** A response with its body read as text. */
  public record Response(int status, String body, java.net.http.HttpHeaders headers) {

    public JsonObject json() {
      return new JsonObject(body);
    }

    public JsonArray array(String field) {
      return json().getJsonArray(field);
    }

    public String header(String name) {
      return headers.firstValue(name).orElse(null);
    }

    /** The fields named in a problem's {@code errors}. */
    public List<String> errorFields() {
      List<String> fields = new ArrayList<>();
      JsonArray errors = json().getJsonArray("errors", new JsonArray());
      for (int i = 0; i < errors.size(); i++) {
        fields.add(errors.getJsonObject(i).getString("field"));
      }
      return fields;
    }
  }

  public Response get(String path, String... headers) {
    return send(request(path, headers).GET());
  }

  public Response head(String path, String... headers) {
    return send(request(path, headers).method("HEAD", HttpRequest.BodyPublishers.noBody()));
  }

  public Response postJson(String path, Object body, String... headers) {
    return send(request(path, with(headers, "Content-Type", "application/json"))
        .POST(HttpRequest.BodyPublishers.ofString(String.valueOf(body))));
  }

  public Response post(String path, String contentType, byte[] body, String... headers) {
    return send(request(path, with(headers, "Content-Type", contentType))
        .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
  }

  public Response postForm(String path, String form, String... headers) {
    return post(path, "application/x-www-form-urlencoded", form.getBytes(StandardCharsets.UTF_8),
        headers);
  }

  public Response patchJson(String path, Object body, String... headers) {
    return send(request(path, with(headers, "Content-Type", "application/json"))
        .method("PATCH", HttpRequest.BodyPublishers.ofString(String.valueOf(body))));
  }

  public Response delete(String path, String... headers) {
    return send(request(path, headers).DELETE());
  }

  public Response putJson(String path, Object body, String... headers) {
    return send(request(path, with(headers, "Content-Type", "application/json"))
        .PUT(HttpRequest.BodyPublishers.ofString(String.valueOf(body))));
  }

  private HttpRequest.Builder request(String path, String... headers) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path))
        .timeout(Duration.ofSeconds(30));
    for (int i = 0; i + 1 < headers.length; i += 2) {
      builder.header(headers[i], headers[i + 1]);
    }
    return builder;
  }

  private static String[] with(String[] headers, String name, String value) {
    for (int i = 0; i + 1 < headers.length; i += 2) {
      if (headers[i].equalsIgnoreCase(name)) {
        return headers;
      }
    }
    String[] out = java.util.Arrays.copyOf(headers, headers.length + 2);
    out[headers.length] = name;
    out[headers.length + 1] = value;
    return out;
  }

  private static Response send(HttpRequest.Builder builder) {
    try {
      HttpResponse<String> response = CLIENT.send(builder.build(),
          HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      return new Response(response.statusCode(), response.body(), response.headers());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
