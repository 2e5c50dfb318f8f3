package org.moderato.filtering.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.moderato.filtering.Action;
import org.moderato.filtering.Candidate;
import org.moderato.filtering.FilterResult;

class WordListFilterTest {

  private final WordListFilter filter =
      new WordListFilter(List.of("scam", "buy followers"), List.of("idiot"));

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', textBlock = """
      This is a SCAM!                  | REJECT | blocked-word
      total s.c.a.m here               | REJECT | blocked-word
      you can buy   followers here     | REJECT | blocked-word
      scammer is a different word      | NONE   |
      what an Idiot                    | HOLD   | suspect-word
      what an 1d10t                    | HOLD   | suspect-word
      idiotic is another word          | NONE   |
      a perfectly nice remark          | NONE   |
      """)
  void matchesWholeWordsAfterFolding(String text, Action action, String reason) {
    FilterResult result = filter.evaluate(Candidate.dry("Reader", text, Instant.EPOCH)).result();
    assertThat(result.action()).isEqualTo(action);
    if (reason == null) {
      assertThat(result.reasons()).isEmpty();
    } else {
      assertThat(result.reasons()).extracting(r -> r.code()).containsExactly(reason);
    }
  }
}
