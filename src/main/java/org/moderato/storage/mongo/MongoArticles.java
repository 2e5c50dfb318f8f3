package org.moderato.storage.mongo;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.FindOptions;
import io.vertx.ext.mongo.MongoClient;
import io.vertx.ext.mongo.UpdateOptions;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import org.moderato.storage.Article;
import org.moderato.storage.ArticleRepository;

/** {@link ArticleRepository} on the {@code articles} collection, one document per article id. */
final class MongoArticles implements ArticleRepository {

  static final String COLLECTION = "articles";

  private final MongoClient mongo;
  private final MongoStorage storage;

  MongoArticles(MongoClient mongo, MongoStorage storage) {
    this.mongo = mongo;
    this.storage = storage;
  }

  @Override
  public Future<Article> find(String articleId) {
    return storage.guard(mongo.findOne(COLLECTION, new JsonObject().put("_id", articleId), null))
        .map(doc -> doc == null ? Article.empty(articleId) : article(doc));
  }

  @Override
  public Future<Map<String, Long>> counts(Collection<String> articleIds) {
    JsonObject query = new JsonObject()
        .put("_id", new JsonObject().put("$in", new JsonArray(new ArrayList<>(articleIds))));
    FindOptions options = new FindOptions()
        .setFields(new JsonObject().put("publishedCount", 1))
        .setLimit(articleIds.size());
    return storage.guard(mongo.findWithOptions(COLLECTION, query, options)).map(docs -> {
      Map<String, Long> counts = new LinkedHashMap<>();
      articleIds.forEach(id -> counts.put(id, 0L));
      docs.forEach(doc -> counts.put(doc.getString("_id"),
          Math.max(0, Documents.number(doc.getValue("publishedCount")))));
      return counts;
    });
  }

  /**
   * Unjournaled: the comment that moved the count carries a durable repair mark until its
   * counters are done, so start-up repair recounts whatever a crash lost.
   */
  @Override
  public Future<Void> addPublished(String articleId, long delta) {
    JsonObject update = new JsonObject()
        .put("$inc", new JsonObject().put("publishedCount", delta));
    return storage.unjournaledUpdate(COLLECTION, new JsonObject().put("_id", articleId), update,
        false, true).mapEmpty();
  }

  @Override
  public Future<Void> setPublished(String articleId, long count) {
    return upsert(articleId, new JsonObject().put("$set",
        new JsonObject().put("publishedCount", count)));
  }

  @Override
  public Future<Void> setClosed(String articleId, boolean closed) {
    return upsert(articleId, new JsonObject().put("$set", new JsonObject().put("closed", closed)));
  }

  private Future<Void> upsert(String articleId, JsonObject update) {
    return storage.guard(mongo.updateCollectionWithOptions(COLLECTION,
        new JsonObject().put("_id", articleId), update,
        new UpdateOptions().setUpsert(true))).mapEmpty();
  }

  private static Article article(JsonObject doc) {
    return new Article(doc.getString("_id"),
        Math.max(0, Documents.number(doc.getValue("publishedCount"))),
        doc.getBoolean("closed", false));
  }
}
