package org.moderato.submission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.moderato.domain.FieldError;
import org.moderato.domain.Problem;

class CommentInputTest {

  private static final CommentInput.Limits LIMITS = new CommentInput.Limits(80, 5000);

  private static Problem problem(JsonObject body) {
    try {
      CommentInput.parse(body, LIMITS);
    } catch (Problem p) {
      return p;
    }
    throw new AssertionError("expected a problem for " + body);
  }

  @Test
  void aValidSubmissionKeepsOnlyTheContractsFields() {
    CommentInput input = CommentInput.parse(new JsonObject().put("name", " Ann ")
        .put("comment", " Hi ").put("email", "ann@example.org").put("isAdmin", true)
        .put("status", "published"), LIMITS);
    assertThat(input.name()).isEqualTo("Ann");
    assertThat(input.comment()).isEqualTo("Hi");
    assertThat(input.email()).isEqualTo("ann@example.org");
    assertThat(input.parentId()).isNull();
    assertThat(input.acknowledgeWarning()).isFalse();
  }

  @Test
  void everyBadFieldIsNamed() {
    Problem p = problem(new JsonObject().put("name", "").put("comment", 12)
        .put("email", "not-an-email").put("acknowledgeWarning", "maybe"));
    assertThat(p.status()).isEqualTo(400);
    assertThat(p.errors()).extracting(FieldError::field)
        .containsExactlyInAnyOrder("name", "comment", "email", "acknowledgeWarning");
  }

  @Test
  void lengthIsCountedInCharactersAfterTrimmingAndCleaning() {
    assertThat(CommentInput.parse(new JsonObject().put("name", "x".repeat(80))
        .put("comment", "\uD83D\uDC4D".repeat(5000)), LIMITS).comment()).hasSize(10000);
    assertThat(problem(new JsonObject().put("name", "x".repeat(81)).put("comment", "ok"))
        .errors()).extracting(FieldError::field).containsExactly("name");
    assertThat(problem(new JsonObject().put("name", "a").put("comment", "\u200B \n "))
        .errors()).extracting(FieldError::field).containsExactly("comment");
  }

  @Test
  void mongoOperatorsInFieldsAreJustWrongTypes() {
    assertThatThrownBy(() -> CommentInput.parse(new JsonObject()
        .put("name", new JsonObject().put("$gt", "")).put("comment", "x"), LIMITS))
        .isInstanceOf(Problem.class);
    assertThat(problem(new JsonObject().put("name", "a").put("comment", "b")
        .put("parentId", new JsonObject().put("$ne", null))).errors())
        .extracting(FieldError::field).containsExactly("parentId");
  }
}
