package org.moderato.http;

import static org.moderato.http.Responses.json;

import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.moderato.domain.CommentStatus;
import org.moderato.domain.ModerationAction;
import org.moderato.domain.Moderator;
import org.moderato.domain.Problem;
import org.moderato.events.CommentEvents;
import org.moderato.filtering.Verdict;
import org.moderato.moderation.BulkResult;
import org.moderato.moderation.ModerationService;
import org.moderato.moderation.ModeratorAuth;
import org.moderato.moderation.QueueJson;
import org.moderato.moderation.QueuePage;
import org.moderato.storage.QueueSort;
import org.moderato.submission.TextNormalizer;

/**
 * Moderators' endpoints: the queue, decisions, checks, the log and the live stream. {@link #authenticate} runs first on every one of them and puts the
 * {@link Moderator} on the context; the others read it from there.
 */
final class ModerationHandlers {

  private static final String MODERATOR = "moderator";
  private static final long HEARTBEAT_MILLIS = 15_000;
  /** Live streams one instance keeps open at most; more answer 503 rather than pile up. */
  static final int MAX_STREAMS = 500;

  private final Vertx vertx;
  private final ModerationService moderation;
  private final ModeratorAuth auth;
  private final CommentEvents events;
  private final ClientKeys clientKeys;
  private final AtomicInteger streams = new AtomicInteger();

  ModerationHandlers(Vertx vertx, ModerationService moderation, ModeratorAuth auth,
      CommentEvents events, ClientKeys clientKeys) {
    this.vertx = vertx;
    this.moderation = moderation;
    this.auth = auth;
    this.events = events;
    this.clientKeys = clientKeys;
  }

  void authenticate(RoutingContext ctx) {
    String header = ctx.request().getHeader(HttpHeaders.AUTHORIZATION);
    String token = header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)
        ? header.substring(7).trim() : null;
    auth.authenticate(token, clientKeys.of(ctx)).onSuccess(moderator -> {
      ctx.put(MODERATOR, moderator);
      ctx.next();
    }).onFailure(ctx::fail);
  }

  void me(RoutingContext ctx) {
    json(ctx, 200, QueueJson.moderator(moderator(ctx)));
  }

  void queue(RoutingContext ctx) {
    CommentStatus status = Params.choice(ctx, "status", CommentStatus.PENDING,
        CommentStatus::fromWire, "pending, published, spam, rejected, deleted");
    String articleId = Params.single(ctx, "articleId");
    if (articleId != null) {
      Params.articleId(articleId, "articleId");
    }
    QueueSort sort = Params.choice(ctx, "sort", QueueSort.OLDEST, QueueSort::fromWire,
        "oldest, newest, risk");
    int limit = Params.limit(ctx, 50, 100);
    moderation.queue(status, articleId, sort, limit, Params.single(ctx, "cursor"))
        .onSuccess(page -> json(ctx, 200, queuePage(page)))
        .onFailure(ctx::fail);
  }

  void decide(RoutingContext ctx) {
    JsonObject body = body(ctx);
    ModerationAction action = action(body);
    String reason = reason(body);
    Object rawVersion = body.getValue("version");
    Long version = null;
    if (rawVersion != null) {
      if (!(rawVersion instanceof Number n) || n.doubleValue() != n.longValue()) {
        throw Problem.invalid("version", "must be a whole number");
      }
      version = n.longValue();
    }
    moderation.decide(moderator(ctx), ctx.pathParam("id"), action, reason, version)
        .onSuccess(comment -> json(ctx, 200, QueueJson.item(comment)))
        .onFailure(ctx::fail);
  }

  void decideAll(RoutingContext ctx) {
    JsonObject body = body(ctx);
    ModerationAction action = action(body);
    String reason = reason(body);
    Object rawIds = body.getValue("ids");
    if (!(rawIds instanceof JsonArray array) || array.isEmpty()
        || array.size() > ModerationService.BULK_LIMIT) {
      throw Problem.invalid("ids", "must be a list of 1-" + ModerationService.BULK_LIMIT
          + " comment ids");
    }
    List<String> ids = new ArrayList<>();
    for (Object id : array) {
      if (!(id instanceof String s)) {
        throw Problem.invalid("ids", "must contain only strings");
      }
      ids.add(s);
    }
    moderation.decideAll(moderator(ctx), ids, action, reason).onSuccess(results -> {
      JsonArray out = new JsonArray();
      for (BulkResult r : results) {
        JsonObject item = new JsonObject().put("id", r.id()).put("status", r.status());
        if (r.comment() != null) {
          item.put("item", QueueJson.item(r.comment()));
        } else {
          item.put("title", r.detail());
        }
        out.add(item);
      }
      json(ctx, 200, new JsonObject().put("results", out));
    }).onFailure(ctx::fail);
  }

  void check(RoutingContext ctx) {
    JsonObject body = body(ctx);
    Object name = body.getValue("name", "");
    Object comment = body.getValue("comment");
    if (!(name instanceof String) || !(comment instanceof String)) {
      throw Problem.invalid(comment instanceof String ? "name" : "comment", "must be a string");
    }
    moderation.check(TextNormalizer.name((String) name), TextNormalizer.comment((String) comment))
        .onSuccess(verdict -> json(ctx, 200, verdict(verdict)))
        .onFailure(ctx::fail);
  }

  void log(RoutingContext ctx) {
    int limit = Params.limit(ctx, 50, 100);
    moderation.log(limit, Params.single(ctx, "cursor")).onSuccess(page -> {
      JsonArray items = new JsonArray();
      page.entries().forEach(e -> items.add(QueueJson.audit(e)));
      json(ctx, 200, new JsonObject().put("items", items).put("nextCursor", page.nextCursor()));
    }).onFailure(ctx::fail);
  }

  void closeArticle(RoutingContext ctx) {
    String articleId = Params.articleId(ctx.pathParam("articleId"), "articleId");
    JsonObject body = body(ctx);
    if (!(body.getValue("closed") instanceof Boolean closed)) {
      throw Problem.invalid("closed", "must be true or false");
    }
    moderation.setClosed(articleId, closed)
        .onSuccess(v -> json(ctx, 200, new JsonObject().put("articleId", articleId)
            .put("closed", closed)))
        .onFailure(ctx::fail);
  }

  /**
   * Server-Sent Events: {@code held} when a comment enters the queue, {@code decided} when one is
   * decided, a comment line every 15 s to keep proxies from closing the stream.
   */
  void stream(RoutingContext ctx) {
    if (streams.incrementAndGet() > MAX_STREAMS) {
      streams.decrementAndGet();
      throw new Problem(503, "too-many-streams", "Service unavailable",
          "Too many live streams are open; the console falls back to reloading.");
    }
    HttpServerResponse response = ctx.response();
    response.setChunked(true)
        .putHeader(HttpHeaders.CONTENT_TYPE, "text/event-stream; charset=utf-8")
        .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
        .putHeader("X-Accel-Buffering", "no");
    response.write(": connected\n\n");
    MessageConsumer<JsonObject> consumer = events.listen(event -> {
      if (!response.closed() && !response.writeQueueFull()) {
        response.write("event: " + event.getString("type") + "\ndata: "
            + event.getJsonObject("item").encode() + "\n\n");
      }
    });
    long timer = vertx.setPeriodic(HEARTBEAT_MILLIS, id -> {
      if (!response.closed()) {
        response.write(": heartbeat\n\n");
      }
    });
    Runnable cleanup = () -> {
      vertx.cancelTimer(timer);
      consumer.unregister();
    };
    response.closeHandler(v -> {
      streams.decrementAndGet();
      cleanup.run();
    });
  }

  private static JsonObject queuePage(QueuePage page) {
    JsonArray items = new JsonArray();
    page.items().forEach(item -> items.add(QueueJson.item(item.comment(), item.parent())));
    return new JsonObject().put("items", items).put("nextCursor", page.nextCursor());
  }

  private static JsonObject verdict(Verdict verdict) {
    return new JsonObject()
        .put("decision", verdict.decision().wire())
        .put("status", verdict.status().wire())
        .put("spam", QueueJson.score(verdict.spam()))
        .put("toxicity", QueueJson.score(verdict.toxicity()));
  }

  private static ModerationAction action(JsonObject body) {
    Object raw = body.getValue("action");
    return (raw instanceof String s ? ModerationAction.fromWire(s) : Optional.<ModerationAction>empty())
        .orElseThrow(() -> Problem.invalid("action", "must be one of approve, reject, spam, requeue"));
  }

  private static String reason(JsonObject body) {
    Object raw = body.getValue("reason");
    if (raw == null) {
      return null;
    }
    if (!(raw instanceof String s) || s.length() > 500) {
      throw Problem.invalid("reason", "must be a string of at most 500 characters");
    }
    return TextNormalizer.name(s);
  }

  static JsonObject body(RoutingContext ctx) {
    if (!CommentHandlers.isJson(ctx)) {
      throw Problems.unsupportedType();
    }
    return CommentHandlers.jsonBody(ctx);
  }

  static Moderator moderator(RoutingContext ctx) {
    return ctx.get(MODERATOR);
  }

}
