package org.moderato.domain;

import java.time.Instant;
import java.util.List;
import org.moderato.filtering.Score;

/**
 * A stored comment, as the services see it.
 *
 * @param id 24 hex digits
 * @param ancestorIds the ids from the top-level comment down to the parent; empty for a top-level
 *     comment, so {@code depth == ancestorIds.size()}
 * @param rootId the top-level comment of its tree (its own id when top-level)
 * @param replyCount published comments in its subtree, maintained on every status change
 * @param version incremented by every change, guards moderation decisions and edits
 * @param editTokenHash SHA-256 of the author's edit token; the token itself is never stored
 * @param clientKey keyed hash of the client's address, empty when unknown
 * @param email optional, never shown publicly; null when not given
 */
public record Comment(
    String id,
    String articleId,
    String parentId,
    List<String> ancestorIds,
    String rootId,
    String name,
    String text,
    String email,
    CommentStatus status,
    long version,
    Instant createdAt,
    Instant updatedAt,
    Score spam,
    Score toxicity,
    long replyCount,
    String editTokenHash,
    String clientKey) {

  public Comment {
    ancestorIds = List.copyOf(ancestorIds);
  }

  public int depth() {
    return ancestorIds.size();
  }

  public boolean topLevel() {
    return parentId == null;
  }

  /** The higher of the two scores: what the queue's {@code risk} sort orders by. */
  public double risk() {
    return Math.max(spam.score(), toxicity.score());
  }

  /** Shown in the thread: published, or a placeholder for a removed comment that has replies. */
  public boolean visibleInThread() {
    return status == CommentStatus.PUBLISHED || replyCount > 0;
  }
}
