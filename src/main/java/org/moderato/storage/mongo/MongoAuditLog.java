package org.moderato.storage.mongo;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.FindOptions;
import io.vertx.ext.mongo.MongoClient;
import java.util.List;
import org.moderato.domain.AuditEntry;
import org.moderato.storage.AuditLogRepository;
import org.moderato.storage.SortPosition;

/** {@link AuditLogRepository} on the {@code moderation_log} collection. */
final class MongoAuditLog implements AuditLogRepository {

  static final String COLLECTION = "moderation_log";

  private final MongoClient mongo;
  private final MongoStorage storage;

  MongoAuditLog(MongoClient mongo, MongoStorage storage) {
    this.mongo = mongo;
    this.storage = storage;
  }

  @Override
  public Future<Void> append(AuditEntry entry) {
    return storage.guard(mongo.insert(COLLECTION, Documents.audit(entry))).mapEmpty();
  }

  @Override
  public Future<List<AuditEntry>> page(SortPosition after, int limit) {
    JsonObject query = new JsonObject();
    if (after != null) {
      JsonObject at = Documents.date(after.createdAt());
      query.put("$or", new JsonArray()
          .add(new JsonObject().put("at", new JsonObject().put("$lt", at)))
          .add(new JsonObject().put("at", at).put("_id", new JsonObject().put("$lt", after.id()))));
    }
    FindOptions options = new FindOptions()
        .setSort(new JsonObject().put("at", -1).put("_id", -1))
        .setLimit(limit);
    return storage.guard(mongo.findWithOptions(COLLECTION, query, options))
        .map(docs -> docs.stream().map(Documents::audit).toList());
  }
}
