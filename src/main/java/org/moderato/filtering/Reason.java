package org.moderato.filtering;

import java.util.Objects;

/**
 * One reason a filter gave: a stable machine-readable code (for example {@code link-count}), the
 * category it speaks to, its contribution to that category's score in [0, 1], and a short detail
 * for moderators (for example the matched word or the number of links).
 */
public record Reason(String code, Category category, double contribution, String detail) {

  public Reason {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(category, "category");
    if (!(contribution >= 0 && contribution <= 1)) {
      throw new IllegalArgumentException("contribution out of [0, 1]: " + contribution);
    }
    detail = detail == null ? "" : detail;
  }

  public static Reason spam(String code, double contribution, String detail) {
    return new Reason(code, Category.SPAM, contribution, detail);
  }

  public static Reason toxicity(String code, double contribution, String detail) {
    return new Reason(code, Category.TOXICITY, contribution, detail);
  }
}
