package org.moderato.classifier;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClassifierCliTest {

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String... args) {
    return ClassifierCli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  private static Path writeData(Path dir) throws IOException {
    StringBuilder csv = new StringBuilder("id,author,text,label,source,detail\r\n");
    String[][] spam = {{"a", "subscribe to my channel"}, {"a", "check out my new video"},
        {"b", "free gift cards at giftfree.com"}, {"b", "visit my website for cheap watches"}};
    String[][] ham = {{"a", "great song, love it"}, {"a", "this video is so funny"},
        {"b", "the council voted on taxes"}, {"b", "what a lovely park"}};
    int id = 0;
    for (String[] row : spam) {
      csv.append("t:").append(id++).append(",,").append(row[1]).append(",spam,").append(row[0])
          .append(",\r\n");
    }
    for (String[] row : ham) {
      csv.append("t:").append(id++).append(",,").append(row[1]).append(",ham,").append(row[0])
          .append(",\r\n");
    }
    Path file = dir.resolve("tiny.csv");
    Files.writeString(file, csv);
    return file;
  }

  @Test
  void trainWritesAModelThatEvalThenReportsPerSourceAndOverall(@TempDir Path dir)
      throws IOException {
    Path data = writeData(dir);
    Path model = dir.resolve("out/spam.model");
    assertThat(run("train", "--task", "spam", "--data", data.toString(), "--out",
        model.toString())).isEqualTo(0);
    assertThat(model).exists();
    assertThat(LogisticModel.read(Files.newInputStream(model)).name()).isEqualTo("spam");

    out.reset();
    assertThat(run("eval", "--task", "spam", "--data", data.toString(), "--model",
        model.toString())).isEqualTo(0);
    String report = out.toString(StandardCharsets.UTF_8);
    assertThat(report).contains("ROC-AUC", "recall", "prec", "FPR", "hold>=0.50", "spam>=0.95",
        "median", "p99");
    assertThat(report.lines().filter(l -> l.startsWith("a ") || l.startsWith("b ")
        || l.startsWith("overall"))).hasSize(3);
  }

  @Test
  void crossValidationScoresEverySourceWithAModelThatNeverSawIt(@TempDir Path dir)
      throws IOException {
    Path data = writeData(dir);
    assertThat(run("eval", "--task", "spam", "--data", data.toString(), "--cv", "source"))
        .isEqualTo(0);
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("Leave-one-source-out", "overall");
  }

  @Test
  void usageErrorsExitWithTwoAndSayWhatIsWrong() {
    assertThat(run()).isEqualTo(2);
    assertThat(run("eval", "--task", "nonsense", "--data", "x.csv")).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("--task must be one of");
    assertThat(run("eval", "--task", "spam")).isEqualTo(2);
    assertThat(run("eval", "--task", "spam", "--data", "x.csv", "--cv", "random")).isEqualTo(2);
    assertThat(run("eval", "--bogus")).isEqualTo(2);
  }

  @Test
  void aTaskWithItsOwnCommandLineGetsTheWholeArgumentList() {
    assertThat(run("eval", "--task", "toxicity", "--bogus")).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).doesNotContain("--task must be one of");
    assertThat(run()).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("spam", "toxicity");
  }

  @Test
  void unreadableDataIsAFailureNotAUsageError(@TempDir Path dir) {
    assertThat(run("eval", "--task", "spam", "--data", dir.resolve("missing.csv").toString()))
        .isEqualTo(1);
  }
}
