package org.moderato.domain;

import java.time.Instant;

/** One moderation decision as the audit log keeps it. */
public record AuditEntry(
    String id,
    String commentId,
    String articleId,
    String moderatorId,
    String moderatorName,
    ModerationAction action,
    CommentStatus from,
    CommentStatus to,
    String reason,
    Instant at) {}
