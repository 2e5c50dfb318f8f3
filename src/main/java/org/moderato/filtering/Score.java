package org.moderato.filtering;

import java.util.List;

/**
 * One category's combined score in [0, 1] and the reasons behind it. Contributions combine as a
 * noisy-or, {@code 1 - prod(1 - c)}: independent signals reinforce each other, none can push the
 * score past 1, and a single strong signal is enough on its own.
 */
public record Score(double score, List<Reason> reasons) {

  public static final Score ZERO = new Score(0, List.of());

  public Score {
    reasons = List.copyOf(reasons);
  }

  public static Score combine(List<Reason> reasons) {
    double keep = 1;
    for (Reason reason : reasons) {
      keep *= 1 - reason.contribution();
    }
    return new Score(1 - keep, reasons);
  }

  /** The reason codes alone, in the order the filters gave them, without repeats. */
  public List<String> codes() {
    return reasons.stream().map(Reason::code).distinct().toList();
  }
}
