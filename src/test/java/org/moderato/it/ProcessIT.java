package org.moderato.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The packaged jar as a child process: the ready line, acknowledged writes surviving
 * {@code kill -9}, and a graceful SIGTERM exiting 0. Runs after {@code package}, in verify.
 */
class ProcessIT {

  private static final Pattern READY = Pattern.compile("moderato listening on http://(.+):(\\d+)");

  private record Child(Process process, int port) {}

  private static Child launch(Path dataDir) throws IOException {
    Path jar = Path.of("target", "moderato.jar");
    assertThat(jar).exists();
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder builder = new ProcessBuilder(java, "-jar", jar.toString())
        .redirectError(ProcessBuilder.Redirect.DISCARD);
    builder.environment().put("MODERATO_HTTP_PORT", "0");
    builder.environment().put("MODERATO_DATA_DIR", dataDir.toString());
    builder.environment().put("MODERATO_RATE_LIMITS", "off");
    builder.environment().put("MODERATO_CONFIG", new File("config/moderato.yaml")
        .getAbsolutePath());
    builder.environment().remove("MODERATO_MONGO_URI");
    Process process = builder.start();
    BufferedReader out = new BufferedReader(
        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    String line = out.readLine();
    assertThat(line).as("ready line").isNotNull();
    Matcher m = READY.matcher(line);
    assertThat(m.matches()).as(line).isTrue();
    return new Child(process, Integer.parseInt(m.group(2)));
  }

  @Test
  void acknowledgedCommentsSurviveKillDashNine() throws Exception {
    Path dataDir = Files.createTempDirectory("moderato-crash");
    Child child = launch(dataDir);
    Http http = new Http("http://127.0.0.1:" + child.port());
    ExecutorService pool = Executors.newFixedThreadPool(8);
    List<CompletableFuture<String>> writes = new ArrayList<>();
    for (int i = 0; i < 80; i++) {
      int n = i;
      writes.add(CompletableFuture.supplyAsync(() -> {
        try {
          Http.Response r = http.postJson("/api/v1/articles/crash/comments",
              new JsonObject().put("name", "Writer").put("comment", "comment " + n));
          return r.status() == 201 ? r.json().getString("id") : null;
        } catch (RuntimeException e) {
          return null;
        }
      }, pool));
    }
    List<String> acknowledged = new ArrayList<>();
    for (int i = 0; i < writes.size(); i++) {
      if (i == 60) {
        child.process().destroyForcibly();
      }
      String id = writes.get(i).get(30, TimeUnit.SECONDS);
      if (id != null) {
        acknowledged.add(id);
      }
    }
    child.process().destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    pool.shutdownNow();
    assertThat(acknowledged).isNotEmpty();

    Child again = launch(dataDir);
    try {
      Http after = new Http("http://127.0.0.1:" + again.port());
      List<String> stored = new ArrayList<>();
      String cursor = null;
      do {
        Http.Response page = after.get("/api/v1/articles/crash/comments?limit=100"
            + (cursor == null ? "" : "&cursor=" + cursor));
        page.array("comments").forEach(c -> stored.add(((JsonObject) c).getString("id")));
        cursor = page.json().getString("nextCursor");
      } while (cursor != null);
      assertThat(stored).containsAll(acknowledged);
    } finally {
      again.process().destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    }
  }

  @Test
  void theOfflineCliCreatesAModeratorWhoseTokenTheServerAccepts() throws Exception {
    Path dataDir = Files.createTempDirectory("moderato-cli");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder builder = new ProcessBuilder(java, "-jar", "target/moderato.jar",
        "moderators", "add", "Nora", "--role", "moderator")
        .redirectError(ProcessBuilder.Redirect.DISCARD);
    builder.environment().put("MODERATO_DATA_DIR", dataDir.toString());
    builder.environment().remove("MODERATO_MONGO_URI");
    Process cli = builder.start();
    String output = new String(cli.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(cli.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(cli.exitValue()).as(output).isZero();
    Matcher token = Pattern.compile("token \\(shown once[^)]*\\): (\\S+)").matcher(output);
    assertThat(token.find()).as(output).isTrue();

    Child server = launch(dataDir);
    try {
      Http.Response me = new Http("http://127.0.0.1:" + server.port())
          .get("/api/v1/moderation/me", "Authorization", "Bearer " + token.group(1));
      assertThat(me.status()).isEqualTo(200);
      assertThat(me.json().getString("name")).isEqualTo("Nora");
      assertThat(me.json().getString("role")).isEqualTo("moderator");
    } finally {
      server.process().destroy();
      server.process().waitFor(30, TimeUnit.SECONDS);
    }
  }

  @Test
  void aServerThatCannotReachItsStorageExitsWithCodeOne() throws Exception {
    Path config = Files.createTempFile("moderato-unreachable", ".yaml");
    Files.writeString(config, "storage:\n  timeoutMillis: 500\n");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder builder = new ProcessBuilder(java, "-jar", "target/moderato.jar")
        .redirectError(ProcessBuilder.Redirect.DISCARD)
        .redirectOutput(ProcessBuilder.Redirect.DISCARD);
    builder.environment().put("MODERATO_CONFIG", config.toString());
    builder.environment().put("MODERATO_MONGO_URI", "mongodb://127.0.0.1:1");
    builder.environment().put("MODERATO_HTTP_PORT", "0");
    Process process = builder.start();
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).isEqualTo(1);
  }

  @Test
  void sigtermStopsGracefullyWithExitCodeZero() throws Exception {
    Child child = launch(Files.createTempDirectory("moderato-term"));
    Http http = new Http("http://127.0.0.1:" + child.port());
    assertThat(http.postJson("/api/v1/articles/term/comments",
        new JsonObject().put("name", "Ann").put("comment", "before stop")).status()).isEqualTo(201);
    child.process().destroy();
    assertThat(child.process().waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(child.process().exitValue()).isZero();
  }
}
