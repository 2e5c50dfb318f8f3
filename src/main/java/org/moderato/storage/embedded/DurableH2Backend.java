package org.moderato.storage.embedded;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;
import java.util.Locale;
import java.util.Set;
import org.h2.mvstore.MVStore;

/**
 * The H2 backend of mongo-java-server with two changes: secondary indexes work (see {@link
 * IndexedH2Database}), and a command that writes answers only after its change is committed and
 * synced to disk. Out of the box the MVStore commits in the background
 * about once a second, so a {@code kill -9} could lose writes the client was told had succeeded.
 * Concurrent writes share one commit + fsync through {@link GroupCommit}.
 */
final class DurableH2Backend extends H2Backend {

  private static final Set<String> WRITE_COMMANDS = Set.of(
      "insert", "update", "delete", "findandmodify", "createindexes", "dropindexes",
      "deleteindexes", "drop", "dropdatabase", "create", "renamecollection");

  private final GroupCommit groupCommit;

  DurableH2Backend(MVStore store) {
    super(store);
    this.groupCommit = new GroupCommit(() -> {
      store.commit();
      store.sync();
    });
  }

  @Override
  protected MongoDatabase openOrCreateDatabase(String databaseName) {
    return IndexedH2Database.open(databaseName, getMvStore(), getCursorRegistry());
  }

  @Override
  public Document handleCommand(Channel channel, String databaseName, String command,
      Document query) {
    Document response = super.handleCommand(channel, databaseName, command, query);
    if (WRITE_COMMANDS.contains(command.toLowerCase(Locale.ROOT)) && journaled(query)) {
      groupCommit.awaitDurable();
    }
    return response;
  }

  /**
   * As in MongoDB, a write asking for {@code j: false} is acknowledged once applied; it reaches
   * the disk with the next sync. Every other write waits for its sync.
   */
  private static boolean journaled(Document command) {
    return !(command.get("writeConcern") instanceof Document concern
        && Boolean.FALSE.equals(concern.get("j")));
  }
}
