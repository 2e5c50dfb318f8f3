package org.moderato.storage.mongo;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.FindOptions;
import io.vertx.ext.mongo.MongoClient;
import io.vertx.ext.mongo.UpdateOptions;
import java.util.List;
import java.util.Optional;
import org.moderato.domain.Moderator;
import org.moderato.storage.ModeratorRepository;

/** {@link ModeratorRepository} on the {@code moderators} collection (unique index on tokenHash). */
final class MongoModerators implements ModeratorRepository {

  static final String COLLECTION = "moderators";

  private final MongoClient mongo;
  private final MongoStorage storage;

  MongoModerators(MongoClient mongo, MongoStorage storage) {
    this.mongo = mongo;
    this.storage = storage;
  }

  @Override
  public Future<Optional<Moderator>> findByTokenHash(String tokenHash) {
    return storage.guard(mongo.findOne(COLLECTION, new JsonObject().put("tokenHash", tokenHash),
        null)).map(doc -> Optional.ofNullable(doc).map(Documents::moderator));
  }

  @Override
  public Future<Void> insert(Moderator moderator) {
    return storage.guard(mongo.insert(COLLECTION, Documents.moderator(moderator))).mapEmpty();
  }

  @Override
  public Future<Void> upsert(Moderator moderator) {
    JsonObject doc = Documents.moderator(moderator);
    doc.remove("_id");
    return storage.guard(mongo.updateCollectionWithOptions(COLLECTION,
        new JsonObject().put("_id", moderator.id()), new JsonObject().put("$set", doc),
        new UpdateOptions().setUpsert(true))).mapEmpty();
  }

  @Override
  public Future<List<Moderator>> list(int limit) {
    FindOptions options = new FindOptions()
        .setSort(new JsonObject().put("createdAt", 1).put("_id", 1))
        .setLimit(limit);
    return storage.guard(mongo.findWithOptions(COLLECTION, new JsonObject(), options))
        .map(docs -> docs.stream().map(Documents::moderator).toList());
  }

  @Override
  public Future<Boolean> revoke(String id) {
    return storage.guard(mongo.updateCollectionWithOptions(COLLECTION,
            new JsonObject().put("_id", id),
            new JsonObject().put("$set", new JsonObject().put("revoked", true)),
            new UpdateOptions()))
        .map(result -> result != null && result.getDocMatched() > 0);
  }
}
