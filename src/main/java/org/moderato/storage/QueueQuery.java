package org.moderato.storage;

import org.moderato.domain.CommentStatus;

/** One page of the moderation queue: {@code articleId} and {@code after} may be null. */
public record QueueQuery(
    CommentStatus status, String articleId, QueueSort sort, int limit, SortPosition after) {}
