package org.moderato.config;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.moderato.filtering.Thresholds;

/**
 * All settings, read once at start from {@code config/moderato.yaml} and the environment (see
 * {@link ConfigLoader}), then passed through constructors. Every key is documented in the YAML
 * file with its default and environment override.
 */
public record ModeratoConfig(
    Http http,
    Storage storage,
    Comments comments,
    Filters filters,
    Cache cache,
    Moderation moderation,
    RateLimits rateLimits,
    Privacy privacy) {

  /** How long client hashes are kept on comments. */
  public record Privacy(Duration clientKeyRetention) {}


  /**
   * The HTTP listener. {@code maxConnections} caps open connections per instance (beyond it new
   * ones are closed at once); {@code headerTimeout} is how long a new connection may take to
   * deliver its first complete request head.
   */
  public record Http(
      String host,
      int port,
      int bodyLimitBytes,
      List<String> corsOrigins,
      String frameAncestors,
      Duration idleTimeout,
      Duration requestTimeout,
      Duration shutdownGrace,
      List<String> trustedProxies,
      int maxConnections,
      Duration headerTimeout) {}

  /**
   * Where comments live. An empty {@code mongoUri} starts the embedded store under {@code dataDir};
   * otherwise the real MongoDB is used and nothing embedded starts.
   */
  public record Storage(
      String mongoUri,
      String database,
      String dataDir,
      String writeConcern,
      boolean journal,
      Duration timeout) {

    public boolean embedded() {
      return mongoUri == null || mongoUri.isBlank();
    }
  }

  /** Limits on comments and threads. */
  public record Comments(
      int nameMaxLength,
      int commentMaxLength,
      int maxDepth,
      Duration editWindow) {}

  /** Structural rules and the score thresholds that decide a comment's status. */
  public record Filters(
      int linkLimit,
      Set<String> blockedWords,
      Set<String> suspectWords,
      Thresholds thresholds,
      double toxicityNudge,
      String toxicityScorerUrl,
      Duration toxicityScorerTimeout) {

    /** Whether toxicity is scored by the site's own model server rather than in-process. */
    public boolean externalToxicityScorer() {
      return toxicityScorerUrl != null && !toxicityScorerUrl.isBlank();
    }
  }

  /**
   * In-process caches: bounded (thread pages by their encoded size, counts by entries), and
   * short-lived so several instances converge.
   */
  public record Cache(
      int threadPageMegabytes, Duration threadPageTtl, int counts, Duration countsTtl) {}

  /** Moderator bootstrap. */
  public record Moderation(String adminToken) {}

  /** Per-client limits, approximate and per instance. */
  public record RateLimits(boolean enabled, int commentsPerMinute, int burst) {}
}
