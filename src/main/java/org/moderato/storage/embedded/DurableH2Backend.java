package org.moderato.storage.embedded;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
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

  /**
   * The super constructor opens the existing databases before this class's fields are set: the
   * saved indexes, and the databases opened, travel through here (as in {@link
   * IndexedH2Database}).
   */
  private static final ThreadLocal<Opening> OPENING = new ThreadLocal<>();

  private record Opening(IndexSnapshots snapshots, List<IndexedH2Database> databases) {}

  private final GroupCommit groupCommit;
  private final IndexSnapshots snapshots;
  private final List<IndexedH2Database> databases;

  /** A backend over {@code store}, whose indexes load from {@code snapshots} where they can. */
  static DurableH2Backend open(MVStore store, IndexSnapshots snapshots) {
    OPENING.set(new Opening(snapshots, new CopyOnWriteArrayList<>()));
    try {
      return new DurableH2Backend(store);
    } finally {
      OPENING.remove();
    }
  }

  private DurableH2Backend(MVStore store) {
    super(store);
    this.snapshots = OPENING.get().snapshots();
    this.databases = OPENING.get().databases();
    this.groupCommit = new GroupCommit(() -> {
      store.commit();
      store.sync();
    });
  }

  @Override
  protected MongoDatabase openOrCreateDatabase(String databaseName) {
    Opening opening = OPENING.get();
    IndexedH2Database database = IndexedH2Database.open(databaseName, getMvStore(),
        getCursorRegistry(), snapshots != null ? snapshots : opening.snapshots());
    (databases != null ? databases : opening.databases()).add(database);
    return database;
  }

  /**
   * Saves every database's secondary indexes for the next open and refuses writes from then on;
   * the caller commits, syncs and closes the file right after.
   */
  void sealAndSaveIndexes() {
    databases.forEach(IndexedH2Database::sealAndSave);
    snapshots.markClean();
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
