package org.moderato.http;

import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.moderato.domain.CommentStatus;
import org.moderato.domain.Problem;
import org.moderato.filtering.bots.FormTokens;
import org.moderato.storage.ThreadSort;
import org.moderato.submission.CommentInput;
import org.moderato.submission.NewComment;
import org.moderato.submission.SubmissionService;
import org.moderato.threads.ThreadJson;
import org.moderato.threads.ThreadService;

/**
 * Readers' endpoints: posting (JSON or a plain HTML form), editing and deleting within the window,
 * reading threads and counts. Each handler parses the request, calls one service method and maps
 * the result.
 */
final class CommentHandlers {

  private static final int MAX_COUNT_IDS = 100;

  private final SubmissionService submissions;
  private final ThreadService threads;
  private final ClientKeys clientKeys;
  private final FormTokens formTokens;
  private final CommentInput.Limits limits;
  private final List<String> allowedOrigins;

  CommentHandlers(SubmissionService submissions, ThreadService threads, ClientKeys clientKeys,
      FormTokens formTokens, CommentInput.Limits limits, List<String> allowedOrigins) {
    this.submissions = submissions;
    this.threads = threads;
    this.clientKeys = clientKeys;
    this.formTokens = formTokens;
    this.limits = limits;
    this.allowedOrigins = List.copyOf(allowedOrigins);
  }

  void submit(RoutingContext ctx) {
    String articleId = Params.articleId(ctx.pathParam("articleId"), "articleId");
    boolean form = isForm(ctx);
    if (!form && !isJson(ctx)) {
      throw Problems.unsupportedType();
    }
    boolean browser = form && prefersHtml(ctx);
    String redirect = browser ? redirectTarget(ctx) : null;
    JsonObject body = form ? formBody(ctx.request().formAttributes()) : jsonBody(ctx);
    CommentInput input;
    try {
      input = CommentInput.parse(body, limits);
    } catch (Problem problem) {
      if (browser) {
        backToArticle(ctx, redirect, "error", problem);
        return;
      }
      throw problem;
    }
    submissions.submit(new NewComment(articleId, input, clientKeys.of(ctx)))
        .onSuccess(done -> {
          CommentStatus shown = done.comment().status().shownToAuthor();
          if (browser) {
            backToArticle(ctx, redirect, shown.wire(), null);
            return;
          }
          JsonObject view = ThreadJson.authorView(done.comment());
          ctx.response().setStatusCode(201)
              .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
              .putHeader(HttpHeaders.LOCATION, "/api/v1/comments/" + done.comment().id())
              .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
              .end(new JsonObject()
                  .put("id", done.comment().id())
                  .put("status", shown.wire())
                  .put("comment", view)
                  .put("editToken", done.editToken())
                  .encode());
        })
        .onFailure(failure -> {
          if (browser && failure instanceof Problem problem) {
            backToArticle(ctx, redirect, "error", problem);
          } else {
            ctx.fail(failure);
          }
        });
  }

  void thread(RoutingContext ctx) {
    String articleId = Params.articleId(ctx.pathParam("articleId"), "articleId");
    ThreadSort sort = Params.choice(ctx, "sort", ThreadSort.OLDEST, ThreadSort::fromWire,
        "oldest, newest, top");
    int limit = Params.limit(ctx, 20, 100);
    String cursor = Params.single(ctx, "cursor");
    threads.page(articleId, sort, limit, cursor).onSuccess(page -> {
      ctx.response().putHeader(HttpHeaders.ETAG, page.etag())
          .putHeader(HttpHeaders.CACHE_CONTROL, "no-cache");
      if (ifNoneMatch(ctx, page.etag())) {
        ctx.response().setStatusCode(304).end();
      } else {
        ctx.response().putHeader(HttpHeaders.CONTENT_TYPE, "application/json");
        Responses.endWith(ctx, page.body());
      }
    }).onFailure(ctx::fail);
  }

  /** A fresh form token for the widget: proof the form was loaded, and when. */
  void form(RoutingContext ctx) {
    String articleId = Params.articleId(ctx.pathParam("articleId"), "articleId");
    ctx.response().putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
        .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
        .end(new JsonObject().put("formToken", formTokens.issue(articleId)).encode());
  }

  void edit(RoutingContext ctx) {
    if (!isJson(ctx)) {
      throw Problems.unsupportedType();
    }
    String text = CommentInput.parseEdit(jsonBody(ctx), limits);
    submissions.edit(ctx.pathParam("id"), ctx.request().getHeader("X-Edit-Token"), text)
        .onSuccess(comment -> ctx.response()
            .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
            .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
            .end(ThreadJson.authorView(comment)
                .put("status", comment.status().shownToAuthor().wire()).encode()))
        .onFailure(ctx::fail);
  }

  void delete(RoutingContext ctx) {
    submissions.delete(ctx.pathParam("id"), ctx.request().getHeader("X-Edit-Token"))
        .onSuccess(v -> ctx.response().setStatusCode(204).end())
        .onFailure(ctx::fail);
  }

  void counts(RoutingContext ctx) {
    List<String> ids = ctx.queryParam("articleId");
    if (ids.isEmpty()) {
      throw Problem.invalid("articleId", "give at least one articleId");
    }
    LinkedHashSet<String> unique = new LinkedHashSet<>();
    for (String id : ids) {
      unique.add(Params.articleId(id, "articleId"));
    }
    if (unique.size() > MAX_COUNT_IDS) {
      throw Problem.invalid("articleId", "at most " + MAX_COUNT_IDS + " articles per call");
    }
    threads.counts(new ArrayList<>(unique)).onSuccess(counts -> {
      JsonObject body = new JsonObject();
      counts.forEach(body::put);
      ctx.response().putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
          .putHeader(HttpHeaders.CACHE_CONTROL, "no-cache");
      Responses.endWith(ctx, Buffer.buffer(body.encode()));
    }).onFailure(ctx::fail);
  }


  static JsonObject jsonBody(RoutingContext ctx) {
    if (ctx.body() == null || ctx.body().length() == 0) {
      throw Problem.badRequest("The body is empty; send a JSON object.");
    }
    Object parsed = Json.decodeValue(ctx.body().buffer());
    if (!(parsed instanceof JsonObject object)) {
      throw Problem.badRequest("The body must be a JSON object.");
    }
    return object;
  }

  private static JsonObject formBody(MultiMap form) {
    JsonObject body = new JsonObject();
    for (Map.Entry<String, String> e : form.entries()) {
      if (!body.containsKey(e.getKey())) {
        body.put(e.getKey(), e.getValue());
      }
    }
    return body;
  }

  static boolean isJson(RoutingContext ctx) {
    String type = mediaType(ctx);
    return type.equals("application/json") || type.endsWith("+json");
  }

  private static boolean isForm(RoutingContext ctx) {
    return mediaType(ctx).equals("application/x-www-form-urlencoded");
  }

  private static String mediaType(RoutingContext ctx) {
    String type = ctx.request().getHeader(HttpHeaders.CONTENT_TYPE);
    if (type == null) {
      return "";
    }
    int semicolon = type.indexOf(';');
    return (semicolon >= 0 ? type.substring(0, semicolon) : type).trim().toLowerCase();
  }

  /** A browser's own form post (not a script): it asks for HTML, not JSON. */
  private static boolean prefersHtml(RoutingContext ctx) {
    String accept = ctx.request().getHeader(HttpHeaders.ACCEPT);
    return accept != null && accept.contains("text/html") && !accept.contains("application/json");
  }

  private static boolean ifNoneMatch(RoutingContext ctx, String etag) {
    String header = ctx.request().getHeader(HttpHeaders.IF_NONE_MATCH);
    if (header == null) {
      return false;
    }
    for (String candidate : header.split(",")) {
      String tag = candidate.trim();
      if (tag.startsWith("W/")) {
        tag = tag.substring(2);
      }
      if (tag.equals(etag) || tag.equals("*")) {
        return true;
      }
    }
    return false;
  }

  /**
   * Where a browser goes back to after a form post: the form's {@code redirect} field when it is
   * a path on this site or a page on an allowed embedding origin, else the page it came from if
   * that is allowed, else the demo article.
   */
  private String redirectTarget(RoutingContext ctx) {
    String field = ctx.request().getFormAttribute("redirect");
    if (isSafeTarget(field)) {
      return field;
    }
    String referer = ctx.request().getHeader(HttpHeaders.REFERER);
    if (isSafeTarget(referer)) {
      return referer;
    }
    return "/";
  }

  private boolean isSafeTarget(String target) {
    if (target == null || target.isEmpty() || target.length() > 2000) {
      return false;
    }
    if (target.startsWith("/") && !target.startsWith("//") && !target.startsWith("/\\")) {
      return target.chars().noneMatch(c -> c < 0x20);
    }
    try {
      URI uri = URI.create(target);
      if (uri.getScheme() == null || uri.getHost() == null) {
        return false;
      }
      String origin = uri.getScheme() + "://" + uri.getHost()
          + (uri.getPort() == -1 ? "" : ":" + uri.getPort());
      return allowedOrigins.contains(origin);
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private static void backToArticle(RoutingContext ctx, String target, String outcome,
      Problem problem) {
    String base = target;
    String fragment = "#comments";
    int hash = base.indexOf('#');
    if (hash >= 0) {
      base = base.substring(0, hash);
    }
    base = base.replaceAll("([?&])moderato(-reason)?=[^&]*&?", "$1");
    if (base.endsWith("?") || base.endsWith("&")) {
      base = base.substring(0, base.length() - 1);
    }
    StringBuilder location = new StringBuilder(base)
        .append(base.contains("?") ? '&' : '?')
        .append("moderato=").append(outcome);
    if (problem != null) {
      location.append("&moderato-reason=")
          .append(URLEncoder.encode(problem.type(), StandardCharsets.UTF_8));
    }
    location.append(fragment);
    ctx.response().setStatusCode(303)
        .putHeader(HttpHeaders.LOCATION, location.toString())
        .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
        .end();
  }
}
