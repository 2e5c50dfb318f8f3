package org.moderato.moderation;

import org.moderato.domain.Comment;
import org.moderato.domain.ModerationAction;
import org.moderato.domain.Moderator;

/**
 * Told of every moderation decision after it is stored: how the learned filters learn from
 * moderators. Called on an event loop; a listener with real work to do hands it to a worker pool.
 */
public interface DecisionListener {

  void decided(Comment before, Comment after, ModerationAction action, String reason,
      Moderator moderator);
}
