package org.moderato.storage.mongo;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.FindOptions;
import io.vertx.ext.mongo.MongoClient;
import io.vertx.ext.mongo.UpdateOptions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.moderato.storage.SignalRepository;

/** {@link SignalRepository} on the {@code signals} collection, keyed by signal key. */
final class MongoSignals implements SignalRepository {

  static final String COLLECTION = "signals";

  private final MongoClient mongo;
  private final MongoStorage storage;

  MongoSignals(MongoClient mongo, MongoStorage storage) {
    this.mongo = mongo;
    this.storage = storage;
  }

  @Override
  public Future<Optional<Instant>> mark(String key, Instant at) {
    JsonObject update = new JsonObject().put("$set", new JsonObject().put("at", Documents.date(at)));
    return storage.guard(mongo.findOneAndUpdateWithOptions(COLLECTION,
            new JsonObject().put("_id", key), update,
            new FindOptions().setFields(new JsonObject().put("at", 1)),
            new UpdateOptions().setUpsert(true).setReturningNewDocument(false)))
        .map(previous -> previous == null || previous.getValue("at") == null ? Optional.empty()
            : Optional.of(Documents.instant(previous.getValue("at"))));
  }

  @Override
  public Future<Void> unmark(String key) {
    return storage.guard(mongo.removeDocument(COLLECTION, new JsonObject().put("_id", key)))
        .mapEmpty();
  }

  @Override
  public Future<List<JsonObject>> append(String key, JsonObject entry, int keep) {
    JsonObject update = new JsonObject()
        .put("$push", new JsonObject().put("entries",
            new JsonObject().put("$each", new JsonArray().add(entry)).put("$slice", -keep)))
        .put("$set", new JsonObject().put("at", Documents.date(Instant.now())));
    return storage.guard(mongo.findOneAndUpdateWithOptions(COLLECTION,
            new JsonObject().put("_id", key), update, new FindOptions(),
            new UpdateOptions().setUpsert(true).setReturningNewDocument(false)))
        .map(previous -> entries(previous));
  }

  @Override
  public Future<Long> purgeOlderThan(Instant cutoff) {
    JsonObject query = new JsonObject()
        .put("at", new JsonObject().put("$lt", Documents.date(cutoff)));
    return storage.guard(mongo.removeDocuments(COLLECTION, query))
        .map(result -> result == null ? 0L : result.getRemovedCount());
  }

  @Override
  public Future<List<JsonObject>> peek(List<String> keys) {
    if (keys.isEmpty()) {
      return Future.succeededFuture(List.of());
    }
    JsonObject query = new JsonObject()
        .put("_id", new JsonObject().put("$in", new JsonArray(new ArrayList<>(keys))));
    return storage.guard(mongo.findWithOptions(COLLECTION, query,
            new FindOptions().setLimit(keys.size())))
        .map(docs -> {
          List<JsonObject> all = new ArrayList<>();
          docs.forEach(d -> all.addAll(entries(d)));
          return all;
        });
  }

  private static List<JsonObject> entries(JsonObject doc) {
    List<JsonObject> out = new ArrayList<>();
    if (doc == null) {
      return out;
    }
    JsonArray entries = doc.getJsonArray("entries", new JsonArray());
    for (int i = 0; i < entries.size(); i++) {
      if (entries.getValue(i) instanceof JsonObject e) {
        out.add(e);
      }
    }
    return out;
  }
}
