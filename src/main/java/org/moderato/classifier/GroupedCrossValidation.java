package org.moderato.classifier;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Cross-validation that holds out a whole group at a time (for example one data source or one
 * YouTube video), so a model is never judged on rows that share a thread, an author crowd or a spam
 * campaign with its training data. Plain random folds overstate how well a text model carries over
 * to a new site.
 */
public final class GroupedCrossValidation {

  private GroupedCrossValidation() {}

  /**
   * One split: train on every group but {@code heldOut}, test on {@code heldOut}.
   *
   * @param heldOut the group tested
   */
  public record Fold<T>(String heldOut, List<T> train, List<T> test) {

    public Fold {
      train = List.copyOf(train);
      test = List.copyOf(test);
    }
  }

  /**
   * One fold per distinct group, in group-name order; rows keep their order within a fold. Every
   * row is tested exactly once.
   */
  public static <T> List<Fold<T>> leaveOneGroupOut(List<T> rows, Function<T, String> group) {
    TreeSet<String> groups = new TreeSet<>();
    for (T row : rows) {
      groups.add(group.apply(row));
    }
    List<Fold<T>> folds = new ArrayList<>();
    for (String heldOut : groups) {
      List<T> train = new ArrayList<>();
      List<T> test = new ArrayList<>();
      for (T row : rows) {
        (group.apply(row).equals(heldOut) ? test : train).add(row);
      }
      folds.add(new Fold<>(heldOut, train, test));
    }
    return folds;
  }
}
