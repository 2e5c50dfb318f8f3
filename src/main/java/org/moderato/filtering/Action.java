package org.moderato.filtering;

/**
 * What a filter demands regardless of scores, ordered from mildest to strongest: the pipeline
 * keeps the strongest demand of all filters.
 */
public enum Action {
  /** No demand; the combined scores decide. */
  NONE,
  /** Hold for a moderator (status pending). */
  HOLD,
  /** Keep out of queue and thread as spam. */
  SPAM,
  /** Refuse (status rejected). */
  REJECT;

  public Action max(Action other) {
    return compareTo(other) >= 0 ? this : other;
  }
}
