package org.moderato.classifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvDatasetTest {

  private static final String FILE = "id,author,text,label,source,detail\r\n"
      + "yt:1,Ann,\"line one\nline two, with a comma and \"\"quotes\"\"\",spam,yt/a,CLASS=1\r\n"
      + "yt:2,,plain,ham,yt/b,\r\n";

  @Test
  void quotedTextsKeepTheirLineBreaksCommasAndQuotes() throws IOException {
    List<LabeledText> rows = CsvDataset.read(new StringReader(FILE), "test.csv");
    assertThat(rows).hasSize(2);
    assertThat(rows.get(0).text()).isEqualTo("line one\nline two, with a comma and \"quotes\"");
    assertThat(rows.get(0).author()).isEqualTo("Ann");
    assertThat(rows.get(0).label()).isEqualTo("spam");
    assertThat(rows.get(1).source()).isEqualTo("yt/b");
    assertThat(rows.get(1).author()).isEmpty();
  }

  @Test
  void missingColumnsGetDefaultsButTextAndLabelAreRequired() throws IOException {
    List<LabeledText> rows = CsvDataset.read(new StringReader("text,label\nhi,ham\n"), "f.csv");
    assertThat(rows.get(0).id()).isEqualTo("f.csv:1");
    assertThat(rows.get(0).source()).isEqualTo("f.csv");
    assertThatThrownBy(() -> CsvDataset.read(new StringReader("id,body\n1,x\n"), "bad.csv"))
        .isInstanceOf(IOException.class).hasMessageContaining("bad.csv");
  }

  @Test
  void aDirectoryContributesItsCsvFilesInNameOrder(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("b.csv"), "text,label\nsecond,ham\n");
    Files.writeString(dir.resolve("a.csv"), "text,label\nfirst,spam\n");
    Files.writeString(dir.resolve("notes.txt"), "ignored");
    assertThat(CsvDataset.readAll(List.of(dir))).extracting(LabeledText::text)
        .containsExactly("first", "second");
  }
}
