package org.moderato.http;

import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.moderato.domain.Problem;

/** Reads and checks path and query parameters, failing with 400 problems that name them. */
final class Params {

  private static final int MAX_ARTICLE_ID = 200;

  private Params() {}

  /** An article id from the path: 1-200 visible characters. */
  static String articleId(String raw, String field) {
    if (raw == null || raw.isEmpty() || raw.length() > MAX_ARTICLE_ID
        || raw.codePoints().anyMatch(cp -> Character.isISOControl(cp)
            || Character.isWhitespace(cp) || cp == '$')) {
      throw Problem.invalid(field, "must be 1-" + MAX_ARTICLE_ID
          + " characters without spaces, control characters or '$'");
    }
    return raw;
  }

  static int limit(RoutingContext ctx, int defaultValue, int max) {
    String raw = single(ctx, "limit");
    if (raw == null) {
      return defaultValue;
    }
    try {
      int value = Integer.parseInt(raw.trim());
      if (value >= 1 && value <= max) {
        return value;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw Problem.invalid("limit", "must be a whole number from 1 to " + max);
  }

  static <T> T choice(RoutingContext ctx, String name, T defaultValue,
      Function<String, Optional<T>> parse, String allowed) {
    String raw = single(ctx, name);
    if (raw == null) {
      return defaultValue;
    }
    return parse.apply(raw).orElseThrow(() -> Problem.invalid(name, "must be one of " + allowed));
  }

  /** A query parameter given at most once; null when absent. */
  static String single(RoutingContext ctx, String name) {
    List<String> values = ctx.queryParam(name);
    if (values.isEmpty()) {
      return null;
    }
    if (values.size() > 1) {
      throw Problem.invalid(name, "must be given once");
    }
    return values.get(0);
  }
}
