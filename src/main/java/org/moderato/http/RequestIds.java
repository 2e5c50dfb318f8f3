package org.moderato.http;

import io.vertx.ext.web.RoutingContext;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import org.slf4j.MDC;

/**
 * Gives every request an id: the caller's {@code X-Request-Id} when it is short and plain,
 * otherwise a fresh one. Echoed in the response header and in problem+json, so a reader's error
 * report can be matched to the log line.
 */
final class RequestIds {

  static final String HEADER = "X-Request-Id";
  private static final String KEY = "requestId";
  private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._-]{1,64}");

  private RequestIds() {}

  static void assign(RoutingContext ctx) {
    String given = ctx.request().getHeader(HEADER);
    String id = given != null && SAFE.matcher(given).matches() ? given
        : Long.toHexString(ThreadLocalRandom.current().nextLong());
    ctx.put(KEY, id);
    ctx.response().putHeader(HEADER, id);
    MDC.put(KEY, id);
    ctx.addEndHandler(v -> MDC.remove(KEY));
    ctx.next();
  }

  static String of(RoutingContext ctx) {
    String id = ctx.get(KEY);
    return id == null ? "" : id;
  }
}
