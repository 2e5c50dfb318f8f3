package org.moderato.moderation;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.moderato.domain.Moderator;
import org.moderato.domain.Problem;
import org.moderato.domain.Role;
import org.moderato.domain.Tokens;
import org.moderato.storage.ModeratorRepository;
import org.moderato.ratelimit.RateLimiter;

/**
 * Bearer-token authentication of moderators. Tokens are looked up by their SHA-256 hash (the
 * database never holds a token) and the stored hash is compared again in constant time. Answers
 * are cached briefly per token hash, so a busy console costs no query per request; a revocation
 * takes effect on this instance at once and on others within {@link #CACHE_TTL}.
 */
public final class ModeratorAuth {

  static final Duration CACHE_TTL = Duration.ofSeconds(10);
  private static final String BOOTSTRAP_ADMIN_ID = "admin";

  private final Vertx vertx;
  private final ModeratorRepository moderators;
  private final Clock clock;
  private final AsyncCache<String, Optional<Moderator>> cache;
  /** Failed sign-ins per client: 10 at once, then one every 6 seconds. */
  private final RateLimiter failures;

  public ModeratorAuth(Vertx vertx, ModeratorRepository moderators, Clock clock, Ticker ticker) {
    this.vertx = vertx;
    this.moderators = moderators;
    this.clock = clock;
    this.cache = Caffeine.newBuilder()
        .maximumSize(10_000)
        .expireAfterWrite(CACHE_TTL)
        .ticker(ticker)
        .buildAsync();
    this.failures = new RateLimiter(true, 10, 10, ticker);
  }

  /**
   * The moderator holding this token; fails with 401 for a missing, unknown or revoked one, and
   * with 429 once a client has failed too often (guessing tokens is slowed to a crawl).
   */
  public Future<Moderator> authenticate(String token, String clientKey) {
    Optional<Duration> blocked = failures.peek("auth:" + clientKey);
    if (blocked.isPresent()) {
      return Future.failedFuture(Problem.rateLimited(blocked.get()));
    }
    return authenticate(token).onFailure(e -> failures.acquire("auth:" + clientKey));
  }

  /** The moderator holding this token; fails with 401 for a missing, unknown or revoked one. */
  public Future<Moderator> authenticate(String token) {
    if (token == null || token.isBlank() || token.length() > 512) {
      return Future.failedFuture(Problem.unauthorized());
    }
    String hash = Tokens.hash(token);
    var context = vertx.getOrCreateContext();
    return Future.fromCompletionStage(cache.get(hash, (h, executor) ->
            moderators.findByTokenHash(h).toCompletionStage().toCompletableFuture()), context)
        .compose(found -> found
            .filter(m -> !m.revoked() && Tokens.matches(token, m.tokenHash()))
            .map(Future::succeededFuture)
            .orElseGet(() -> Future.failedFuture(Problem.unauthorized())));
  }

  /** Fails with 403 unless the moderator is an admin. */
  public static Future<Moderator> requireAdmin(Moderator moderator) {
    return moderator.isAdmin() ? Future.succeededFuture(moderator)
        : Future.failedFuture(Problem.forbidden("admin-only", "This needs the admin role."));
  }

  /** Makes sure an admin with this token exists (the {@code MODERATO_ADMIN_TOKEN} bootstrap). */
  public Future<Void> ensureAdmin(String token) {
    if (token == null || token.isBlank()) {
      return Future.succeededFuture();
    }
    Moderator admin = new Moderator(BOOTSTRAP_ADMIN_ID, "admin", Role.ADMIN, Tokens.hash(token),
        clock.instant(), false);
    // Read first: usually the admin is there already, and then a restart writes nothing (no sync)
    // and the admin keeps the creation time it had.
    return moderators.findByTokenHash(admin.tokenHash()).compose(found -> {
      if (found.isPresent() && found.get().id().equals(BOOTSTRAP_ADMIN_ID)
          && found.get().role() == Role.ADMIN && !found.get().revoked()) {
        return Future.succeededFuture();
      }
      return moderators.upsert(admin).onSuccess(v -> cache.synchronous().invalidateAll());
    });
  }

  /** Forgets cached answers, e.g. after a revocation. */
  public void forgetAll() {
    cache.synchronous().invalidateAll();
  }
}
