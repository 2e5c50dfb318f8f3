package org.moderato.threads;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.moderato.domain.Comment;
import org.moderato.domain.CommentStatus;
import org.moderato.filtering.Score;

class ThreadTreeTest {

  private static int clock;

  private static Comment comment(String id, String... ancestors) {
    List<String> path = List.of(ancestors);
    return new Comment(id, "a", path.isEmpty() ? null : path.get(path.size() - 1), path,
        path.isEmpty() ? id : path.get(0), "n", "t", null, CommentStatus.PUBLISHED, 1,
        Instant.ofEpochSecond(++clock), Instant.EPOCH, Score.ZERO, Score.ZERO, 0, "", "");
  }

  private static List<String> ids(List<ThreadTree.Node> nodes) {
    List<String> out = new ArrayList<>();
    for (ThreadTree.Node n : nodes) {
      out.add(n.comment().id());
    }
    return out;
  }

  @Test
  void repliesHangUnderTheirParentsOldestFirst() {
    Comment root = comment("r");
    Comment a = comment("a", "r");
    Comment b = comment("b", "r");
    Comment a1 = comment("a1", "r", "a");
    List<ThreadTree.Node> tree = ThreadTree.assemble(List.of(root), List.of(a1, b, a));
    assertThat(ids(tree)).containsExactly("r");
    assertThat(ids(tree.get(0).replies())).containsExactly("a", "b");
    assertThat(ids(tree.get(0).replies().get(0).replies())).containsExactly("a1");
  }

  @Test
  void aReplyWhoseParentIsMissingHangsUnderTheNearestAncestorPresent() {
    Comment root = comment("r");
    Comment orphan = comment("o", "r", "gone");
    List<ThreadTree.Node> tree = ThreadTree.assemble(List.of(root), List.of(orphan));
    assertThat(ids(tree.get(0).replies())).containsExactly("o");
  }

  @Test
  void rootsKeepThePageOrderAndRepliesOfOtherRootsAreIgnored() {
    Comment first = comment("x");
    Comment second = comment("y");
    Comment stray = comment("s", "elsewhere");
    List<ThreadTree.Node> tree = ThreadTree.assemble(List.of(second, first), List.of(stray));
    assertThat(ids(tree)).containsExactly("y", "x");
    assertThat(tree.get(0).replies()).isEmpty();
  }
}
