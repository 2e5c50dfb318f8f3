package org.moderato.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.function.IntSupplier;
import org.junit.jupiter.api.Test;
import org.moderato.http.ConnectionGuard;

/**
 * Connection limits: a header-read deadline that trickling or silent clients (slowloris) cannot
 * stretch, and a cap on open connections per instance. The idle timeout is set far above the
 * deadlines here, so whatever closes a slow connection in these tests is the guard, not it.
 */
class ConnectionLimitsIT {

  private static final byte[] HEALTH = "GET /health HTTP/1.1\r\nHost: x\r\n\r\n"
      .getBytes(StandardCharsets.US_ASCII);

  private static Socket open(TestServer server, int readTimeoutMillis) throws IOException {
    URI uri = URI.create(server.baseUrl());
    Socket socket = new Socket(uri.getHost(), uri.getPort());
    socket.setSoTimeout(readTimeoutMillis);
    return socket;
  }

  private static HttpClient client() {
    return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(2)).build();
  }

  /** GET /health with a short deadline: "promptly" is what the timeout asserts. */
  private static int health(HttpClient client, TestServer server) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(URI.create(server.baseUrl() + "/health"))
        .timeout(Duration.ofSeconds(2)).GET().build();
    return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
  }

  /** Reads until the server closes: -1 for a close without a byte of answer, else the byte. */
  private static int firstByteBeforeClose(Socket socket) throws IOException {
    try {
      return socket.getInputStream().read();
    } catch (SocketException reset) {
      return -1;
    }
  }

  /** Reads one response of {@code GET /health} from a raw socket; returns its status line. */
  private static String readResponse(InputStream in) throws IOException {
    StringBuilder head = new StringBuilder();
    while (!head.toString().endsWith("\r\n\r\n")) {
      int b = in.read();
      if (b == -1) {
        throw new IOException("closed after: " + head);
      }
      head.append((char) b);
    }
    int length = 0;
    for (String line : head.toString().split("\r\n")) {
      if (line.toLowerCase().startsWith("content-length:")) {
        length = Integer.parseInt(line.substring(15).trim());
      }
    }
    in.readNBytes(length);
    return head.substring(0, head.indexOf("\r\n"));
  }

  /** Waits (bounded) until the guard counts {@code expected} open connections. */
  private static void awaitOpen(IntSupplier open, int expected) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (open.getAsInt() != expected && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    assertThat(open.getAsInt()).as("open connections counted").isEqualTo(expected);
  }

  @Test
  void clientsTricklingOrWithholdingTheirHeadersAreClosedWhileANormalClientIsServedPromptly()
      throws Exception {
    int trickling = 40;
    int silent = 10;
    try (TestServer server = TestServer.start(Map.of("http.headerTimeoutSeconds", 1,
        "http.idleTimeoutSeconds", 300))) {
      ScheduledExecutorService trickler = Executors.newSingleThreadScheduledExecutor();
      ExecutorService readers = Executors.newFixedThreadPool(trickling + silent);
      try {
        List<Socket> slow = new ArrayList<>();
        for (int i = 0; i < trickling + silent; i++) {
          slow.add(open(server, 20_000));
        }
        long opened = System.nanoTime();
        AtomicIntegerArray sent = new AtomicIntegerArray(trickling);
        for (int i = 0; i < trickling; i++) {
          slow.get(i).getOutputStream().write("GET /health HTTP/1.1\r\nHost: x\r\nX-Slow: "
              .getBytes(StandardCharsets.US_ASCII));
        }
        // One more header byte every 100 ms on each trickling connection: never idle for long,
        // never a complete head.
        trickler.scheduleAtFixedRate(() -> {
          for (int i = 0; i < trickling; i++) {
            try {
              slow.get(i).getOutputStream().write('a');
              sent.incrementAndGet(i);
            } catch (IOException closed) {
              // the server closed it; the readers below check that
            }
          }
        }, 100, 100, TimeUnit.MILLISECONDS);
        List<Future<Long>> closedAfterMillis = new ArrayList<>();
        for (Socket socket : slow) {
          closedAfterMillis.add(readers.submit(() -> {
            assertThat(firstByteBeforeClose(socket)).as("closed without an answer").isEqualTo(-1);
            return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - opened);
          }));
        }

        HttpClient client = client();
        for (int i = 0; i < 10; i++) {
          assertThat(health(client, server)).isEqualTo(200);
        }

        for (Future<Long> closed : closedAfterMillis) {
          // Header deadline 1 s, swept every 200 ms; the idle timeout (300 s) plays no part.
          assertThat(closed.get(15, TimeUnit.SECONDS)).isBetween(900L, 10_000L);
        }
        for (int i = 0; i < trickling; i++) {
          assertThat(sent.get(i)).as("bytes trickled on connection %d before its close", i)
              .isGreaterThanOrEqualTo(5);
        }
        assertThat(health(client, server)).isEqualTo(200);
        for (Socket socket : slow) {
          socket.close();
        }
      } finally {
        trickler.shutdownNow();
        readers.shutdownNow();
      }
    }
  }

  @Test
  void aClientTricklingItsBodyGetsTheRequestTimeoutAndIsThenClosed() throws Exception {
    try (TestServer server = TestServer.start(Map.of("http.headerTimeoutSeconds", 1,
        "http.requestTimeoutSeconds", 1, "http.idleTimeoutSeconds", 300))) {
      ScheduledExecutorService trickler = Executors.newSingleThreadScheduledExecutor();
      try (Socket socket = open(server, 15_000)) {
        OutputStream out = socket.getOutputStream();
        out.write(("POST /api/v1/articles/a/comments HTTP/1.1\r\nHost: x\r\n"
            + "Content-Type: application/json\r\nContent-Length: 5000\r\n\r\n{\"name\":\"")
            .getBytes(StandardCharsets.US_ASCII));
        long started = System.nanoTime();
        trickler.scheduleAtFixedRate(() -> {
          try {
            out.write('a');
          } catch (IOException closed) {
            // expected once the server gives up
          }
        }, 100, 100, TimeUnit.MILLISECONDS);
        InputStream in = socket.getInputStream();
        assertThat(readResponse(in)).isEqualTo("HTTP/1.1 503 Service Unavailable");
        assertThat(firstByteBeforeClose(socket)).isEqualTo(-1);
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started))
            .as("closed after the request timeout and the header deadline, not the idle timeout")
            .isLessThan(10_000L);
      } finally {
        trickler.shutdownNow();
      }
    }
  }

  @Test
  void aKeptAliveConnectionMayWaitLongerThanTheHeaderDeadlineBetweenRequests() throws Exception {
    try (TestServer server = TestServer.start(Map.of("http.headerTimeoutSeconds", 1,
        "http.idleTimeoutSeconds", 300))) {
      try (Socket socket = open(server, 10_000)) {
        OutputStream out = socket.getOutputStream();
        InputStream in = socket.getInputStream();
        out.write(HEALTH);
        assertThat(readResponse(in)).isEqualTo("HTTP/1.1 200 OK");
        // Longer than the header deadline: between requests the idle timeout applies.
        Thread.sleep(2_000);
        out.write(HEALTH);
        assertThat(readResponse(in)).isEqualTo("HTTP/1.1 200 OK");
      }
    }
  }

  @Test
  void connectionsBeyondTheCapAreClosedAtOnceAndAFreedSlotServesAgain() throws Exception {
    int cap = 3;
    try (TestServer server = TestServer.start(Map.of("http.maxConnections", cap,
        "http.headerTimeoutSeconds", 300, "http.idleTimeoutSeconds", 300))) {
      ConnectionGuard guard = ConnectionGuard.find(server.app().vertx());
      assertThat(guard).as("the guard is installed by HttpApi.listen").isNotNull();
      List<Socket> held = new ArrayList<>();
      try {
        for (int i = 0; i < cap; i++) {
          held.add(open(server, 5_000));
          awaitOpen(guard::open, i + 1);
        }

        try (Socket extra = open(server, 5_000)) {
          assertThat(firstByteBeforeClose(extra)).as("closed at accept").isEqualTo(-1);
        }
        HttpClient client = client();
        assertThatThrownBy(() -> health(client, server)).isInstanceOf(IOException.class);
        assertThat(guard.open()).isEqualTo(cap);

        held.remove(0).close();
        awaitOpen(guard::open, cap - 1);
        assertThat(health(client, server)).isEqualTo(200);
        // On the client's kept-alive connection: a new one would be over the cap again.
        String metrics = client.send(HttpRequest.newBuilder(URI.create(server.baseUrl()
            + "/metrics")).timeout(Duration.ofSeconds(5)).build(),
            HttpResponse.BodyHandlers.ofString()).body();
        assertThat(metrics).containsPattern(
            "moderato_http_connections_dropped_total\\{[^}]*reason=\"cap\"[^}]*\\} [1-9]");
        // The connections that were admitted are served as usual.
        OutputStream out = held.get(0).getOutputStream();
        out.write(HEALTH);
        assertThat(readResponse(held.get(0).getInputStream())).isEqualTo("HTTP/1.1 200 OK");
      } finally {
        for (Socket socket : held) {
          socket.close();
        }
      }
    }
  }
}
