package org.moderato.http;

import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.HttpException;
import java.time.Duration;
import java.util.List;
import org.moderato.domain.FieldError;
import org.moderato.domain.Problem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one failure handler: every failed request ends here and answers
 * {@code application/problem+json} (RFC 9457) with the request id. Domain {@link Problem}s keep
 * their status and words; anything unexpected is logged with the request id and answers a bare
 * 500, never a stack trace or a driver message.
 */
final class Problems {

  static final String TYPE_BASE = "https://moderato.dev/problems/";
  private static final Logger LOG = LoggerFactory.getLogger(Problems.class);

  private Problems() {}

  static void handle(RoutingContext ctx) {
    Throwable failure = ctx.failure();
    Problem problem = toProblem(ctx.statusCode(), failure);
    if (problem.status() >= 500 && !(failure instanceof Problem)) {
      LOG.error("Request {} {} {} failed", RequestIds.of(ctx), ctx.request().method(),
          ctx.request().path(), failure);
    }
    send(ctx, problem);
  }

  static Problem toProblem(int status, Throwable failure) {
    if (failure instanceof Problem problem) {
      return problem;
    }
    if (failure instanceof DecodeException) {
      return Problem.badRequest("The body is not valid JSON.");
    }
    if (failure instanceof HttpException http) {
      status = http.getStatusCode();
    }
    return switch (status) {
      case 400 -> Problem.badRequest("The request could not be read.");
      case 401 -> Problem.unauthorized();
      case 404 -> Problem.notFound("Nothing here.");
      case 405 -> new Problem(405, "method-not-allowed", "Method not allowed",
          "This path does not accept that method.");
      case 413 -> new Problem(413, "body-too-large", "Payload too large",
          "The body is larger than this server accepts (64 KiB).");
      case 415 -> unsupportedType();
      case 503 -> new Problem(503, "timeout", "Service unavailable",
          "The request took too long; please try again shortly.", List.of(),
          Duration.ofSeconds(2));
      case 431 -> new Problem(431, "headers-too-large", "Request header fields too large",
          "The request headers are too large.");
      default -> new Problem(500, "internal", "Internal error",
          "Something went wrong on our side; it has been logged.");
    };
  }

  static Problem unsupportedType() {
    return new Problem(415, "unsupported-media-type", "Unsupported media type",
        "Send application/json or application/x-www-form-urlencoded.");
  }

  static void send(RoutingContext ctx, Problem problem) {
    HttpServerResponse response = ctx.response();
    if (response.ended() || response.closed()) {
      return;
    }
    if (response.headWritten()) {
      response.reset();
      return;
    }
    JsonObject body = new JsonObject()
        .put("type", TYPE_BASE + problem.type())
        .put("title", problem.title())
        .put("status", problem.status())
        .put("detail", problem.getMessage())
        .put("requestId", RequestIds.of(ctx));
    if (!problem.errors().isEmpty()) {
      JsonArray errors = new JsonArray();
      for (FieldError e : problem.errors()) {
        errors.add(new JsonObject().put("field", e.field()).put("message", e.message()));
      }
      body.put("errors", errors);
    }
    if (problem.retryAfter() != null) {
      response.putHeader("Retry-After",
          Long.toString(Math.max(1, (problem.retryAfter().toMillis() + 999) / 1000)));
    }
    if (problem.status() == 401) {
      response.putHeader("WWW-Authenticate", "Bearer");
    }
    response.setStatusCode(problem.status())
        .putHeader("Content-Type", "application/problem+json")
        .putHeader("Cache-Control", "no-store")
        .end(body.encode());
  }
}
