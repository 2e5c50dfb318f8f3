package org.moderato.filtering.toxicity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.InstantSource;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.moderato.classifier.OnlineGuard;

/** The train command on a small data set: reproducible, and the file loads. */
class ToxicityCliTest {

  private static final String CSV = """
      id,author,text,label,source,detail\r
      a1,,You are a stupid idiot,toxic,civil-comments/toxic-spans,\r
      a2,,What a moron you are,toxic,civil-comments-ni/toxicity,\r
      a3,,Thanks for the report on the budget,ok,civil-comments-ni/toxicity,\r
      a4,,The council meets on Tuesday,ok,civil-comments-ni/toxicity,\r
      a5,,You pathetic loser,yes,civil-comments-ni/insult,\r
      a6,,The roads need repair,no,civil-comments-ni/insult,\r
      a7,,I hope you all die horribly,yes,civil-comments-ni/severe_toxicity,\r
      a8,,Nice photos of the harbour,no,civil-comments-ni/severe_toxicity,\r
      w1,,Please cite a source for this edit,ok,wikipedia-talk/cat-small,\r
      w2,,Get lost you vandal idiot,toxic,wikipedia-talk/cat-small,\r
      """;

  private static int run(PrintStream out, String... args) {
    return ToxicityCli.run(args, out, out);
  }

  @Test
  @DisplayName("training twice on the same data writes the same model file, and it loads")
  void trainingIsReproducible(@TempDir Path dir) throws Exception {
    Path data = Files.createDirectory(dir.resolve("data"));
    Files.writeString(data.resolve("toxicity-mini.csv"), CSV, StandardCharsets.UTF_8);
    PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);

    int first = run(quiet, "train", "--task", "toxicity", "--data", data.toString(),
        "--out", dir.resolve("one.model").toString());
    int second = run(quiet, "train", "--task", "toxicity", "--data", data.toString(),
        "--out", dir.resolve("two.model").toString());

    assertThat(first).isZero();
    assertThat(second).isZero();
    assertThat(Files.readAllBytes(dir.resolve("one.model")))
        .isEqualTo(Files.readAllBytes(dir.resolve("two.model")));
    try (InputStream in = Files.newInputStream(dir.resolve("one.model"))) {
      ToxicityClassifier model = ToxicityClassifier.read(in, OnlineGuard.DEFAULTS,
          InstantSource.system());
      assertThat(model.categories()).containsExactly(ToxicityScores.INSULT,
          ToxicityScores.SEVERE_TOXICITY);
    }
  }

  @Test
  @DisplayName("a wrong command, task or option is a usage error")
  void usageErrors() {
    PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);

    assertThat(run(quiet, "predict")).isEqualTo(2);
    assertThat(run(quiet, "train", "--task", "spam")).isEqualTo(2);
    assertThat(run(quiet, "eval", "--folds", "1")).isEqualTo(2);
    assertThat(run(quiet, "eval", "--bogus")).isEqualTo(2);
  }
}
