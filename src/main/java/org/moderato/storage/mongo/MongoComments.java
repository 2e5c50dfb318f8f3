package org.moderato.storage.mongo;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.FindOptions;
import io.vertx.ext.mongo.MongoClient;
import io.vertx.ext.mongo.UpdateOptions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.moderato.domain.Comment;
import org.moderato.domain.CommentStatus;
import org.moderato.filtering.Score;
import org.moderato.storage.CommentRepository;
import org.moderato.storage.QueueQuery;
import org.moderato.storage.QueueStats;
import org.moderato.storage.SortPosition;
import org.moderato.storage.ThreadSort;

/** {@link CommentRepository} on the {@code comments} collection. */
final class MongoComments implements CommentRepository {

  static final String COLLECTION = "comments";
  /** The most replies one page of trees may carry; a tree larger than this is cut. */
  static final int MAX_REPLIES_PER_PAGE = 10_000;

  private static final JsonObject NO_SECRETS = new JsonObject()
      .put("email", 0).put("editTokenHash", 0).put("clientKey", 0);

  /**
   * Set by every write that can move counters and cleared once they are moved: what start-up
   * repair looks for after a crash.
   */
  static final String COUNTERS_PENDING = "countersPending";

  private final MongoClient mongo;
  private final MongoStorage storage;

  MongoComments(MongoClient mongo, MongoStorage storage) {
    this.mongo = mongo;
    this.storage = storage;
  }

  @Override
  public Future<Void> insert(Comment comment) {
    JsonObject doc = Documents.comment(comment).put(COUNTERS_PENDING, true);
    return storage.guard(mongo.insert(COLLECTION, doc)).mapEmpty();
  }

  @Override
  public Future<Optional<Comment>> find(String id) {
    return storage.guard(mongo.findOne(COLLECTION, new JsonObject().put("_id", id), null))
        .map(doc -> Optional.ofNullable(doc).map(Documents::comment));
  }

  @Override
  public Future<List<Comment>> findAll(Collection<String> ids) {
    if (ids.isEmpty()) {
      return Future.succeededFuture(List.of());
    }
    JsonObject query = new JsonObject()
        .put("_id", new JsonObject().put("$in", new JsonArray(new ArrayList<>(ids))));
    return findAll(query, new FindOptions().setLimit(ids.size()).setFields(NO_SECRETS));
  }

  @Override
  public Future<List<Comment>> topLevel(String articleId, ThreadSort sort, SortPosition after,
      int limit) {
    JsonObject query = new JsonObject()
        .put("articleId", articleId)
        .put("depth", 0)
        .put("$or", visible());
    if (after != null) {
      query = new JsonObject().put("$and", new JsonArray().add(query).add(keyset(sort, after)));
    }
    JsonObject order = switch (sort) {
      case OLDEST -> new JsonObject().put("createdAt", 1).put("_id", 1);
      case NEWEST -> new JsonObject().put("createdAt", -1).put("_id", -1);
      case TOP -> new JsonObject().put("replyCount", -1).put("createdAt", 1).put("_id", 1);
    };
    FindOptions options = new FindOptions().setSort(order).setLimit(limit).setFields(NO_SECRETS);
    return findAll(query, options);
  }

  @Override
  public Future<List<Comment>> replies(List<String> rootIds) {
    if (rootIds.isEmpty()) {
      return Future.succeededFuture(List.of());
    }
    JsonObject query = new JsonObject()
        .put("rootId", new JsonObject().put("$in", new JsonArray(new ArrayList<>(rootIds))))
        .put("depth", new JsonObject().put("$gt", 0))
        .put("$or", visible());
    FindOptions options = new FindOptions()
        .setSort(new JsonObject().put("createdAt", 1).put("_id", 1))
        .setLimit(MAX_REPLIES_PER_PAGE)
        .setFields(NO_SECRETS);
    return findAll(query, options);
  }

  @Override
  public Future<List<Comment>> queue(QueueQuery q) {
    JsonObject query = new JsonObject().put("status", q.status().wire());
    if (q.articleId() != null) {
      query.put("articleId", q.articleId());
    }
    if (q.after() != null) {
      SortPosition a = q.after();
      JsonObject keyset = switch (q.sort()) {
        case OLDEST -> ascending("createdAt", Documents.date(a.createdAt()), a.id(), true);
        case NEWEST -> ascending("createdAt", Documents.date(a.createdAt()), a.id(), false);
        case RISK -> new JsonObject().put("$or", new JsonArray()
            .add(new JsonObject().put("risk", new JsonObject().put("$lt", a.primary())))
            .add(new JsonObject().put("risk", a.primary())
                .put("createdAt", new JsonObject().put("$gt", Documents.date(a.createdAt()))))
            .add(new JsonObject().put("risk", a.primary())
                .put("createdAt", Documents.date(a.createdAt()))
                .put("_id", new JsonObject().put("$gt", a.id()))));
      };
      query = new JsonObject().put("$and", new JsonArray().add(query).add(keyset));
    }
    JsonObject order = switch (q.sort()) {
      case OLDEST -> new JsonObject().put("createdAt", 1).put("_id", 1);
      case NEWEST -> new JsonObject().put("createdAt", -1).put("_id", -1);
      case RISK -> new JsonObject().put("risk", -1).put("createdAt", 1).put("_id", 1);
    };
    FindOptions options = new FindOptions().setSort(order).setLimit(q.limit())
        .setFields(new JsonObject().put("editTokenHash", 0));
    return findAll(query, options);
  }

  @Override
  public Future<Optional<Comment>> changeStatus(String id, long version, CommentStatus to,
      Instant at) {
    JsonObject set = new JsonObject()
        .put("status", to.wire())
        .put("updatedAt", Documents.date(at));
    return guardedUpdate(id, version, set);
  }

  @Override
  public Future<Optional<Comment>> changeText(String id, long version, String text,
      CommentStatus status, Score spam, Score toxicity, Instant at) {
    JsonObject set = new JsonObject()
        .put("text", text)
        .put("status", status.wire())
        .put("spam", Documents.score(spam))
        .put("toxicity", Documents.score(toxicity))
        .put("risk", Math.max(spam.score(), toxicity.score()))
        .put("updatedAt", Documents.date(at));
    return guardedUpdate(id, version, set);
  }

  @Override
  public Future<Optional<Comment>> erase(String id, long version, Instant at) {
    JsonObject set = new JsonObject()
        .put("status", CommentStatus.DELETED.wire())
        .put("name", "")
        .put("text", "")
        .put("email", null)
        .put("updatedAt", Documents.date(at));
    return guardedUpdate(id, version, set);
  }

  @Override
  public Future<List<Comment>> byAuthor(AuthorKey key, String value, int limit) {
    String field = switch (key) {
      case EMAIL -> "email";
      case CLIENT_KEY -> "clientKey";
      case EDIT_TOKEN_HASH -> "editTokenHash";
    };
    return findAll(new JsonObject().put(field, value), new FindOptions()
        .setSort(new JsonObject().put("createdAt", 1).put("_id", 1)).setLimit(limit));
  }

  @Override
  public Future<Long> expireClientKeys(Instant cutoff) {
    JsonObject query = new JsonObject()
        .put("createdAt", new JsonObject().put("$lt", Documents.date(cutoff)))
        .put("clientKey", new JsonObject().put("$ne", ""));
    return storage.guard(mongo.updateCollectionWithOptions(COLLECTION, query,
            new JsonObject().put("$set", new JsonObject().put("clientKey", "")),
            new UpdateOptions().setMulti(true)))
        .map(result -> result == null ? 0L : result.getDocModified());
  }

  /** Unjournaled: if a crash loses it, start-up repair recounts and clears it again. */
  @Override
  public Future<Void> countersDone(String id) {
    return storage.unjournaledUpdate(COLLECTION, new JsonObject().put("_id", id),
        new JsonObject().put("$unset", new JsonObject().put(COUNTERS_PENDING, "")), false, false)
        .mapEmpty();
  }

  @Override
  public Future<List<Comment>> countersPending(int limit) {
    return findAll(new JsonObject().put(COUNTERS_PENDING, true),
        new FindOptions().setLimit(limit).setFields(NO_SECRETS));
  }

  @Override
  public Future<QueueStats> queueStats() {
    JsonObject pending = new JsonObject().put("status", CommentStatus.PENDING.wire());
    Future<Long> count = storage.guard(mongo.count(COLLECTION, pending));
    Future<List<JsonObject>> oldest = storage.guard(mongo.findWithOptions(COLLECTION, pending,
        new FindOptions().setSort(new JsonObject().put("createdAt", 1).put("_id", 1))
            .setLimit(1).setFields(new JsonObject().put("createdAt", 1))));
    return Future.all(count, oldest).map(done -> new QueueStats(count.result(),
        oldest.result().isEmpty() ? null
            : Documents.instant(oldest.result().get(0).getValue("createdAt"))));
  }

  @Override
  public Future<Long> countPublished(String articleId) {
    return storage.guard(mongo.count(COLLECTION, new JsonObject().put("articleId", articleId)
        .put("status", CommentStatus.PUBLISHED.wire())));
  }

  @Override
  public Future<Long> countPublishedBelow(String id) {
    return storage.guard(mongo.count(COLLECTION, new JsonObject().put("ancestorIds", id)
        .put("status", CommentStatus.PUBLISHED.wire())));
  }

  @Override
  public Future<Void> setReplyCount(String id, long count) {
    return storage.guard(mongo.updateCollection(COLLECTION, new JsonObject().put("_id", id),
        new JsonObject().put("$set", new JsonObject().put("replyCount", count)))).mapEmpty();
  }

  /**
   * Unjournaled: the comment that moved the counts carries {@link #COUNTERS_PENDING} durably
   * until this is done, so start-up repair recounts whatever a crash lost.
   */
  @Override
  public Future<Void> addToReplyCounts(List<String> ids, long delta) {
    if (ids.isEmpty() || delta == 0) {
      return Future.succeededFuture();
    }
    JsonObject query = new JsonObject()
        .put("_id", new JsonObject().put("$in", new JsonArray(new ArrayList<>(ids))));
    JsonObject update = new JsonObject().put("$inc", new JsonObject().put("replyCount", delta));
    return storage.unjournaledUpdate(COLLECTION, query, update, true, false).mapEmpty();
  }

  private Future<Optional<Comment>> guardedUpdate(String id, long version, JsonObject set) {
    JsonObject query = new JsonObject().put("_id", id).put("version", version);
    JsonObject update = new JsonObject()
        .put("$set", set.copy().put(COUNTERS_PENDING, true))
        .put("$inc", new JsonObject().put("version", 1));
    return storage.guard(mongo.findOneAndUpdateWithOptions(COLLECTION, query, update,
            new FindOptions(), new UpdateOptions().setReturningNewDocument(true)))
        .map(doc -> Optional.ofNullable(doc).map(Documents::comment));
  }

  private Future<List<Comment>> findAll(JsonObject query, FindOptions options) {
    return storage.guard(mongo.findWithOptions(COLLECTION, query, options))
        .map(docs -> docs.stream().map(Documents::comment).toList());
  }

  private static JsonArray visible() {
    return new JsonArray()
        .add(new JsonObject().put("status", CommentStatus.PUBLISHED.wire()))
        .add(new JsonObject().put("replyCount", new JsonObject().put("$gt", 0)));
  }

  private static JsonObject keyset(ThreadSort sort, SortPosition a) {
    return switch (sort) {
      case OLDEST -> ascending("createdAt", Documents.date(a.createdAt()), a.id(), true);
      case NEWEST -> ascending("createdAt", Documents.date(a.createdAt()), a.id(), false);
      case TOP -> new JsonObject().put("$or", new JsonArray()
          .add(new JsonObject().put("replyCount", new JsonObject().put("$lt", (long) a.primary())))
          .add(new JsonObject().put("replyCount", (long) a.primary())
              .put("createdAt", new JsonObject().put("$gt", Documents.date(a.createdAt()))))
          .add(new JsonObject().put("replyCount", (long) a.primary())
              .put("createdAt", Documents.date(a.createdAt()))
              .put("_id", new JsonObject().put("$gt", a.id()))));
    };
  }

  /** After (field, id) in ascending order, or before it in descending order. */
  private static JsonObject ascending(String field, Object value, String id, boolean asc) {
    String op = asc ? "$gt" : "$lt";
    return new JsonObject().put("$or", new JsonArray()
        .add(new JsonObject().put(field, new JsonObject().put(op, value)))
        .add(new JsonObject().put(field, value).put("_id", new JsonObject().put(op, id))));
  }
}
