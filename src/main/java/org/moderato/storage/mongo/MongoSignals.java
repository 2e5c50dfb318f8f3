package org.moderato.storage.mongo;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.FindOptions;
import io.vertx.ext.mongo.MongoClient;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.moderato.storage.SignalRepository;
import org.moderato.storage.Sighting;

/**
 * {@link SignalRepository} on two collections: {@code signals} holds duplicate markers by key,
 * {@code sightings} one small document per submission, found through multikey indexes on its
 * band keys and link domains. Every write is {@linkplain MongoStorage#unjournaled unjournaled}
 * (see {@link SignalRepository}), so it never waits for a disk sync.
 */
final class MongoSignals implements SignalRepository {

  static final String COLLECTION = "signals";
  static final String SIGHTINGS = "sightings";

  private final MongoClient mongo;
  private final MongoStorage storage;

  MongoSignals(MongoClient mongo, MongoStorage storage) {
    this.mongo = mongo;
    this.storage = storage;
  }

  @Override
  public Future<Optional<Instant>> mark(String key, Instant at) {
    // findOneAndUpdate in the Vert.x client cannot carry a write concern; the command can.
    JsonObject command = new JsonObject()
        .put("findAndModify", COLLECTION)
        .put("query", new JsonObject().put("_id", key))
        .put("update", new JsonObject().put("$set",
            new JsonObject().put("at", Documents.date(at))))
        .put("upsert", true)
        .put("new", false)
        .put("fields", new JsonObject().put("at", 1));
    return storage.unjournaled("findAndModify", command)
        .map(reply -> {
          JsonObject previous = reply == null ? null : reply.getJsonObject("value");
          return previous == null || previous.getValue("at") == null ? Optional.empty()
              : Optional.of(Documents.instant(previous.getValue("at")));
        });
  }

  @Override
  public Future<Void> unmark(String key) {
    return storage.unjournaledDelete(COLLECTION, new JsonObject().put("_id", key), 1).mapEmpty();
  }

  @Override
  public Future<Void> record(Sighting s) {
    JsonObject doc = new JsonObject()
        .put("_id", s.id())
        .put("n", s.name())
        .put("c", s.clientKey())
        .put("at", Documents.date(s.at()))
        .put("h", s.signature())
        .put("b", new JsonArray(new ArrayList<>(s.bands())))
        .put("d", new JsonArray(new ArrayList<>(s.domains())));
    return storage.unjournaled("insert", new JsonObject().put("insert", SIGHTINGS)
        .put("documents", new JsonArray().add(doc))).mapEmpty();
  }

  @Override
  public Future<List<Sighting>> withBands(List<String> bands, Instant since, int limit) {
    if (bands.isEmpty()) {
      return Future.succeededFuture(List.of());
    }
    return sightings(new JsonObject()
        .put("b", new JsonObject().put("$in", new JsonArray(new ArrayList<>(bands)))), since, limit,
        new JsonObject().put("n", 1).put("at", 1).put("h", 1));
  }

  @Override
  public Future<List<Sighting>> withDomain(String domain, Instant since, int limit) {
    return sightings(new JsonObject().put("d", domain), since, limit,
        new JsonObject().put("n", 1).put("at", 1));
  }

  /**
   * Only the {@code fields} a lookup needs come back (a post looks up to 50 sightings per band
   * lookup; their band and domain lists are most of each document); the others read as empty.
   */
  private Future<List<Sighting>> sightings(JsonObject query, Instant since, int limit,
      JsonObject fields) {
    query.put("at", new JsonObject().put("$gte", Documents.date(since)));
    FindOptions options = new FindOptions()
        .setFields(fields)
        .setSort(new JsonObject().put("at", -1))
        .setLimit(limit);
    return storage.guard(mongo.findWithOptions(SIGHTINGS, query, options))
        .map(docs -> docs.stream().map(MongoSignals::sighting).toList());
  }

  private static Sighting sighting(JsonObject d) {
    return new Sighting(String.valueOf(d.getValue("_id")), d.getString("n", ""),
        d.getString("c", ""), Documents.instant(d.getValue("at")), d.getString("h", ""),
        strings(d.getJsonArray("b")), strings(d.getJsonArray("d")));
  }

  private static List<String> strings(JsonArray array) {
    List<String> out = new ArrayList<>();
    if (array != null) {
      array.forEach(v -> out.add(String.valueOf(v)));
    }
    return out;
  }

  @Override
  public Future<Long> purgeOlderThan(Instant cutoff) {
    return purge(COLLECTION, cutoff).compose(markers -> purge(SIGHTINGS, cutoff)
        .map(sightings -> markers + sightings));
  }

  private Future<Long> purge(String collection, Instant cutoff) {
    JsonObject older = new JsonObject()
        .put("at", new JsonObject().put("$lt", Documents.date(cutoff)));
    return storage.unjournaledDelete(collection, older, 0).map(reply -> reply.getLong("n", 0L));
  }
}
