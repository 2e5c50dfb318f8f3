package org.moderato.moderation;

import java.util.List;
import org.moderato.domain.Comment;

/** One page of the queue: items with the comments they reply to (null for top-level ones). */
public record QueuePage(List<Item> items, String nextCursor) {

  /** A queued comment and its parent, if it has one. */
  public record Item(Comment comment, Comment parent) {}
}
