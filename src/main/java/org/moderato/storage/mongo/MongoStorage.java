package org.moderato.storage.mongo;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.IndexModel;
import io.vertx.ext.mongo.IndexOptions;
import io.vertx.ext.mongo.MongoClient;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.moderato.config.ModeratoConfig;
import org.moderato.storage.ArticleRepository;
import org.moderato.storage.AuditLogRepository;
import org.moderato.storage.CommentRepository;
import org.moderato.storage.ModeratorRepository;
import org.moderato.storage.ListRepository;
import org.moderato.storage.ModelStateRepository;
import org.moderato.storage.SecretRepository;
import org.moderato.storage.SignalRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The MongoDB side of storage: one vertx-mongo-client (which brings driver results back to the
 * caller's Vert.x context), the repositories on top of it, and the indexes they rely on. The only
 * package that touches the driver.
 *
 * <p>Writes use the client's default write concern: {@code storage.writeConcern} (default
 * {@code majority}) with journaling for a real MongoDB. The embedded store makes every write
 * durable before it answers, whatever the write concern.
 */
public final class MongoStorage implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(MongoStorage.class);

  private final MongoClient mongo;
  private final long timeoutMillis;
  private final CommentRepository comments;
  private final ArticleRepository articles;
  private final ModeratorRepository moderators;
  private final AuditLogRepository auditLog;
  private final SecretRepository secrets;
  private final SignalRepository signals;
  private final ListRepository lists;
  private final ModelStateRepository modelStates;

  private MongoStorage(MongoClient mongo, long timeoutMillis) {
    this.mongo = mongo;
    this.timeoutMillis = timeoutMillis;
    this.comments = new MongoComments(mongo, this);
    this.articles = new MongoArticles(mongo, this);
    this.moderators = new MongoModerators(mongo, this);
    this.auditLog = new MongoAuditLog(mongo, this);
    this.secrets = new MongoSecrets(mongo, this);
    this.signals = new MongoSignals(mongo, this);
    this.lists = new MongoLists(mongo, this);
    this.modelStates = new MongoModelStates(mongo, this);
  }

  /**
   * Connects to {@code connectionString} and creates the indexes (idempotently). {@code embedded}
   * says the store is the in-process one, which ignores write concerns.
   */
  public static Future<MongoStorage> connect(Vertx vertx, ModeratoConfig.Storage config,
      String connectionString, boolean embedded) {
    long timeout = config.timeout().toMillis();
    JsonObject options = new JsonObject()
        .put("connection_string", connectionString)
        .put("db_name", config.database())
        .put("serverSelectionTimeoutMS", timeout)
        .put("connectTimeoutMS", timeout)
        .put("socketTimeoutMS", timeout * 2)
        .put("maxPoolSize", 64)
        .put("waitQueueTimeoutMS", timeout);
    if (!embedded) {
      options.put("w", config.writeConcern()).put("j", config.journal());
    }
    // Creating the client loads and initialises the driver: seconds on a cold JVM, so not on an
    // event loop.
    return vertx.executeBlocking(() -> new MongoStorage(MongoClient.create(vertx, options), timeout))
        .compose(storage -> storage.createIndexes().map(storage));
  }

  private Future<Void> createIndexes() {
    List<Index> all = List.of(
        index(MongoComments.COLLECTION, new JsonObject()
            .put("articleId", 1).put("depth", 1).put("createdAt", 1).put("_id", 1), false),
        index(MongoComments.COLLECTION, new JsonObject()
            .put("articleId", 1).put("depth", 1).put("replyCount", -1).put("createdAt", 1)
            .put("_id", 1), false),
        index(MongoComments.COLLECTION, new JsonObject()
            .put("rootId", 1).put("createdAt", 1).put("_id", 1), false),
        index(MongoComments.COLLECTION, new JsonObject()
            .put("status", 1).put("createdAt", 1).put("_id", 1), false),
        index(MongoComments.COLLECTION, new JsonObject()
            .put("status", 1).put("risk", -1).put("createdAt", 1).put("_id", 1), false),
        index(MongoComments.COLLECTION, new JsonObject().put("email", 1), false),
        index(MongoComments.COLLECTION, new JsonObject().put("clientKey", 1), false),
        index(MongoComments.COLLECTION, new JsonObject().put("editTokenHash", 1), false),
        index(MongoComments.COLLECTION, new JsonObject().put("ancestorIds", 1), false),
        index(MongoComments.COLLECTION, new JsonObject()
            .put(MongoComments.COUNTERS_PENDING, 1), false),
        index(MongoSignals.COLLECTION, new JsonObject().put("at", 1), false),
        index(MongoSignals.SIGHTINGS, new JsonObject().put("b", 1).put("at", -1), false),
        index(MongoSignals.SIGHTINGS, new JsonObject().put("d", 1).put("at", -1), false),
        index(MongoSignals.SIGHTINGS, new JsonObject().put("at", 1), false),
        index(MongoModerators.COLLECTION, new JsonObject().put("tokenHash", 1), true),
        index(MongoAuditLog.COLLECTION, new JsonObject().put("at", -1).put("_id", -1), false)
    );
    // One command per collection: each is a write, and the embedded store syncs after each.
    Map<String, List<IndexModel>> byCollection = new LinkedHashMap<>();
    for (Index index : all) {
      byCollection.computeIfAbsent(index.collection(), c -> new ArrayList<>())
          .add(new IndexModel(index.keys(), new IndexOptions().unique(index.unique())));
    }
    List<Future<Void>> created = new ArrayList<>();
    // Building an index on a large existing collection takes longer than a request may.
    byCollection.forEach((collection, indexes) -> created.add(
        missing(collection, indexes).compose(toCreate -> {
          if (toCreate.isEmpty()) {
            return Future.<Void>succeededFuture();
          }
          LOG.info("Creating {} index(es) on {}", toCreate.size(), collection);
          return mongo.createIndexes(collection, toCreate)
              .timeout(Math.max(timeoutMillis, INDEX_TIMEOUT_MILLIS), TimeUnit.MILLISECONDS)
              .recover(StorageErrors::translate);
        })));
    return Future.all(created).mapEmpty();
  }

  /**
   * The indexes the collection does not have yet (all of them if they cannot be listed). Reading
   * first keeps a restart free of writes: on the embedded store every write command waits for a
   * sync, one per collection otherwise.
   */
  private Future<List<IndexModel>> missing(String collection, List<IndexModel> wanted) {
    return guard(mongo.listIndexes(collection)).map(existing -> {
      Set<String> have = new HashSet<>();
      for (Object index : existing) {
        if (index instanceof JsonObject spec && spec.getJsonObject("key") != null) {
          have.add(describe(spec.getJsonObject("key"), spec.getBoolean("unique", false)));
        }
      }
      return wanted.stream()
          .filter(m -> !have.contains(describe(m.getKey(), m.getOptions().isUnique())))
          .toList();
    }).otherwise(wanted);
  }

  /** An index's fields and directions in order, and whether it is unique. */
  private static String describe(JsonObject keys, boolean unique) {
    StringBuilder out = new StringBuilder(unique ? "unique:" : "");
    keys.forEach(e -> out.append(e.getKey()).append('=')
        .append(e.getValue() instanceof Number n ? String.valueOf(n.intValue()) : e.getValue())
        .append(','));
    return out.toString();
  }

  private record Index(String collection, JsonObject keys, boolean unique) {}

  private static Index index(String collection, JsonObject keys, boolean unique) {
    return new Index(collection, keys, unique);
  }

  private static final long INDEX_TIMEOUT_MILLIS = 300_000;

  /** Bounds a storage call by the configured timeout and maps outages to 503 problems. */
  <T> Future<T> guard(Future<T> call) {
    return call.timeout(timeoutMillis, TimeUnit.MILLISECONDS).recover(StorageErrors::translate);
  }

  /**
   * Runs a write command that is acknowledged once applied, without waiting for the journal
   * ({@code w: 1, j: false}): only for writes a crash may lose, because start-up repairs them
   * (counters, see {@code CounterRepair}) or because they are heuristics (anti-abuse signals).
   * Fails on write errors, which a command reports in its reply rather than as a failure.
   */
  Future<JsonObject> unjournaled(String name, JsonObject command) {
    command.put("writeConcern", new JsonObject().put("w", 1).put("j", false));
    return guard(mongo.runCommand(name, command)).compose(reply -> {
      JsonArray errors = reply == null ? null : reply.getJsonArray("writeErrors");
      if (errors != null && !errors.isEmpty()) {
        return Future.failedFuture(new IllegalStateException(
            name + " failed: " + errors.getJsonObject(0).getString("errmsg", "write error")));
      }
      return Future.succeededFuture(reply);
    });
  }

  /** One unjournaled update: {@code update} on what {@code query} matches. */
  Future<JsonObject> unjournaledUpdate(String collection, JsonObject query, JsonObject update,
      boolean multi, boolean upsert) {
    return unjournaled("update", new JsonObject().put("update", collection)
        .put("updates", new JsonArray().add(new JsonObject().put("q", query).put("u", update)
            .put("multi", multi).put("upsert", upsert))));
  }

  /** One unjournaled delete of what {@code query} matches; {@code limit} 1 or 0 (all). */
  Future<JsonObject> unjournaledDelete(String collection, JsonObject query, int limit) {
    return unjournaled("delete", new JsonObject().put("delete", collection)
        .put("deletes", new JsonArray().add(new JsonObject().put("q", query).put("limit", limit))));
  }

  /** Succeeds when storage answers a ping within the timeout. */
  public Future<Void> ping() {
    return guard(mongo.runCommand("ping", new JsonObject().put("ping", 1))).mapEmpty();
  }

  public CommentRepository comments() {
    return comments;
  }

  public ArticleRepository articles() {
    return articles;
  }

  public ModeratorRepository moderators() {
    return moderators;
  }

  public AuditLogRepository auditLog() {
    return auditLog;
  }

  public SecretRepository secrets() {
    return secrets;
  }

  public SignalRepository signals() {
    return signals;
  }

  public ListRepository lists() {
    return lists;
  }

  public ModelStateRepository modelStates() {
    return modelStates;
  }

  @Override
  public void close() {
    mongo.close();
  }
}
