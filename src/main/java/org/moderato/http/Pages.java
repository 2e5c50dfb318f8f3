package org.moderato.http;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.moderato.filtering.bots.FormTokens;

/**
 * The demo article at {@code /} and the moderator console at {@code /moderate}, from
 * {@code webroot/} on the classpath, with the security headers every page gets. After a plain
 * form post the article shows a notice, rendered here because a reader without JavaScript cannot
 * read the query string.
 */
final class Pages {

  static final String NOTICE_MARKER = "<!--moderato:notice-->";
  static final String TOKEN_MARKER = "<!--moderato:form-token-->";
  /** The article the demo page shows. */
  static final String DEMO_ARTICLE = "demo-article";
  private static final Map<String, String> NOTICES = Map.of(
      "published", "Thank you! Your comment is published.",
      "pending", "Thank you! Your comment is awaiting moderation and will appear once approved.",
      "error", "Your comment could not be posted.");
  private static final Map<String, String> REASONS = Map.of(
      "invalid-input", "Please fill in your name (up to 80 characters) and a comment "
          + "(up to 5,000 characters).",
      "rate-limited", "You are posting too fast; please wait a minute and try again.",
      "comments-closed", "Comments are closed on this article.",
      "not-found", "The comment you replied to is no longer available.",
      "toxicity-warning", "Your comment may come across as hurtful. Please rephrase it, or post "
          + "it from a browser with JavaScript to confirm.",
      "duplicate", "You already posted this comment.",
      "storage-unavailable", "We could not save your comment just now; please try again shortly.");

  private final String article;
  private final Buffer console;
  private final String csp;
  private final FormTokens formTokens;

  Pages(String frameAncestors, FormTokens formTokens) {
    this.formTokens = formTokens;
    this.article = resource("webroot/index.html");
    String consolePage = resource("webroot/moderate.html");
    this.console = consolePage == null ? null : Buffer.buffer(consolePage);
    this.csp = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
        + "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; "
        + "form-action 'self'; frame-ancestors " + frameAncestors;
  }

  /** Security headers for every page and static file. */
  void secure(RoutingContext ctx) {
    ctx.response()
        .putHeader("Content-Security-Policy", csp)
        .putHeader("Referrer-Policy", "strict-origin-when-cross-origin")
        .putHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
    ctx.next();
  }

  void article(RoutingContext ctx) {
    if (article == null) {
      ctx.next();
      return;
    }
    String outcome = ctx.request().getParam("moderato");
    // The no-JavaScript form carries a fresh form token too, so its posts pass the bot traps.
    String html = article.replace(TOKEN_MARKER, "<input type=\"hidden\" name=\"formToken\" value=\""
        + escape(formTokens.issue(DEMO_ARTICLE)) + "\">");
    String notice = outcome == null ? null : NOTICES.get(outcome);
    if (notice != null) {
      String reason = REASONS.get(String.valueOf(ctx.request().getParam("moderato-reason")));
      String text = "error".equals(outcome) && reason != null ? notice + " " + reason : notice;
      html = html.replace(NOTICE_MARKER, "<p class=\"moderato-notice moderato-notice-" + outcome
          + "\" role=\"status\">" + escape(text) + "</p>");
    }
    ctx.response().putHeader(HttpHeaders.CONTENT_TYPE, "text/html; charset=utf-8")
        .putHeader(HttpHeaders.CACHE_CONTROL, "no-cache")
        .end(html);
  }

  void console(RoutingContext ctx) {
    if (console == null) {
      ctx.next();
      return;
    }
    ctx.response().putHeader(HttpHeaders.CONTENT_TYPE, "text/html; charset=utf-8")
        .putHeader(HttpHeaders.CACHE_CONTROL, "no-cache")
        .end(console);
  }

  static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (char c : text.toCharArray()) {
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  private static String resource(String path) {
    try (InputStream in = Pages.class.getClassLoader().getResourceAsStream(path)) {
      return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + path, e);
    }
  }
}
