package org.moderato.storage.mongo;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.moderato.domain.AuditEntry;
import org.moderato.domain.Comment;
import org.moderato.domain.CommentStatus;
import org.moderato.domain.ModerationAction;
import org.moderato.domain.Moderator;
import org.moderato.domain.Role;
import org.moderato.filtering.Category;
import org.moderato.filtering.Reason;
import org.moderato.filtering.Score;

/** The one place that maps between stored documents and domain records. */
final class Documents {

  private Documents() {}

  static JsonObject date(Instant instant) {
    return new JsonObject().put("$date", instant.toString());
  }

  static Instant instant(Object value) {
    if (value instanceof JsonObject json) {
      Object date = json.getValue("$date");
      if (date instanceof Number n) {
        return Instant.ofEpochMilli(n.longValue());
      }
      return Instant.parse(String.valueOf(date));
    }
    if (value instanceof Instant instant) {
      return instant;
    }
    if (value instanceof String text) {
      return Instant.parse(text);
    }
    throw new IllegalStateException("not a date: " + value);
  }

  static JsonObject comment(Comment c) {
    JsonObject doc = new JsonObject()
        .put("_id", c.id())
        .put("articleId", c.articleId())
        .put("parentId", c.parentId())
        .put("ancestorIds", new JsonArray(new ArrayList<>(c.ancestorIds())))
        .put("rootId", c.rootId())
        .put("depth", c.depth())
        .put("name", c.name())
        .put("text", c.text())
        .put("status", c.status().wire())
        .put("version", c.version())
        .put("createdAt", date(c.createdAt()))
        .put("updatedAt", date(c.updatedAt()))
        .put("spam", score(c.spam()))
        .put("toxicity", score(c.toxicity()))
        .put("risk", c.risk())
        .put("replyCount", c.replyCount())
        .put("editTokenHash", c.editTokenHash())
        .put("clientKey", c.clientKey());
    if (c.email() != null) {
      doc.put("email", c.email());
    }
    return doc;
  }

  static Comment comment(JsonObject d) {
    List<String> ancestors = new ArrayList<>();
    JsonArray array = d.getJsonArray("ancestorIds", new JsonArray());
    for (int i = 0; i < array.size(); i++) {
      ancestors.add(array.getString(i));
    }
    return new Comment(
        d.getString("_id"),
        d.getString("articleId"),
        d.getString("parentId"),
        ancestors,
        d.getString("rootId"),
        d.getString("name", ""),
        d.getString("text", ""),
        d.getString("email"),
        CommentStatus.fromWire(d.getString("status")).orElseThrow(
            () -> new IllegalStateException("unknown status in comment " + d.getString("_id"))),
        number(d.getValue("version")),
        instant(d.getValue("createdAt")),
        instant(d.getValue("updatedAt", d.getValue("createdAt"))),
        score(d.getJsonObject("spam")),
        score(d.getJsonObject("toxicity")),
        number(d.getValue("replyCount")),
        d.getString("editTokenHash", ""),
        d.getString("clientKey", ""));
  }

  static long number(Object value) {
    return value instanceof Number n ? n.longValue() : 0;
  }

  static JsonObject score(Score score) {
    JsonArray codes = new JsonArray();
    score.codes().forEach(codes::add);
    JsonArray details = new JsonArray();
    for (Reason reason : score.reasons()) {
      details.add(new JsonObject()
          .put("reason", reason.code())
          .put("category", reason.category().name().toLowerCase())
          .put("contribution", reason.contribution())
          .put("detail", reason.detail()));
    }
    return new JsonObject().put("score", score.score()).put("reasons", codes).put("details", details);
  }

  static Score score(JsonObject json) {
    if (json == null) {
      return Score.ZERO;
    }
    List<Reason> reasons = new ArrayList<>();
    JsonArray details = json.getJsonArray("details", new JsonArray());
    for (int i = 0; i < details.size(); i++) {
      JsonObject r = details.getJsonObject(i);
      reasons.add(new Reason(
          r.getString("reason"),
          Category.valueOf(r.getString("category", "spam").toUpperCase()),
          Math.max(0, Math.min(1, r.getDouble("contribution", 0.0))),
          r.getString("detail", "")));
    }
    return new Score(json.getDouble("score", 0.0), reasons);
  }

  static JsonObject moderator(Moderator m) {
    return new JsonObject()
        .put("_id", m.id())
        .put("name", m.name())
        .put("role", m.role().wire())
        .put("tokenHash", m.tokenHash())
        .put("createdAt", date(m.createdAt()))
        .put("revoked", m.revoked());
  }

  static Moderator moderator(JsonObject d) {
    return new Moderator(
        d.getString("_id"),
        d.getString("name"),
        Role.fromWire(d.getString("role")).orElse(Role.MODERATOR),
        d.getString("tokenHash"),
        instant(d.getValue("createdAt")),
        d.getBoolean("revoked", false));
  }

  static JsonObject audit(AuditEntry e) {
    return new JsonObject()
        .put("_id", e.id())
        .put("commentId", e.commentId())
        .put("articleId", e.articleId())
        .put("moderatorId", e.moderatorId())
        .put("moderatorName", e.moderatorName())
        .put("action", e.action().wire())
        .put("from", e.from().wire())
        .put("to", e.to().wire())
        .put("reason", e.reason())
        .put("at", date(e.at()));
  }

  static AuditEntry audit(JsonObject d) {
    return new AuditEntry(
        d.getString("_id"),
        d.getString("commentId"),
        d.getString("articleId"),
        d.getString("moderatorId"),
        d.getString("moderatorName"),
        ModerationAction.fromWire(d.getString("action")).orElse(ModerationAction.REQUEUE),
        CommentStatus.fromWire(d.getString("from")).orElse(CommentStatus.PENDING),
        CommentStatus.fromWire(d.getString("to")).orElse(CommentStatus.PENDING),
        d.getString("reason"),
        instant(d.getValue("at")));
  }
}
