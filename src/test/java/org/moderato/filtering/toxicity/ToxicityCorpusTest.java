package org.moderato.filtering.toxicity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.moderato.classifier.Example;
import org.moderato.classifier.LabeledText;

/** Which labels each head reads, and the weighting that removes the source shortcut. */
class ToxicityCorpusTest {

  private static LabeledText row(String source, String label, String detail) {
    return new LabeledText(source + ":" + label, "", "some text", label, source, detail);
  }

  @ParameterizedTest(name = "{0} {1} ({2}) is {4} for the {3} head")
  @CsvSource(delimiter = '|', nullValues = "none", textBlock = """
      civil-comments/toxic-spans | toxic |  | TOXICITY | true
      civil-comments-ni/toxicity | ok |  | TOXICITY | false
      wikipedia-talk/cat-small | ok |  | TOXICITY | false
      civil-comments-ni/insult | yes |  | TOXICITY | true
      civil-comments-ni/insult | no |  | TOXICITY | none
      civil-comments-ni/insult | yes |  | INSULT | true
      civil-comments-ni/insult | no |  | INSULT | false
      civil-comments-ni/insult | no |  | SEVERE_TOXICITY | none
      civil-comments-ni/severe_toxicity | yes |  | SEVERE_TOXICITY | true
      civil-comments-ni/severe_toxicity | no |  | INSULT | none
      civil-comments/toxic-spans | toxic |  | INSULT | none
      civil-comments-ni/toxicity | ok |  | INSULT | false
      wikipedia-talk/jigsaw-detoxify-dummy | toxic | toxic=1;insult=1 | INSULT | true
      wikipedia-talk/jigsaw-detoxify-dummy | toxic | toxic=1;insult=0 | INSULT | false
      wikipedia-talk/jigsaw-detoxify-dummy | toxic | toxic=1;severe_toxic=1 | SEVERE_TOXICITY | true
      civil-comments-first100 | ok | toxicity=0.6;insult=0.55 | INSULT | true
      """)
  void eachHeadReadsOnlyTheLabelsThatSpeakToIt(String source, String label, String detail,
      Head head, Boolean expected) {
    assertThat(ToxicityCorpus.label(head, row(source, label, detail),
        ToxicityCorpus.Options.DEFAULTS)).isEqualTo(expected);
  }

  @Test
  @DisplayName("within a domain, toxic and ok rows weigh the same in total")
  void domainsAreBalanced() {
    List<LabeledText> rows = List.of(
        row("civil-comments/toxic-spans", "toxic", ""),
        row("civil-comments/toxic-spans", "toxic", ""),
        row("civil-comments/toxic-spans", "toxic", ""),
        row("civil-comments-ni/toxicity", "ok", ""),
        row("wikipedia-talk/cat-small", "toxic", ""),
        row("wikipedia-talk/cat-small", "ok", ""),
        row("wikipedia-talk/cat-small", "ok", ""),
        row("wikipedia-talk/cat-small", "ok", ""));
    ToxicityCorpus.Options options =
        new ToxicityCorpus.Options(true, true, 0.5, 0, 1);

    List<Example> examples = ToxicityCorpus.examples(Head.TOXICITY, rows, options);

    double newsToxic = examples.subList(0, 3).stream().mapToDouble(Example::weight).sum();
    double newsOk = examples.get(3).weight();
    double wikiToxic = examples.get(4).weight();
    double wikiOk = examples.subList(5, 8).stream().mapToDouble(Example::weight).sum();
    assertThat(newsToxic).isEqualTo(newsOk);
    assertThat(wikiToxic).isEqualTo(wikiOk);
  }

  @Test
  @DisplayName("ok examples naming an identity group weigh more, up to the cap; toxic ones do not")
  void groupTermsAreBalanced() {
    List<Example> examples = List.of(
        new Example("gay people are disgusting", true, 1),
        new Example("gay men should leave", true, 1),
        new Example("the gay couple opened a bakery", false, 1),
        new Example("the council met on tuesday", false, 1),
        new Example("you are an idiot", true, 1),
        new Example("nice photos of the harbour", false, 1));

    List<Example> balanced = ToxicityCorpus.balanceTerms(examples, 2);

    assertThat(balanced).extracting(Example::weight).containsExactly(1.0, 1.0, 2.0, 1.0, 1.0,
        1.0);
  }

  @Test
  @DisplayName("an attribute no row joins the overall head only as a soft pair of examples")
  void attributeNoIsSoft() {
    List<LabeledText> rows = List.of(row("civil-comments-ni/insult", "no", ""));
    ToxicityCorpus.Options options = new ToxicityCorpus.Options(false, true, 1, 0.15, 1);

    List<Example> examples = ToxicityCorpus.examples(Head.TOXICITY, rows, options);

    assertThat(examples).extracting(Example::positive).containsExactly(false, true);
    assertThat(examples).extracting(Example::weight).containsExactly(0.85, 0.15);
  }

  @Test
  @DisplayName("an example naming a group shares its weight with copies naming other groups")
  void groupMentionsShareWeightWithCounterfactualCopies() {
    List<Example> examples = List.of(
        new Example("the gay couple opened a bakery", false, 2),
        new Example("gay people are disgusting", true, 1),
        new Example("the council met on tuesday", false, 1));

    List<Example> out = ToxicityCorpus.counterfactuals(examples, 0.5);

    assertThat(out).hasSize(3 + 2 * ToxicityCorpus.COUNTERFACTUALS);
    assertThat(out.subList(0, 3)).extracting(Example::weight).containsExactly(1.0, 0.5, 1.0);
    List<Example> okCopies = out.subList(3, 3 + ToxicityCorpus.COUNTERFACTUALS);
    assertThat(okCopies).allSatisfy(e -> {
      assertThat(e.positive()).isFalse();
      assertThat(e.weight()).isEqualTo(1.0 / ToxicityCorpus.COUNTERFACTUALS);
      assertThat(e.text()).startsWith("the ").endsWith(" couple opened a bakery")
          .doesNotContain("gay");
    });
    assertThat(out.subList(3 + ToxicityCorpus.COUNTERFACTUALS, out.size()))
        .allSatisfy(e -> assertThat(e.positive()).isTrue());
    double before = examples.stream().mapToDouble(Example::weight).sum();
    assertThat(out.stream().mapToDouble(Example::weight).sum()).isCloseTo(before,
        Offset.offset(1e-9));
    assertThat(ToxicityCorpus.swapGroups("the council met on tuesday", 1)).isNull();
    String[] swapped = ToxicityCorpus.swapGroups("muslims and jews met", 1).split(" ");
    assertThat(ToxicityCorpus.GROUP_NOUNS).contains(swapped[0], swapped[2])
        .doesNotContain(swapped[1]);
    assertThat(swapped[0]).isNotEqualTo("muslims");
    assertThat(swapped[2]).isNotEqualTo("jews");
  }
}
