package org.moderato.threads;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import org.moderato.domain.Comment;
import org.moderato.domain.CommentStatus;

/**
 * The public wire form of a thread page. It lives with the thread service, not the HTTP layer,
 * because pages are cached as encoded bytes: encoding once per change, not once per request.
 */
public final class ThreadJson {

  /** What a removed comment that keeps its place in the thread shows instead of its text. */
  public static final String PLACEHOLDER_TEXT = "comment deleted";

  private ThreadJson() {}

  static RenderedPage render(String articleId, long total, List<ThreadTree.Node> nodes,
      String nextCursor) {
    JsonArray comments = new JsonArray();
    nodes.forEach(node -> comments.add(node(node)));
    JsonObject page = new JsonObject()
        .put("articleId", articleId)
        .put("total", total)
        .put("comments", comments)
        .put("nextCursor", nextCursor);
    byte[] bytes = page.encode().getBytes(StandardCharsets.UTF_8);
    return new RenderedPage(Buffer.buffer(bytes), etag(bytes));
  }

  /**
   * One comment as its author sees it right after posting or editing: their own name and text,
   * whatever the filters decided (the status tells them only published or pending).
   */
  public static JsonObject authorView(Comment c) {
    return view(c, false);
  }

  private static JsonObject view(Comment c, boolean placeholder) {
    JsonObject json = new JsonObject()
        .put("id", c.id())
        .put("parentId", c.parentId())
        .put("name", placeholder ? "" : c.name())
        .put("text", placeholder ? PLACEHOLDER_TEXT : c.text())
        .put("createdAt", c.createdAt().toString())
        .put("depth", c.depth())
        .put("replyCount", c.replyCount());
    if (placeholder) {
      json.put("deleted", true);
    }
    return json;
  }

  private static JsonObject node(ThreadTree.Node node) {
    JsonArray replies = new JsonArray();
    node.replies().forEach(reply -> replies.add(node(reply)));
    Comment c = node.comment();
    return view(c, c.status() != CommentStatus.PUBLISHED).put("replies", replies);
  }

  private static String etag(byte[] bytes) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
      return "\"" + Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 22)
          + "\"";
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
