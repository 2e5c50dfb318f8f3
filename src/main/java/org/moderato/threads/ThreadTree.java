package org.moderato.threads;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.moderato.domain.Comment;

/**
 * Builds reply trees from a flat list: pure, no storage. Replies come oldest first; each is placed
 * under its parent, or, when the parent is not in the list (removed without replies of its own
 * being removed), under its nearest ancestor that is, so nothing published is lost from view.
 */
public final class ThreadTree {

  /** One comment with its replies, oldest first. */
  public record Node(Comment comment, List<Node> replies) {}

  private ThreadTree() {}

  /**
   * @param roots the top-level comments of the page, in page order
   * @param replies the replies in the trees of those roots, in any order
   */
  public static List<Node> assemble(List<Comment> roots, List<Comment> replies) {
    Map<String, List<Node>> children = new HashMap<>();
    Map<String, Node> nodes = new HashMap<>();
    List<Node> top = new ArrayList<>(roots.size());
    for (Comment root : roots) {
      Node node = new Node(root, new ArrayList<>());
      nodes.put(root.id(), node);
      top.add(node);
    }
    List<Comment> ordered = new ArrayList<>(replies);
    ordered.sort((a, b) -> {
      int byDepth = Integer.compare(a.depth(), b.depth());
      return byDepth != 0 ? byDepth : byAge(a, b);
    });
    for (Comment reply : ordered) {
      Node parent = nearestAncestor(reply, nodes);
      if (parent == null) {
        continue;
      }
      Node node = new Node(reply, new ArrayList<>());
      nodes.put(reply.id(), node);
      children.computeIfAbsent(parent.comment().id(), k -> new ArrayList<>()).add(node);
    }
    children.forEach((parentId, list) -> {
      list.sort((a, b) -> byAge(a.comment(), b.comment()));
      nodes.get(parentId).replies().addAll(list);
    });
    return top;
  }

  private static Node nearestAncestor(Comment reply, Map<String, Node> nodes) {
    List<String> ancestors = reply.ancestorIds();
    for (int i = ancestors.size() - 1; i >= 0; i--) {
      Node node = nodes.get(ancestors.get(i));
      if (node != null) {
        return node;
      }
    }
    return null;
  }

  private static int byAge(Comment a, Comment b) {
    int byTime = a.createdAt().compareTo(b.createdAt());
    return byTime != 0 ? byTime : a.id().compareTo(b.id());
  }
}
