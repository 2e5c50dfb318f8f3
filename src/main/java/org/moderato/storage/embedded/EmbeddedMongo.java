package org.moderato.storage.embedded;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.ServerVersion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded MongoDB-wire-compatible store: mongo-java-server with its H2 (MVStore) backend,
 * keeping one file under the data directory, bound to 127.0.0.1 on a free port. The server talks
 * to it through the MongoDB driver exactly as to a real MongoDB, so nothing else knows it is
 * embedded. Every acknowledged write is on disk (see {@link DurableH2Backend}).
 *
 * <p>It is meant for one instance, development and tests; production with several instances uses
 * a real MongoDB replica set through {@code MODERATO_MONGO_URI}.
 */
public final class EmbeddedMongo implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedMongo.class);
  /** Enough I/O threads that concurrent writes can wait for a shared sync without starving reads. */
  private static final int WORKER_THREADS = 32;

  /**
   * The MVStore's page cache (its default is 16 MB). Recent comments, campaign sightings and
   * counters are read back on every post; with the default, pages were evicted and decoded again
   * from the file under a sustained post load.
   */
  private static final int CACHE_MEGABYTES = 64;

  /**
   * Keys per B-tree page (H2's default is 48). Every commit rewrites each page it changed, and
   * the path to its map's root: a duplicate marker lands on a random leaf of its map and of its
   * id index, so a post rewrote two full leaves of 48 keys and their parents. With 16, a post
   * writes 24-26 KB to the file instead of 38-43 KB, and the file grows half as fast under a
   * sustained post load (docs/performance.md, Findings 5). Large values (comments) split by size
   * well before 16 keys, so their pages do not change.
   */
  private static final int KEYS_PER_PAGE = 16;

  /** The MVStore's background commit interval once started (H2's default). */
  private static final int BACKGROUND_COMMIT_MILLIS = 1000;

  private final Path file;
  private MVStore store;
  private DurableH2Backend backend;
  private MongoServer server;
  private String connectionString;

  private EmbeddedMongo(Path file) {
    this.file = file;
  }

  /** Opens (or creates) the store under {@code dataDir} and starts serving it. */
  public static EmbeddedMongo start(Path dataDir) {
    try {
      Files.createDirectories(dataDir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create data directory " + dataDir, e);
    }
    EmbeddedMongo mongo = new EmbeddedMongo(dataDir.resolve("moderato.mv.db"));
    mongo.open(0);
    return mongo;
  }

  private void open(int port) {
    // Commits are driven by GroupCommit; the background writer, once started
    // (startBackgroundWork), also commits writes that arrive through paths we do not intercept.
    // Its compaction keeps H2's default fill rate (90): at 40, restarts and posts were faster but
    // the file grew to 4.5 GB for 121,000 comments (944 MB at 90; docs/performance.md).
    long start = System.nanoTime();
    store = new MVStore.Builder().fileName(file.toString()).cacheSize(CACHE_MEGABYTES)
        .keysPerPage(KEYS_PER_PAGE).autoCommitDisabled().open();
    long fileOpened = System.nanoTime();
    try {
      checkFormat(store, file);
    } catch (RuntimeException e) {
      store.close();
      throw e;
    }
    backend = DurableH2Backend.open(store, IndexSnapshots.open(store));
    backend.version(ServerVersion.MONGO_4_0);
    server = new MongoServer(backend);
    server.bind(new InetSocketAddress("127.0.0.1", port), 1, WORKER_THREADS);
    InetSocketAddress address = server.getLocalAddress();
    connectionString = "mongodb://127.0.0.1:" + address.getPort();
    LOG.info("Embedded store serving {} at {} (file opened in {} ms, databases in {} ms)", file,
        connectionString, (fileOpened - start) / 1_000_000, (System.nanoTime() - fileOpened) / 1_000_000);
  }

  /**
   * The bytes of documents and index keys are Moderato's own ({@link IndexedH2Database}): a file
   * is stamped with its format when created, and a file without the stamp that already holds
   * data (written by an earlier build, in mongo-java-server's stock format) is refused, never
   * misread.
   */
  private static void checkFormat(MVStore store, Path file) {
    MVMap<String, Object> meta = store.openMap(FORMAT_MAP);
    Object format = meta.get("format");
    if (format == null) {
      boolean hasData = store.getMapNames().stream().anyMatch(n -> n.startsWith("databases."));
      if (hasData) {
        throw new IllegalStateException(file + " was written by an earlier Moderato build in "
            + "another storage format; start with an empty data directory (or export the "
            + "comments with that build first)");
      }
      meta.put("format", FORMAT);
      store.commit();
    } else if (!FORMAT.equals(format)) {
      throw new IllegalStateException(file + " has storage format " + format + ", this build "
          + "reads format " + FORMAT);
    }
  }

  /**
   * Saves the secondary indexes ({@link IndexSnapshots}), commits and syncs whatever is not yet on
   * disk (unjournaled writes included), then closes the file without the MVStore's closing work;
   * called before the server shuts down, whose backend would otherwise close the store with
   * {@code MVStore.close()}. {@code MVStore.close()} also moves chunks to shrink the file: on a store grown to hundreds of MB under load that took more than 30 s, and a
   * SIGKILL in the middle of it (a supervisor's stop timeout) left the file unreadable. Closing
   * this way is exactly as safe as a crash right after a sync, which the store is built for.
   */
  private void closeStore() {
    try {
      long start = System.nanoTime();
      try {
        backend.sealAndSaveIndexes();
        LOG.info("Saved the embedded store's indexes in {} ms",
            (System.nanoTime() - start) / 1_000_000);
      } catch (RuntimeException e) {
        // Without the clean mark the next start rebuilds them; the data must still be synced.
        LOG.warn("Could not save the embedded store's indexes: {}", e.toString());
      }
      store.commit();
      store.sync();
    } finally {
      store.closeImmediately();
    }
  }

  /**
   * Starts the MVStore's background writer: a commit every second for writes no group commit
   * covered (unjournaled ones), and the compaction that rewrites sparse chunks. The store opens
   * without it because on a file just grown by a write load the compaction starts at once, takes
   * a CPU and holds the store lock: a restart right after the benchmark's seeding loaded the
   * saved indexes in 8 s instead of 4 (docs/performance.md, Findings 2). The server calls this
   * once it serves. Until then only group commits write to the file: a journaled write is synced
   * before it is answered as always, and an unjournaled one (the start's counter repair) reaches
   * the file with the next group commit or the background writer's first commit.
   */
  public synchronized void startBackgroundWork() {
    if (store != null && !store.isClosed()) {
      store.setAutoCommitDelay(BACKGROUND_COMMIT_MILLIS);
    }
  }

  private static final String FORMAT_MAP = "moderato.format";
  /** Documents as BSON, unique-index keys as BSON values. */
  private static final Integer FORMAT = 2;

  /** A connection string for the MongoDB driver, e.g. {@code mongodb://127.0.0.1:40123}. */
  public String connectionString() {
    return connectionString;
  }

  public int port() {
    return server.getLocalAddress().getPort();
  }

  /**
   * Stops serving while keeping the data: for tests that simulate a storage outage. {@link
   * #restart()} serves the same file again on the same port.
   */
  public synchronized void stop() {
    int port = port();
    closeStore();
    server.shutdownNow();
    stoppedPort = port;
  }

  private int stoppedPort;

  /** Serves the data again after {@link #stop()}, on the port it had. */
  public synchronized void restart() {
    open(stoppedPort);
    startBackgroundWork();
  }

  @Override
  public synchronized void close() {
    // The store first: shutting the server down closes it too, the slow way (see closeStore).
    if (store != null && !store.isClosed()) {
      closeStore();
    }
    if (server != null) {
      server.shutdownNow();
    }
  }
}
