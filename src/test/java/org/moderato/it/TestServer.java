package org.moderato.it;

import com.github.benmanes.caffeine.cache.Ticker;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.moderato.app.Moderato;
import org.moderato.config.ConfigLoader;
import org.moderato.config.ModeratoConfig;

/**
 * The real server, started in-process on a free port for integration tests. By default it uses
 * the embedded store in a fresh temporary directory; when {@code MODERATO_TEST_MONGO_URI} names a
 * MongoDB, it uses that instead, with a fresh database per server, so the same tests check a real
 * MongoDB. Time is a {@link TestClock} the test moves by hand.
 */
public final class TestServer implements AutoCloseable {

  /** Held for review by the suspect-word list in every test server. */
  public static final String SUSPECT_WORD = "moderate-me";
  /** Rejected by the blocked-word list in every test server. */
  public static final String BLOCKED_WORD = "forbiddenword";

  private final Moderato app;
  private final Path dataDir;
  private final String adminToken;
  private final TestClock clock;
  private final Map<String, Object> overrides;

  private TestServer(Moderato app, Path dataDir, String adminToken, TestClock clock,
      Map<String, Object> overrides) {
    this.app = app;
    this.dataDir = dataDir;
    this.adminToken = adminToken;
    this.clock = clock;
    this.overrides = overrides;
  }

  public static TestServer start() {
    return start(Map.of());
  }

  /** Starts with config overrides (dotted keys, e.g. {@code comments.maxDepth}). */
  public static TestServer start(Map<String, Object> extra) {
    try {
      return start(Files.createTempDirectory("moderato-it"), extra, new TestClock());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static TestServer start(Path dataDir, Map<String, Object> extra, TestClock clock) {
    String adminToken = (String) extra.getOrDefault("moderation.adminToken",
        "test-admin-" + UUID.randomUUID());
    Map<String, Object> overrides = new HashMap<>();
    overrides.put("http.host", "127.0.0.1");
    overrides.put("http.port", 0);
    overrides.put("storage.dataDir", dataDir.toString());
    overrides.put("moderation.adminToken", adminToken);
    overrides.put("filters.suspectWords", List.of(SUSPECT_WORD));
    overrides.put("filters.blockedWords", List.of(BLOCKED_WORD));
    overrides.put("rateLimits.enabled", false);
    String mongo = System.getenv("MODERATO_TEST_MONGO_URI");
    if (mongo != null && !mongo.isBlank()) {
      overrides.put("storage.mongoUri", mongo);
      overrides.put("storage.database", "moderato_it_" + dataDir.getFileName().toString()
          .replaceAll("[^A-Za-z0-9]", ""));
    }
    overrides.putAll(extra);
    ModeratoConfig config = ConfigLoader.load(Map.of("MODERATO_CONFIG", ""), overrides);
    Moderato app = await(Moderato.start(config, clock, clock.ticker()));
    return new TestServer(app, dataDir, adminToken, clock, overrides);
  }

  /** Stops this server and starts a new one on the same data (and the same clock). */
  public TestServer restart() {
    close();
    Map<String, Object> extra = new HashMap<>(overrides);
    return start(dataDir, extra, clock);
  }

  public String baseUrl() {
    return "http://127.0.0.1:" + app.port();
  }

  public String adminToken() {
    return adminToken;
  }

  public TestClock clock() {
    return clock;
  }

  public Moderato app() {
    return app;
  }

  public Path dataDir() {
    return dataDir;
  }

  @Override
  public void close() {
    await(app.stop());
  }

  static <T> T await(io.vertx.core.Future<T> future) {
    try {
      return future.toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException("server call failed: " + e.getMessage(), e);
    }
  }

  /** A clock and a Caffeine ticker that move only when the test says so. */
  public static final class TestClock extends Clock {

    private final AtomicLong millis = new AtomicLong(Instant.parse("2026-03-01T10:00:00Z")
        .toEpochMilli());

    public void advance(Duration duration) {
      millis.addAndGet(duration.toMillis());
    }

    /** Moves a millisecond, so that comments posted in a row have distinct times. */
    public void tick() {
      millis.incrementAndGet();
    }

    public Ticker ticker() {
      return () -> TimeUnit.MILLISECONDS.toNanos(millis.get());
    }

    @Override
    public Instant instant() {
      return Instant.ofEpochMilli(millis.get());
    }

    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }
  }
}
