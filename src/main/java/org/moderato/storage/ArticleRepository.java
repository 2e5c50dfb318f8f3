package org.moderato.storage;

import io.vertx.core.Future;
import java.util.Collection;
import java.util.Map;

/** Per-article counters and settings. An article nobody commented on has no document. */
public interface ArticleRepository {

  Future<Article> find(String articleId);

  /** Published counts for the given ids; ids without a document count 0. */
  Future<Map<String, Long>> counts(Collection<String> articleIds);

  Future<Void> addPublished(String articleId, long delta);

  /** Sets the published count outright (start-up repair). */
  Future<Void> setPublished(String articleId, long count);

  Future<Void> setClosed(String articleId, boolean closed);
}
