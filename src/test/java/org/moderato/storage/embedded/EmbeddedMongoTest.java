package org.moderato.storage.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded store opens without the MVStore's background writer (its compaction would compete
 * with the start) and starts it when the server says it serves.
 */
class EmbeddedMongoTest {

  @TempDir
  Path dir;

  @Test
  void theBackgroundWriterStartsOnlyWhenAskedTo() {
    EmbeddedMongo store = EmbeddedMongo.start(dir);
    try {
      assertThat(backgroundWriters()).isZero();
      store.startBackgroundWork();
      assertThat(backgroundWriters()).isEqualTo(1);
      store.startBackgroundWork();
      assertThat(backgroundWriters()).as("asking twice starts one").isEqualTo(1);
    } finally {
      store.close();
    }
  }

  /** H2 names the thread after the file. */
  private long backgroundWriters() {
    String file = dir.resolve("moderato.mv.db").toString();
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.isAlive() && t.getName().startsWith("MVStore background writer")
            && t.getName().contains(file))
        .count();
  }
}
