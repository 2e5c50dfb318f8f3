package org.moderato.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
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
  /** The jar of this build (next to test-classes, so also with -Dmoderato.build.dir). */
  private static final String JAR = builtJar().toString();

  private record Child(Process process, int port) {}

  private static Path builtJar() {
    try {
      return Path.of(ProcessIT.class.getProtectionDomain().getCodeSource().getLocation().toURI())
          .getParent().resolve("moderato.jar");
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Child launch(Path dataDir) throws IOException {
    return launch(dataDir, Map.of());
  }

  /** Starts the jar on a free port; {@code env} adds to or overrides the defaults below. */
  private static Child launch(Path dataDir, Map<String, String> env) throws IOException {
    assertThat(Path.of(JAR)).exists();
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder builder = new ProcessBuilder(java, "-jar", JAR)
        .redirectError(ProcessBuilder.Redirect.DISCARD);
    builder.environment().put("MODERATO_HTTP_PORT", "0");
    builder.environment().put("MODERATO_DATA_DIR", dataDir.toString());
    builder.environment().put("MODERATO_RATE_LIMITS", "off");
    builder.environment().put("MODERATO_CONFIG", new File("config/moderato.yaml")
        .getAbsolutePath());
    builder.environment().remove("MODERATO_MONGO_URI");
    builder.environment().putAll(env);
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
  void acknowledgedModerationDecisionsSurviveKillDashNine() throws Exception {
    Path dataDir = Files.createTempDirectory("moderato-crash-decisions");
    Path config = Files.createTempFile("moderato-crash-decisions", ".yaml");
    Files.writeString(config, "filters:\n  suspectWords: [holdme]\n");
    String token = "crash-admin-" + UUID.randomUUID();
    Map<String, String> env = Map.of("MODERATO_CONFIG", config.toString(),
        "MODERATO_ADMIN_TOKEN", token);
    String[] auth = {"Authorization", "Bearer " + token};
    Child child = launch(dataDir, env);
    Http http = new Http("http://127.0.0.1:" + child.port());
    List<String> held = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      Http.Response r = http.postJson("/api/v1/articles/decide/comments",
          new JsonObject().put("name", "Writer").put("comment", "holdme please, number " + i));
      assertThat(r.status()).as(r.body()).isEqualTo(201);
      assertThat(r.json().getString("status")).isEqualTo("pending");
      held.add(r.json().getString("id"));
    }
    Map<String, Long> versions = new HashMap<>();
    queue(http, "pending", auth).forEach(item -> versions.put(item.getString("id"),
        item.getLong("version")));
    assertThat(versions.keySet()).containsExactlyInAnyOrderElementsOf(held);

    String[] actions = {"approve", "reject", "spam"};
    ExecutorService pool = Executors.newFixedThreadPool(8);
    List<CompletableFuture<String[]>> decisions = new ArrayList<>();
    for (int i = 0; i < held.size(); i++) {
      String id = held.get(i);
      String action = actions[i % actions.length];
      decisions.add(CompletableFuture.supplyAsync(() -> {
        try {
          Http.Response r = http.postJson("/api/v1/moderation/comments/" + id + "/decision",
              new JsonObject().put("action", action).put("reason", "crash test")
                  .put("version", versions.get(id)), auth);
          return r.status() == 200 ? new String[] {id, r.json().getString("status")} : null;
        } catch (RuntimeException e) {
          return null;
        }
      }, pool));
    }
    Map<String, String> acknowledged = new LinkedHashMap<>();
    for (int i = 0; i < decisions.size(); i++) {
      if (i == 40) {
        child.process().destroyForcibly();
      }
      String[] decided = decisions.get(i).get(30, TimeUnit.SECONDS);
      if (decided != null) {
        acknowledged.put(decided[0], decided[1]);
      }
    }
    child.process().destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    pool.shutdownNow();
    assertThat(acknowledged).isNotEmpty();

    Child again = launch(dataDir, env);
    try {
      Http after = new Http("http://127.0.0.1:" + again.port());
      Map<String, String> statusAfter = new HashMap<>();
      for (String status : List.of("published", "rejected", "spam", "pending")) {
        queue(after, status, auth).forEach(item -> statusAfter.put(item.getString("id"),
            item.getString("status")));
      }
      Map<String, String> audited = new HashMap<>();
      String cursor = null;
      do {
        Http.Response page = after.get("/api/v1/moderation/log?limit=100"
            + (cursor == null ? "" : "&cursor=" + cursor), auth);
        assertThat(page.status()).as(page.body()).isEqualTo(200);
        page.array("items").forEach(e -> audited.put(((JsonObject) e).getString("commentId"),
            ((JsonObject) e).getString("to")));
        cursor = page.json().getString("nextCursor");
      } while (cursor != null);
      List<String> published = new ArrayList<>();
      Http.Response thread = after.get("/api/v1/articles/decide/comments?limit=100");
      thread.array("comments").forEach(c -> published.add(((JsonObject) c).getString("id")));

      acknowledged.forEach((id, status) -> {
        assertThat(statusAfter.get(id)).as("status of %s after restart", id).isEqualTo(status);
        assertThat(audited.get(id)).as("audit entry of %s after restart", id).isEqualTo(status);
        if (status.equals("published")) {
          assertThat(published).as("thread after restart").contains(id);
        }
      });
    } finally {
      again.process().destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    }
  }

  /** Every queue item of one status in article {@code decide}, following cursors. */
  private static List<JsonObject> queue(Http http, String status, String... auth) {
    List<JsonObject> items = new ArrayList<>();
    String cursor = null;
    do {
      Http.Response page = http.get("/api/v1/moderation/queue?articleId=decide&limit=100&status="
          + status + (cursor == null ? "" : "&cursor=" + cursor), auth);
      assertThat(page.status()).as(page.body()).isEqualTo(200);
      page.array("items").forEach(item -> items.add((JsonObject) item));
      cursor = page.json().getString("nextCursor");
    } while (cursor != null);
    return items;
  }

  @Test
  void theOfflineCliCreatesAModeratorWhoseTokenTheServerAccepts() throws Exception {
    Path dataDir = Files.createTempDirectory("moderato-cli");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder builder = new ProcessBuilder(java, "-jar", JAR,
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
    ProcessBuilder builder = new ProcessBuilder(java, "-jar", JAR)
        .redirectError(ProcessBuilder.Redirect.DISCARD)
        .redirectOutput(ProcessBuilder.Redirect.DISCARD);
    builder.environment().put("MODERATO_CONFIG", config.toString());
    builder.environment().put("MODERATO_MONGO_URI", "mongodb://127.0.0.1:1");
    builder.environment().put("MODERATO_HTTP_PORT", "0");
    Process process = builder.start();
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).isEqualTo(1);
  }

  /**
   * A SIGTERM saves the embedded store's indexes and the next start loads them: the thread reads
   * back exactly as before, and comments posted after the load are indexed too (twice over).
   */
  @Test
  void afterAGracefulStopTheSavedIndexesServeTheSameThread() throws Exception {
    Path dataDir = Files.createTempDirectory("moderato-restart");
    Child child = launch(dataDir);
    String[] words = {"harbour", "ferry", "budget", "library", "tram", "market", "bakery",
        "festival", "council", "garden", "river", "bridge", "school", "station", "weather"};
    List<String> before;
    List<String> published = new ArrayList<>();
    try {
      Http http = new Http("http://127.0.0.1:" + child.port());
      for (int i = 0; i < 30; i++) {
        // Varied word pairs, so the near-duplicate (campaign) filter holds few of them.
        String text = words[(i * 2 + 1) % 15] + " " + words[(i * 7 + 3) % 15] + " "
            + words[(i * 11 + 5) % 15] + ", " + words[(i * 4 + 2) % 15] + " " + i + "?";
        Http.Response r = http.postJson("/api/v1/articles/restart/comments",
            new JsonObject().put("name", "Reader " + i).put("comment", text));
        assertThat(r.status()).isEqualTo(201);
        if ("published".equals(r.json().getString("status"))) {
          published.add(r.json().getString("id"));
          if (i % 3 == 0) {
            Http.Response reply = http.postJson("/api/v1/articles/restart/comments",
                new JsonObject().put("name", "Replier " + i)
                    .put("comment", "Thanks, I did not know that, " + words[i % 15] + " " + i)
                    .put("parentId", r.json().getString("id")));
            assertThat(reply.status()).isEqualTo(201);
            if ("published".equals(reply.json().getString("status"))) {
              published.add(reply.json().getString("id"));
            }
          }
        }
      }
      before = threadIds(http, "restart");
      assertThat(before).hasSizeGreaterThan(10).containsExactlyInAnyOrderElementsOf(published);
    } finally {
      child.process().destroy();
      assertThat(child.process().waitFor(60, TimeUnit.SECONDS)).isTrue();
    }
    for (int round = 0; round < 2; round++) {
      Child again = launch(dataDir);
      try {
        Http http = new Http("http://127.0.0.1:" + again.port());
        assertThat(threadIds(http, "restart")).isEqualTo(before);
        Http.Response r = http.postJson("/api/v1/articles/restart/comments",
            new JsonObject().put("name", "Latecomer " + round)
                .put("comment", round == 0 ? "Back after the break." : "Still following this."));
        assertThat(r.status()).isEqualTo(201);
        assertThat(r.json().getString("status")).isEqualTo("published");
        List<String> expected = new ArrayList<>(before);
        expected.add(r.json().getString("id"));
        before = threadIds(http, "restart");
        assertThat(before).containsExactlyInAnyOrderElementsOf(expected);
      } finally {
        again.process().destroy();
        assertThat(again.process().waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(again.process().exitValue()).isZero();
      }
    }
  }

  /** Every comment id of an article's thread, top-level and replies, in page order. */
  private static List<String> threadIds(Http http, String article) {
    List<String> ids = new ArrayList<>();
    String cursor = null;
    do {
      Http.Response page = http.get("/api/v1/articles/" + article + "/comments?limit=7"
          + (cursor == null ? "" : "&cursor=" + cursor));
      page.array("comments").forEach(c -> collect((JsonObject) c, ids));
      cursor = page.json().getString("nextCursor");
    } while (cursor != null);
    return ids;
  }

  private static void collect(JsonObject comment, List<String> ids) {
    ids.add(comment.getString("id"));
    io.vertx.core.json.JsonArray replies = comment.getJsonArray("replies");
    if (replies != null) {
      replies.forEach(r -> collect((JsonObject) r, ids));
    }
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
