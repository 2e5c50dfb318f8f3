package org.moderato.classifier;

import java.util.Objects;

/**
 * One training example.
 *
 * @param text the raw text, as a filter would see it
 * @param positive whether it belongs to the positive class (spam, toxic)
 * @param weight how much it counts, relative to 1; must be positive
 */
public record Example(String text, boolean positive, double weight) {

  public Example {
    Objects.requireNonNull(text, "text");
    if (!(weight > 0)) {
      throw new IllegalArgumentException("weight must be positive, was " + weight);
    }
  }

  /** An example of weight 1. */
  public Example(String text, boolean positive) {
    this(text, positive, 1);
  }
}
