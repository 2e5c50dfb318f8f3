package org.moderato.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Slow and greedy clients: idle timeouts and header limits. */
class SlowClientsIT {

  private static Socket open(TestServer server) throws Exception {
    URI uri = URI.create(server.baseUrl());
    Socket socket = new Socket(uri.getHost(), uri.getPort());
    socket.setSoTimeout(10_000);
    return socket;
  }

  @Test
  void aClientThatStopsMidRequestIsDisconnectedByTheIdleTimeout() throws Exception {
    try (TestServer server = TestServer.start(Map.of("http.idleTimeoutSeconds", 1))) {
      try (Socket slow = open(server)) {
        slow.getOutputStream().write("POST /api/v1/articles/a/comments HTTP/1.1\r\nHost: x\r\n"
            .getBytes(StandardCharsets.US_ASCII));
        InputStream in = slow.getInputStream();
        int read = in.read();
        while (read != -1) {
          read = in.read();
        }
        assertThat(read).isEqualTo(-1);
      }
    }
  }

  @Test
  void hugeHeadersAreRefusedWithoutHarm() throws Exception {
    try (TestServer server = TestServer.start()) {
      try (Socket s = open(server)) {
        OutputStream out = s.getOutputStream();
        out.write(("GET /health HTTP/1.1\r\nHost: x\r\nX-Big: " + "a".repeat(40_000) + "\r\n\r\n")
            .getBytes(StandardCharsets.US_ASCII));
        byte[] head = s.getInputStream().readNBytes(12);
        assertThat(new String(head, StandardCharsets.US_ASCII)).startsWith("HTTP/1.1 431");
      } catch (java.net.SocketException reset) {
        assertThat(catchThrowable(() -> { throw reset; })).isNotNull();
      }
      assertThat(new Http(server.baseUrl()).get("/health").status()).isEqualTo(200);
    }
  }
}
