package org.moderato.app;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.moderato.config.ConfigException;
import org.moderato.config.ConfigLoader;
import org.moderato.config.ModeratoConfig;
import org.moderato.moderation.ModeratorAdmin;
import org.moderato.moderation.ModeratorAuth;
import org.moderato.storage.embedded.EmbeddedMongo;
import org.moderato.storage.mongo.MongoStorage;

/** Sub-commands of the jar besides serving. Each returns the process exit code. */
final class Commands {

  private static final String USAGE = """
      usage: java -jar moderato.jar [serve]                      start the server
             java -jar moderato.jar moderators add NAME [--role moderator|admin]
             java -jar moderato.jar moderators list
             java -jar moderato.jar moderators revoke ID
             java -jar moderato.jar train|eval ...               models (see README)""";

  private Commands() {}

  static int run(String command, String[] args) {
    switch (command) {
      case "help", "--help", "-h" -> {
        System.out.println(USAGE);
        return 0;
      }
      case "moderators" -> {
        return moderators(args);
      }
      case "train", "eval" -> {
        return Models.run(command, args);
      }
      default -> {
        System.err.println("moderato: unknown command '" + command + "'\n" + USAGE);
        return 2;
      }
    }
  }

  /**
   * Manages moderators offline, against the configured storage. With the embedded store the
   * server must be stopped (the store's file is locked while it runs); use the admin API then.
   */
  private static int moderators(String[] args) {
    if (args.length == 0) {
      System.err.println(USAGE);
      return 2;
    }
    String action = args[0];
    switch (action) {
      case "add" -> {
        if (args.length < 2) {
          System.err.println(USAGE);
          return 2;
        }
        String role = "moderator";
        int at = Arrays.asList(args).indexOf("--role");
        if (at > 0 && at + 1 < args.length) {
          role = args[at + 1];
        }
        String r = role;
        return withAdmin(admin -> admin.create(args[1], r).map(created -> {
          System.out.println("created " + created.moderator().role().wire() + " "
              + created.moderator().name() + " (id " + created.moderator().id() + ")");
          System.out.println("token (shown once, keep it safe): " + created.token());
          return 0;
        }));
      }
      case "list" -> {
        return withAdmin(admin -> admin.list().map(all -> {
          all.forEach(m -> System.out.println(m.id() + "  " + m.role().wire() + "  " + m.name()
              + (m.revoked() ? "  (revoked)" : "")));
          return 0;
        }));
      }
      case "revoke" -> {
        if (args.length < 2) {
          System.err.println(USAGE);
          return 2;
        }
        return withAdmin(admin -> admin.revoke(args[1]).map(v -> {
          System.out.println("revoked " + args[1]);
          return 0;
        }));
      }
      default -> {
        System.err.println(USAGE);
        return 2;
      }
    }
  }

  private static int withAdmin(Function<ModeratorAdmin, Future<Integer>> work) {
    ModeratoConfig config;
    try {
      config = ConfigLoader.load();
    } catch (ConfigException e) {
      System.err.println("moderato: " + e.getMessage());
      return 2;
    }
    Vertx vertx = Vertx.vertx();
    EmbeddedMongo embedded = null;
    MongoStorage storage = null;
    try {
      String uri = config.storage().mongoUri();
      if (config.storage().embedded()) {
        embedded = EmbeddedMongo.start(Path.of(config.storage().dataDir()));
        uri = embedded.connectionString();
      }
      storage = MongoStorage.connect(vertx, config.storage(), uri, embedded != null)
          .toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
      ModeratorAuth auth = new ModeratorAuth(vertx, storage.moderators(), Clock.systemUTC(),
          com.github.benmanes.caffeine.cache.Ticker.systemTicker());
      ModeratorAdmin admin = new ModeratorAdmin(storage.moderators(), auth, Clock.systemUTC());
      return work.apply(admin).toCompletionStage().toCompletableFuture()
          .get(60, TimeUnit.SECONDS);
    } catch (Exception e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      String message = String.valueOf(cause.getMessage());
      if (message.contains("locked")) {
        message = "the data directory is in use by a running server; stop it or use the admin API";
      }
      System.err.println("moderato: " + message);
      return 1;
    } finally {
      if (storage != null) {
        storage.close();
      }
      vertx.close();
      if (embedded != null) {
        embedded.close();
      }
    }
  }
}
