import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The benchmark's reference: the least a Vert.x server can do for the same requests. GET of
 * {@code /api/v1/articles/ID/comments} answers the bytes of {@code DIR/ID.json} (pages captured
 * from Moderato by bench/run.sh); POST reads the body and answers 201 with a small fixed JSON,
 * storing nothing. One server per CPU, like Moderato.
 *
 * <p>Run with the Java 17 single-file launcher against Moderato's fat jar (it contains Vert.x):
 * {@code java -cp target/moderato.jar bench/reference/Reference.java DIR PORT}.
 */
public final class Reference {

  public static void main(String[] args) throws Exception {
    Map<String, Buffer> pages = new HashMap<>();
    try (Stream<Path> files = Files.list(Path.of(args[0]))) {
      for (Path f : (Iterable<Path>) files::iterator) {
        String name = f.getFileName().toString();
        if (name.endsWith(".json")) {
          pages.put("/api/v1/articles/" + name.substring(0, name.length() - 5) + "/comments",
              Buffer.buffer(Files.readAllBytes(f)));
        }
      }
    }
    int port = Integer.parseInt(args[1]);
    Buffer created = Buffer.buffer(
        "{\"id\":\"000000000000000000000000\",\"status\":\"published\"}");
    Vertx vertx = Vertx.vertx();
    int servers = Math.max(1, Runtime.getRuntime().availableProcessors());
    for (int i = 0; i < servers; i++) {
      // Each server made outside a verticle gets its own event loop; they share the port.
      vertx.createHttpServer(new HttpServerOptions().setTcpNoDelay(true))
          .requestHandler(req -> {
            if (req.method() == HttpMethod.POST) {
              req.body().onComplete(body -> req.response().setStatusCode(201)
                  .putHeader("Content-Type", "application/json").end(created));
              return;
            }
            Buffer page = pages.get(req.path());
            if (page == null) {
              req.response().setStatusCode(404).end();
            } else {
              req.response().putHeader("Content-Type", "application/json").end(page);
            }
          })
          .listen(port, "127.0.0.1").await();
    }
    System.out.println("reference listening on http://127.0.0.1:" + port);
  }
}
