package org.moderato.classifier;

/**
 * How much one human-readable feature moved a score, in logit units (weight times value): positive
 * pushes toward the positive class (spam, toxic), negative away from it.
 *
 * @param feature a readable name such as {@code word "check out"}, {@code chars "bscri"} or
 *     {@code url}
 * @param logit the contribution to the model's logit
 */
public record Contribution(String feature, double logit) {

  /** A short form for moderators, for example {@code url +1.84}. */
  public String display() {
    return feature + (logit >= 0 ? " +" : " ")
        + String.format(java.util.Locale.ROOT, "%.2f", logit);
  }
}
