package org.moderato.filtering;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.moderato.domain.CommentStatus;

class FilterPipelineTest {

  private static final Candidate CANDIDATE = Candidate.dry("n", "t", Instant.EPOCH);

  private static CommentFilter returning(String name, FilterResult result, List<String> calls) {
    return new CommentFilter() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public Future<FilterResult> evaluate(Candidate candidate) {
        calls.add(name);
        return Future.succeededFuture(result);
      }
    };
  }

  private static Verdict run(CommentFilter... filters) {
    return new FilterPipeline(List.of(filters), Thresholds.DEFAULTS).run(CANDIDATE).result();
  }

  @Test
  void noReasonsPublish() {
    Verdict v = run(returning("a", FilterResult.CLEAN, new ArrayList<>()));
    assertThat(v.status()).isEqualTo(CommentStatus.PUBLISHED);
    assertThat(v.spam().score()).isZero();
  }

  @Test
  void scoresCombineAsANoisyOrAndThresholdsDecide() {
    Verdict v = run(
        returning("a", FilterResult.scored(Reason.spam("x", 0.3, "")), new ArrayList<>()),
        returning("b", FilterResult.scored(Reason.spam("y", 0.3, "")), new ArrayList<>()));
    assertThat(v.spam().score()).isCloseTo(0.51, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(v.status()).isEqualTo(CommentStatus.PENDING);
    assertThat(v.spam().codes()).containsExactly("x", "y");
  }

  @Test
  void theStrongestDemandWins() {
    Verdict v = run(
        returning("a", FilterResult.of(Action.HOLD, Reason.spam("h", 0.1, "")), new ArrayList<>()),
        returning("b", FilterResult.of(Action.SPAM, Reason.spam("s", 0.1, "")), new ArrayList<>()));
    assertThat(v.status()).isEqualTo(CommentStatus.SPAM);
  }

  @Test
  void aRejectStopsTheRunEarly() {
    List<String> calls = new ArrayList<>();
    Verdict v = run(
        returning("a", FilterResult.of(Action.REJECT, Reason.toxicity("r", 1, "")), calls),
        returning("b", FilterResult.CLEAN, calls));
    assertThat(v.status()).isEqualTo(CommentStatus.REJECTED);
    assertThat(calls).containsExactly("a");
  }

  @Test
  void aFailingFilterHoldsTheCommentAndSaysWhich() {
    CommentFilter broken = new CommentFilter() {
      @Override
      public String name() {
        return "broken";
      }

      @Override
      public Future<FilterResult> evaluate(Candidate candidate) {
        throw new IllegalStateException("boom");
      }
    };
    Verdict v = run(broken);
    assertThat(v.status()).isEqualTo(CommentStatus.PENDING);
    assertThat(v.spam().reasons()).extracting(Reason::code).containsExactly("filter-error");
  }
}
