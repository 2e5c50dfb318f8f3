package org.moderato.http;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.shareddata.Shareable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.moderato.config.ModeratoConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Limits what connections may cost an instance: at most {@code http.maxConnections} open at once
 * (beyond that a new connection is closed as soon as it is accepted), and a deadline for request
 * heads, so a client that trickles its headers a byte at a time (slowloris) cannot hold a
 * connection. Vert.x's idle timeout cannot do the latter: every trickled byte resets it.
 *
 * <p>One guard per instance (per {@link Vertx}), shared by the HTTP servers of every event loop;
 * the count is atomic. Each server gets its own {@link Watch}, used only on that server's event
 * loop, so its map needs no locking.
 *
 * <p>Vert.x exposes no byte-level hook without internal classes, so the deadline is measured on
 * what its public API shows: a connection is either serving a request (from the moment its head is
 * parsed until its response ends) or waiting. A new connection may wait
 * {@code http.headerTimeoutSeconds} for its first complete head; after a complete request is
 * answered it may wait {@code http.idleTimeoutSeconds} for the next head, however many bytes it
 * sends meanwhile; a request answered before its body arrived (the request timeout's 503) leaves
 * the client {@code http.headerTimeoutSeconds} to finish. The connection handler fires at accept
 * only when HTTP/2 cleartext is off (with it on, Vert.x first reads bytes to tell HTTP/1.1 from the
 * HTTP/2 preface, so a silent client would be neither counted nor timed): {@link HttpApi#listen}
 * turns it off.
 */
public final class ConnectionGuard implements Shareable {

  private static final Logger LOG = LoggerFactory.getLogger(ConnectionGuard.class);
  private static final String SHARED_MAP = "moderato.http";
  private static final long CAP_LOG_INTERVAL_NANOS = Duration.ofMinutes(1).toNanos();

  private final int maxConnections;
  private final long headerTimeoutNanos;
  private final long idleTimeoutNanos;
  private final AtomicInteger open = new AtomicInteger();
  private final AtomicLong refusedSinceLog = new AtomicLong();
  private final AtomicLong lastCapLog = new AtomicLong(System.nanoTime() - CAP_LOG_INTERVAL_NANOS);
  private final Counter refused;
  private final Counter timedOut;
  private final Counter keptAliveTooLong;

  ConnectionGuard(ModeratoConfig.Http http, MeterRegistry registry) {
    this.maxConnections = http.maxConnections();
    this.headerTimeoutNanos = http.headerTimeout().toNanos();
    this.idleTimeoutNanos = http.idleTimeout().toNanos();
    this.refused = Counter.builder("moderato.http.connections.dropped").tag("reason", "cap")
        .description("connections closed at accept because the instance had too many open")
        .register(registry);
    this.timedOut = Counter.builder("moderato.http.connections.dropped")
        .tag("reason", "header-timeout")
        .description("connections closed for not sending a complete request in time")
        .register(registry);
    this.keptAliveTooLong = Counter.builder("moderato.http.connections.dropped")
        .tag("reason", "keep-alive-timeout")
        .description("connections closed for not sending a next request in time")
        .register(registry);
    Gauge.builder("moderato.http.connections.open", open, AtomicInteger::get)
        .description("open HTTP connections counted against http.maxConnections")
        .register(registry);
  }

  /** The instance's guard, created by the first event loop's server and shared by the others. */
  static ConnectionGuard of(Vertx vertx, ModeratoConfig.Http http, MeterRegistry registry) {
    return vertx.sharedData().<String, ConnectionGuard>getLocalMap(SHARED_MAP)
        .computeIfAbsent("connections", k -> new ConnectionGuard(http, registry));
  }

  /** The instance's guard, or null before its first server is created (tests and tools). */
  public static ConnectionGuard find(Vertx vertx) {
    return vertx.sharedData().<String, ConnectionGuard>getLocalMap(SHARED_MAP).get("connections");
  }

  /** Open connections counted now. */
  public int open() {
    return open.get();
  }

  /**
   * Installs the guard on a server that is not yet listening and returns the request handler to
   * give the server instead of {@code requests}: it notes each request on its connection first.
   * Must be called on the server's event loop (in the verticle's start).
   */
  Handler<HttpServerRequest> install(Vertx vertx, HttpServer server,
      Handler<HttpServerRequest> requests) {
    Watch watch = new Watch();
    server.connectionHandler(watch::opened);
    long period = Math.max(100, Math.min(1000, headerTimeoutNanos / 5_000_000));
    // A timer set in a verticle's start is cancelled when the verticle is undeployed.
    vertx.setPeriodic(period, id -> watch.sweep(System.nanoTime()));
    return request -> {
      watch.requested(request);
      requests.handle(request);
    };
  }

  private boolean admit() {
    if (open.incrementAndGet() <= maxConnections) {
      return true;
    }
    open.decrementAndGet();
    refused.increment();
    long refusedNow = refusedSinceLog.incrementAndGet();
    long now = System.nanoTime();
    long last = lastCapLog.get();
    if (now - last >= CAP_LOG_INTERVAL_NANOS && lastCapLog.compareAndSet(last, now)) {
      refusedSinceLog.addAndGet(-refusedNow);
      LOG.warn("Connection cap http.maxConnections={} reached: closed {} new connection(s) at "
          + "accept in the last minute", maxConnections, refusedNow);
    }
    return false;
  }

  /** One server's connections; touched only on that server's event loop. */
  private final class Watch {

    private final Map<HttpConnection, Tracked> connections = new HashMap<>();

    void opened(HttpConnection connection) {
      if (!admit()) {
        connection.close();
        return;
      }
      connections.put(connection, new Tracked(System.nanoTime()));
      connection.closeHandler(v -> {
        if (connections.remove(connection) != null) {
          open.decrementAndGet();
        }
      });
    }

    void requested(HttpServerRequest request) {
      Tracked tracked = connections.get(request.connection());
      if (tracked != null) {
        tracked.current = request;
      }
    }

    void sweep(long now) {
      List<HttpConnection> late = new ArrayList<>();
      connections.forEach((connection, tracked) -> {
        if (tracked.closing) {
          return;
        }
        HttpServerRequest current = tracked.current;
        if (current != null && !current.response().ended()) {
          // Serving: the wait for the next head starts when this response ends (within a period).
          tracked.waitingSince = now;
          return;
        }
        // Answered (e.g. 503 by the request timeout) while its body is still trickling in: the
        // client gets the header deadline to finish, not a keep-alive wait.
        boolean keptAlive = current != null && current.isEnded();
        if (now - tracked.waitingSince >= (keptAlive ? idleTimeoutNanos : headerTimeoutNanos)) {
          tracked.closing = true;
          (keptAlive ? keptAliveTooLong : timedOut).increment();
          late.add(connection);
        }
      });
      for (HttpConnection connection : late) {
        LOG.debug("Closing a connection from {}: no complete request in time",
            connection.remoteAddress());
        connection.close();
      }
    }
  }

  /** What the watch knows of one connection. */
  private static final class Tracked {

    long waitingSince;
    HttpServerRequest current;
    boolean closing;

    Tracked(long openedAt) {
      this.waitingSince = openedAt;
    }
  }
}
