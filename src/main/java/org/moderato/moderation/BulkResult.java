package org.moderato.moderation;

import org.moderato.domain.Comment;

/**
 * The outcome of one id in a bulk decision: {@code status} 200 with the updated comment, or the
 * problem's status (404, 409) with its detail.
 */
public record BulkResult(String id, int status, Comment comment, String detail) {}
