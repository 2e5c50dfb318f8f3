package org.moderato.storage.mongo;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.FindOptions;
import io.vertx.ext.mongo.MongoClient;
import io.vertx.ext.mongo.UpdateOptions;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.moderato.storage.ListRepository;

/** {@link ListRepository} on the {@code lists} collection: {@code {_id: name, entries: [...]}}. */
final class MongoLists implements ListRepository {

  static final String COLLECTION = "lists";
  private static final int MAX_LISTS = 100;

  private final MongoClient mongo;
  private final MongoStorage storage;

  MongoLists(MongoClient mongo, MongoStorage storage) {
    this.mongo = mongo;
    this.storage = storage;
  }

  @Override
  public Future<Map<String, Set<String>>> all() {
    return storage.guard(mongo.findWithOptions(COLLECTION, new JsonObject(),
        new FindOptions().setLimit(MAX_LISTS))).map(docs -> {
          Map<String, Set<String>> lists = new TreeMap<>();
          for (JsonObject doc : docs) {
            Set<String> entries = new LinkedHashSet<>();
            doc.getJsonArray("entries", new JsonArray()).forEach(e -> entries.add(String.valueOf(e)));
            lists.put(doc.getString("_id"), Set.copyOf(entries));
          }
          return lists;
        });
  }

  @Override
  public Future<Void> put(String list, Set<String> entries) {
    JsonObject update = new JsonObject().put("$set",
        new JsonObject().put("entries", new JsonArray(new ArrayList<>(entries))));
    return storage.guard(mongo.updateCollectionWithOptions(COLLECTION,
        new JsonObject().put("_id", list), update, new UpdateOptions().setUpsert(true))).mapEmpty();
  }
}
