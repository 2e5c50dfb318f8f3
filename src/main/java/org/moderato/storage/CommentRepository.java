package org.moderato.storage;

import io.vertx.core.Future;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.moderato.domain.Comment;
import org.moderato.domain.CommentStatus;
import org.moderato.filtering.Score;

/**
 * Comments in storage. Every query is bounded and served by an index; every change is one atomic
 * document update guarded by the comment's version, so two writers never both win. Futures fail
 * with {@link org.moderato.domain.Problem} 503 when storage does not answer in time.
 */
public interface CommentRepository {

  Future<Void> insert(Comment comment);

  Future<Optional<Comment>> find(String id);

  /** The comments with these ids that exist, in no particular order. */
  Future<List<Comment>> findAll(Collection<String> ids);

  /** Top-level comments shown in the article's thread, after {@code after} (null: from the top). */
  Future<List<Comment>> topLevel(String articleId, ThreadSort sort, SortPosition after, int limit);

  /** The thread-visible replies of the given top-level comments, oldest first. */
  Future<List<Comment>> replies(List<String> rootIds);

  Future<List<Comment>> queue(QueueQuery query);

  /**
   * Sets the status if the comment still has {@code version}; empty when it does not (someone
   * else changed it first) or does not exist.
   */
  Future<Optional<Comment>> changeStatus(String id, long version, CommentStatus to, Instant at);

  /** Replaces the text and scores after an author's edit, guarded by version like a decision. */
  Future<Optional<Comment>> changeText(String id, long version, String text, CommentStatus status,
      Score spam, Score toxicity, Instant at);

  /** Erases name, text and email, keeping the document as a placeholder, guarded by version. */
  Future<Optional<Comment>> erase(String id, long version, Instant at);

  /** Adds {@code delta} to the reply counts of the given comments (the ancestors of a reply). */
  Future<Void> addToReplyCounts(List<String> ids, long delta);

  /** Clears the marker that every counter-moving write sets, once the counters are moved. */
  Future<Void> countersDone(String id);

  /** Comments whose counters may not have been moved (a crash came in between). */
  Future<List<Comment>> countersPending(int limit);

  /** Recounts, for repair only: published comments of an article. */
  Future<Long> countPublished(String articleId);

  /** Recounts, for repair only: published comments in the subtree below {@code id}. */
  Future<Long> countPublishedBelow(String id);

  Future<Void> setReplyCount(String id, long count);

  /** Which stored field identifies an author for export and erasure. */
  enum AuthorKey { EMAIL, CLIENT_KEY, EDIT_TOKEN_HASH }

  /** Every comment by one author (all statuses, with email), at most {@code limit}. */
  Future<List<Comment>> byAuthor(AuthorKey key, String value, int limit);

  /** Forgets client hashes of comments created before {@code cutoff}; how many were changed. */
  Future<Long> expireClientKeys(Instant cutoff);

  /** How many comments are pending and when the oldest of them was posted. */
  Future<QueueStats> queueStats();
}
