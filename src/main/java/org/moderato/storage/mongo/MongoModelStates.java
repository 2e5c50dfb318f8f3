package org.moderato.storage.mongo;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.FindOptions;
import io.vertx.ext.mongo.MongoClient;
import io.vertx.ext.mongo.UpdateOptions;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import org.moderato.storage.ModelStateRepository;

/** {@link ModelStateRepository} on the {@code model_states} collection, one document per model. */
final class MongoModelStates implements ModelStateRepository {

  static final String COLLECTION = "model_states";

  private final MongoClient mongo;
  private final MongoStorage storage;

  MongoModelStates(MongoClient mongo, MongoStorage storage) {
    this.mongo = mongo;
    this.storage = storage;
  }

  @Override
  public Future<Optional<State>> load(String model) {
    return storage.guard(mongo.findOne(COLLECTION, new JsonObject().put("_id", model), null))
        .map(doc -> doc == null || doc.getString("delta") == null ? Optional.empty()
            : Optional.of(new State(Base64.getDecoder().decode(doc.getString("delta")),
                doc.getLong("version", 0L))));
  }

  @Override
  public Future<Long> save(String model, byte[] delta) {
    JsonObject update = new JsonObject()
        .put("$set", new JsonObject()
            .put("delta", Base64.getEncoder().encodeToString(delta))
            .put("updatedAt", Documents.date(Instant.now())))
        .put("$inc", new JsonObject().put("version", 1L));
    return storage.guard(mongo.findOneAndUpdateWithOptions(COLLECTION,
            new JsonObject().put("_id", model), update,
            new FindOptions().setFields(new JsonObject().put("version", 1)),
            new UpdateOptions().setUpsert(true).setReturningNewDocument(true)))
        .map(doc -> doc == null ? 0L : doc.getLong("version", 0L));
  }
}
