package org.moderato.filtering.toxicity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SentenceEvidenceTest {

  @ParameterizedTest(name = "\"{0}\" has the sentences {1}")
  @CsvSource(delimiter = '|', textBlock = """
      you are an idiot.                           | you are an idiot.
      thanks. you are an idiot!                   | thanks. / you are an idiot!
      really?! no way... ok                       | really?! / no way... / ok
      the u.s.a budget is 3.5 million. ok         | the u.s.a budget is 3.5 million. / ok
      first line\\nsecond line                    | first line / second line
      ... !!! wow.                                | wow.
      """)
  void splitsAtSentenceEnds(String text, String expected) {
    List<String> sentences = SentenceEvidence.sentences(text.replace("\\n", "\n"));

    assertThat(sentences).containsExactlyElementsOf(Arrays.asList(expected.split(" / ")));
  }

  @Test
  void aCommentOfOneSentenceKeepsItsWholeLogit() {
    double logit = SentenceEvidence.logit("you are an idiot.", 1.5, s -> 99.0);

    assertThat(logit).isEqualTo(1.5);
  }

  @Test
  void theWorstSentenceTakesAQuarterOfTheLogit() {
    Map<String, Double> logits = Map.of("the figures match.", -2.0, "the author is an idiot.",
        3.0);

    double logit = SentenceEvidence.logit("the figures match. the author is an idiot.", -1.0,
        logits::get);

    assertThat(logit).isCloseTo(0.75 * -1.0 + 0.25 * 3.0, within(1e-12));
  }

  @Test
  void theClassifierScoresACommentByItsWholeAndItsWorstSentence() throws Exception {
    ToxicityClassifier model = ToxicityClassifier.bundled();
    String insult = "The author is a complete idiot.";
    String comment = "I read the report last night and most figures match the council's. "
        + "The section on road repairs is thin. " + insult;

    ToxicityTraining.Trained trained = new ToxicityTraining.Trained(
        model.head(Head.TOXICITY), model.scale());
    assertThat(model.score(comment).toxicity())
        .isCloseTo(trained.score(ToxicityText.prepare(comment)), within(1e-9));
  }
}
