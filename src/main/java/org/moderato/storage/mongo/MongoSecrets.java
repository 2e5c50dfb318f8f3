package org.moderato.storage.mongo;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.MongoClient;
import java.security.SecureRandom;
import java.util.Base64;
import org.moderato.storage.SecretRepository;

/**
 * {@link SecretRepository} on the {@code secrets} collection. The first instance to ask inserts a
 * random value; a concurrent insert by another instance loses on the unique {@code _id} and reads
 * the winner's value, so all instances agree.
 */
final class MongoSecrets implements SecretRepository {

  static final String COLLECTION = "secrets";
  private static final SecureRandom RANDOM = new SecureRandom();

  private final MongoClient mongo;
  private final MongoStorage storage;

  MongoSecrets(MongoClient mongo, MongoStorage storage) {
    this.mongo = mongo;
    this.storage = storage;
  }

  @Override
  public Future<byte[]> secret(String name) {
    return read(name).compose(existing -> {
      if (existing != null) {
        return Future.succeededFuture(existing);
      }
      byte[] value = new byte[32];
      RANDOM.nextBytes(value);
      JsonObject doc = new JsonObject().put("_id", name)
          .put("value", Base64.getEncoder().encodeToString(value));
      return storage.guard(mongo.insert(COLLECTION, doc))
          .map(id -> value)
          .recover(failure -> StorageErrors.isDuplicateKey(failure)
              ? read(name) : Future.failedFuture(failure));
    });
  }

  private Future<byte[]> read(String name) {
    return storage.guard(mongo.findOne(COLLECTION, new JsonObject().put("_id", name), null))
        .map(doc -> doc == null ? null : Base64.getDecoder().decode(doc.getString("value")));
  }
}
