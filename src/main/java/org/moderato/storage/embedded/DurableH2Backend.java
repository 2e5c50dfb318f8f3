package org.moderato.storage.embedded;

import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;
import java.util.Locale;
import java.util.Set;
import org.h2.mvstore.MVStore;

/**
 * The H2 backend of mongo-java-server with one change: a command that writes answers only after
 * its change is committed and synced to disk. Out of the box the MVStore commits in the background
 * about once a second, so a {@code kill -9} could lose writes the client was told had succeeded.
 * Concurrent writes share one commit + fsync through {@link GroupCommit}.
 */
final class DurableH2Backend extends H2Backend {

  private static final Set<String> WRITE_COMMANDS = Set.of(
      "insert", "update", "delete", "findandmodify", "createindexes", "dropindexes",
      "deleteindexes", "drop", "dropdatabase", "create", "renamecollection");

  /**
   * Collections whose writes need not wait for a sync: anti-abuse signals are heuristics, and
   * losing the last second of them in a crash changes nothing a reader or moderator relies on.
   * They still reach disk with the next sync.
   */
  private static final Set<String> VOLATILE_COLLECTIONS = Set.of("signals");

  private final GroupCommit groupCommit;

  DurableH2Backend(MVStore store) {
    super(store);
    this.groupCommit = new GroupCommit(() -> {
      store.commit();
      store.sync();
    });
  }

  @Override
  public Document handleCommand(Channel channel, String databaseName, String command,
      Document query) {
    Document response = super.handleCommand(channel, databaseName, command, query);
    if (WRITE_COMMANDS.contains(command.toLowerCase(Locale.ROOT))
        && !VOLATILE_COLLECTIONS.contains(String.valueOf(query.get(command)))) {
      groupCommit.awaitDurable();
    }
    return response;
  }
}
