package org.moderato.moderation;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.moderato.domain.AuditEntry;
import org.moderato.domain.Comment;
import org.moderato.domain.Moderator;
import org.moderato.filtering.Reason;
import org.moderato.filtering.Score;

/** The moderators' wire form of comments, log entries and moderators. */
public final class QueueJson {

  private QueueJson() {}

  /** A queue item: everything a moderator needs to decide, never the edit token hash. */
  public static JsonObject item(Comment c) {
    JsonObject json = new JsonObject()
        .put("id", c.id())
        .put("articleId", c.articleId())
        .put("parentId", c.parentId())
        .put("name", c.name())
        .put("text", c.text())
        .put("createdAt", c.createdAt().toString())
        .put("updatedAt", c.updatedAt().toString())
        .put("status", c.status().wire())
        .put("version", c.version())
        .put("depth", c.depth())
        .put("replyCount", c.replyCount())
        .put("risk", c.risk())
        .put("spam", score(c.spam()))
        .put("toxicity", score(c.toxicity()));
    if (c.email() != null) {
      json.put("email", c.email());
    }
    return json;
  }

  /** A queue item with the comment it replies to, so the moderator sees the context. */
  public static JsonObject item(Comment c, Comment parent) {
    JsonObject json = item(c);
    json.put("parent", parent == null ? null : new JsonObject()
        .put("id", parent.id())
        .put("name", parent.name())
        .put("text", parent.text())
        .put("status", parent.status().wire()));
    return json;
  }

  public static JsonObject score(Score score) {
    JsonArray reasons = new JsonArray();
    score.codes().forEach(reasons::add);
    JsonArray details = new JsonArray();
    for (Reason r : score.reasons()) {
      details.add(new JsonObject()
          .put("reason", r.code())
          .put("contribution", r.contribution())
          .put("detail", r.detail()));
    }
    return new JsonObject().put("score", score.score()).put("reasons", reasons)
        .put("details", details);
  }

  public static JsonObject audit(AuditEntry e) {
    return new JsonObject()
        .put("id", e.id())
        .put("commentId", e.commentId())
        .put("articleId", e.articleId())
        .put("moderatorId", e.moderatorId())
        .put("moderator", e.moderatorName())
        .put("action", e.action().wire())
        .put("from", e.from().wire())
        .put("to", e.to().wire())
        .put("reason", e.reason())
        .put("at", e.at().toString());
  }

  public static JsonObject moderator(Moderator m) {
    return new JsonObject()
        .put("id", m.id())
        .put("name", m.name())
        .put("role", m.role().wire())
        .put("createdAt", m.createdAt().toString())
        .put("revoked", m.revoked());
  }
}
