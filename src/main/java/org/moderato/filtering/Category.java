package org.moderato.filtering;

/** The two scores every verdict carries. */
public enum Category {
  SPAM,
  TOXICITY
}
