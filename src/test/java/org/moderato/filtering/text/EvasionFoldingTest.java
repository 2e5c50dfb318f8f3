package org.moderato.filtering.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class EvasionFoldingTest {

  static Stream<Arguments> cases() {
    return Stream.of(
        // what it shows, input, folded
        Arguments.of("case folding", "You IDIOT", "you idiot"),
        Arguments.of("fullwidth letters", "\uff46\uff55\uff43\uff4b off", "fuck off"),
        Arguments.of("mathematical bold letters", "\ud835\udc22\ud835\udc1d\ud835\udc22\ud835\udc28"
            + "\ud835\udc2d", "idiot"),
        Arguments.of("circled letters", "\u24e2\u24d7\u24d8\u24e3", "shit"),
        Arguments.of("accents", "\u00efd\u00ef\u00f6t", "idiot"),
        Arguments.of("Cyrillic look-alikes inside a Latin word", "\u0456d\u0456\u043et", "idiot"),
        Arguments.of("a word made only of Cyrillic look-alikes", "\u0441\u0430\u0440", "cap"),
        Arguments.of("Greek look-alikes", "\u03bfk \u03b9d\u03b9\u03bft", "ok idiot"),
        Arguments.of("ordinary Russian words stay Russian", "\u043f\u0440\u0438\u0432\u0435\u0442",
            "\u043f\u0440\u0438\u0432\u0435\u0442"),
        Arguments.of("Devanagari vowel signs are kept", "\u0928\u092e\u0938\u094d\u0924\u0947",
            "\u0928\u092e\u0938\u094d\u0924\u0947"),
        Arguments.of("leetspeak digits", "you 1d10t", "you idiot"),
        Arguments.of("leetspeak at sign", "what an @ss", "what an ass"),
        Arguments.of("leetspeak dollar signs", "a$$hole and $hit", "asshole and shit"),
        Arguments.of("exclamation mark inside a word", "sh!t happens!", "shit happens!"),
        Arguments.of("plain numbers stay numbers", "paid $100 in 2020", "paid $100 in 2020"),
        Arguments.of("ordinals and decades stay", "the 3rd time since the 90s",
            "the 3rd time since the 90s"),
        Arguments.of("names ending in a number stay", "covid19 on win10", "covid19 on win10"),
        Arguments.of("repeated letters", "stuuupid", "stupid"),
        Arguments.of("long repeats", "fuuuuuck yoooou", "fuck you"),
        Arguments.of("doubled letters are English", "good book", "good book"),
        Arguments.of("dots between letters", "f.u.c.k you", "fuck you"),
        Arguments.of("spaces between letters", "s h i t", "shit"),
        Arguments.of("dashes and underscores between letters", "f-u-c-k or c_u_n_t",
            "fuck or cunt"),
        Arguments.of("spelled out leet", "s h 1 t", "shit"),
        Arguments.of("two single letters are just text", "a b test", "a b test"),
        Arguments.of("an abbreviation before a word is not joined", "i.e. a test", "i.e. a test"),
        Arguments.of("a one-letter word before dotted letters stays a word", "a s.c.a.m",
            "a scam"),
        Arguments.of("a one-letter word before dashed letters stays a word", "I f-u-c-k-e-d up",
            "i fucked up"),
        Arguments.of("zero-width space inside a word", "id\u200biot", "idiot"),
        Arguments.of("zero-width joiner and soft hyphen", "st\u200dup\u00adid", "stupid"),
        Arguments.of("byte order mark and word joiner", "\ufeffmo\u2060ron", "moron"),
        Arguments.of("curly apostrophes", "you\u2019re", "you're"),
        Arguments.of("white space runs", "  you \n\n  idiot\t ", "you idiot"),
        Arguments.of("empty", "", ""),
        Arguments.of("all at once", "Y\u043eU \uff33\uff34\uff35\uff35\uff35\uff30\uff29\uff24 "
            + "1d\u200b10t", "you stupid idiot"));
  }

  @ParameterizedTest(name = "{0}: \"{1}\" folds to \"{2}\"")
  @MethodSource("cases")
  void foldsEvasionsToThePlainWord(String what, String input, String folded) {
    assertThat(EvasionFolding.fold(input)).isEqualTo(folded);
  }

  @Test
  @DisplayName("null folds to the empty string")
  void nullFoldsToEmpty() {
    assertThat(EvasionFolding.fold(null)).isEmpty();
  }

  @Test
  @DisplayName("offsets lead from a folded word back to the original span")
  void offsetsPointIntoTheOriginal() {
    String original = "Well, you \uff53\uff54\uff55\uff55\uff55pid 1d\u200b10t!";
    EvasionFolding.Folded folded = EvasionFolding.foldWithOffsets(original);
    int at = folded.text().indexOf("idiot");
    int[] span = folded.sourceSpan(at, at + "idiot".length());
    assertThat(original.substring(span[0], span[1])).isEqualTo("1d\u200b10t");
    int stupid = folded.text().indexOf("stupid");
    int[] stupidSpan = folded.sourceSpan(stupid, stupid + "stupid".length());
    assertThat(original.substring(stupidSpan[0], stupidSpan[1]))
        .isEqualTo("\uff53\uff54\uff55\uff55\uff55pid");
  }

  @Test
  @DisplayName("squeeze removes doubled letters so that word lists match both spellings")
  void squeezeRemovesDoubles() {
    assertThat(EvasionFolding.squeeze(EvasionFolding.fold("stuupid")))
        .isEqualTo(EvasionFolding.squeeze(EvasionFolding.fold("stupid")))
        .isEqualTo("stupid");
    assertThat(EvasionFolding.squeeze("good")).isEqualTo("god");
  }

  @Test
  @DisplayName("folding is idempotent")
  void foldingIsIdempotent() {
    cases().forEach(c -> {
      String once = EvasionFolding.fold((String) c.get()[1]);
      assertThat(EvasionFolding.fold(once)).as((String) c.get()[0]).isEqualTo(once);
    });
  }
}
