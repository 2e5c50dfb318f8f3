package org.moderato.http;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.function.Supplier;

/** {@code GET /health}: 200 when storage answers a ping in time, 503 when it does not. */
final class HealthHandler {

  private final Supplier<Future<Void>> ping;

  HealthHandler(Supplier<Future<Void>> ping) {
    this.ping = ping;
  }

  void handle(RoutingContext ctx) {
    ping.get().onComplete(result -> {
      boolean up = result.succeeded();
      ctx.response().setStatusCode(up ? 200 : 503)
          .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
          .putHeader(HttpHeaders.CACHE_CONTROL, "no-store");
      Responses.endWith(ctx, Buffer.buffer(new JsonObject().put("status", up ? "up" : "down")
          .put("storage", up ? "up" : "down").encode()));
    });
  }
}
