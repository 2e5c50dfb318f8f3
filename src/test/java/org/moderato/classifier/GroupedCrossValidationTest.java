package org.moderato.classifier;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class GroupedCrossValidationTest {

  record Row(String group, int id) {}

  @Test
  void eachGroupIsHeldOutOnceAndNeverTrainedOnInItsOwnFold() {
    List<Row> rows = List.of(new Row("b", 1), new Row("a", 2), new Row("b", 3), new Row("c", 4),
        new Row("a", 5));
    var folds = GroupedCrossValidation.leaveOneGroupOut(rows, Row::group);
    assertThat(folds).extracting(GroupedCrossValidation.Fold::heldOut)
        .containsExactly("a", "b", "c");
    List<Row> tested = new ArrayList<>();
    for (var fold : folds) {
      assertThat(fold.test()).allMatch(r -> r.group().equals(fold.heldOut()));
      assertThat(fold.train()).noneMatch(r -> r.group().equals(fold.heldOut()));
      assertThat(fold.train().size() + fold.test().size()).isEqualTo(rows.size());
      tested.addAll(fold.test());
    }
    assertThat(tested).containsExactlyInAnyOrderElementsOf(rows);
  }
}
