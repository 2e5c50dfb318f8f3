package org.moderato.filtering;

import org.moderato.domain.CommentStatus;

/**
 * What the pipeline concluded: the status to store the comment with and the two scores with their
 * reasons, kept on the comment so a moderator can see why.
 */
public record Verdict(CommentStatus status, Score spam, Score toxicity) {

  public Decision decision() {
    return Decision.of(status);
  }
}
