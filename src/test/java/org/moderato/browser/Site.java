package org.moderato.browser;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.moderato.it.TestServer;

/**
 * The real server for the browser tests ({@link TestServer}: in-process, free port, embedded store
 * in a temp dir, a clock that moves only when told), and the words its filters react to.
 */
final class Site implements AutoCloseable {

  /** A comment containing this word is held for review (the test server's suspect list). */
  static final String HOLD_WORD = TestServer.SUSPECT_WORD;

  /** How long a reader takes to write a comment, as the server's clock sees it. */
  private static final Duration TYPING = Duration.ofSeconds(30);

  private final TestServer server;

  private Site(TestServer server) {
    this.server = server;
  }

  static Site start() {
    return start(Map.of());
  }

  /**
   * Starts a server with config overrides (dotted keys), its clock moved to the real time so
   * pages say "just now".
   */
  static Site start(Map<String, Object> overrides) {
    TestServer server = TestServer.start(overrides);
    Duration behind = Duration.between(server.clock().instant(), Instant.now());
    if (!behind.isNegative()) server.clock().advance(behind);
    return new Site(server);
  }

  String baseUrl() {
    return server.baseUrl();
  }

  String adminToken() {
    return server.adminToken();
  }

  Api api() {
    return new Api(baseUrl(), adminToken(), this::readerTypes);
  }

  /**
   * Moves the server's clock as if the reader had spent time writing: the test clock stands still
   * otherwise, and a comment posted the instant its form was served looks like a bot's.
   */
  void readerTypes() {
    server.clock().advance(TYPING);
  }

  @Override
  public void close() {
    server.close();
  }
}
