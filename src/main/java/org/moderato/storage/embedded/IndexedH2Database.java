package org.moderato.storage.embedded;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * mongo-java-server's H2 database with working secondary indexes and faster storage: non-unique
 * indexes become {@link SecondaryIndex}es (the stock database ignores them), collections are
 * {@link IndexedH2Collection}s that plan queries with them, documents are stored as BSON
 * ({@link DocumentType}) and unique-index keys as BSON values ({@link KeyValueType}). Map names
 * are the stock ones but the bytes are not: {@link EmbeddedMongo} refuses a file in the stock
 * format rather than misread it.
 */
final class IndexedH2Database extends H2Database {

  /**
   * The super constructor opens the existing collections before this class's fields are set:
   * what they need, and the collections opened, travel through here.
   */
  private static final ThreadLocal<Opening> OPENING = new ThreadLocal<>();

  private record Opening(MVStore store, IndexSnapshots snapshots,
      List<IndexedH2Collection> collections) {}

  private static final String DATABASES_PREFIX = "databases.";
  private static final String META_PREFIX = "meta.";

  private final MVStore store;
  private final IndexSnapshots snapshots;
  /** Every collection opened, dropped ones included (see {@link #sealAndSave}). */
  private final List<IndexedH2Collection> opened = new CopyOnWriteArrayList<>();

  private IndexedH2Database(String name, MVStore store, CursorRegistry cursors,
      IndexSnapshots snapshots, List<IndexedH2Collection> openedBySuper) {
    super(name, store, cursors);
    this.store = store;
    this.snapshots = snapshots;
    this.opened.addAll(openedBySuper);
  }

  /**
   * Opens the database and loads (or builds, one pass each) the secondary indexes of its existing
   * collections before anyone queries: built lazily instead, the first query of a large collection
   * would hold its lock for as long as the build takes, and requests behind it time out.
   */
  static IndexedH2Database open(String name, MVStore store, CursorRegistry cursors,
      IndexSnapshots snapshots) {
    Opening opening = new Opening(store, snapshots, new ArrayList<>());
    OPENING.set(opening);
    IndexedH2Database database;
    try {
      database = new IndexedH2Database(name, store, cursors, snapshots, opening.collections());
    } finally {
      OPENING.remove();
    }
    buildIndexes(opening.collections());
    return database;
  }

  /**
   * Loads (or builds) the collections' indexes, a collection per CPU at a time, largest first: on
   * a restart of a large store this is most of the start, and one collection loads on one thread
   * (121,000 comments on 2 CPUs: 4.1-4.5 s side by side, 4.9-5.4 s one after the other).
   */
  private static void buildIndexes(List<IndexedH2Collection> collections) {
    if (collections.size() < 2) {
      collections.forEach(IndexedH2Collection::buildIndexes);
      return;
    }
    List<IndexedH2Collection> largestFirst = new ArrayList<>(collections);
    largestFirst.sort(Comparator.comparingInt((IndexedH2Collection c) -> c.count()).reversed());
    int threads = Math.min(collections.size(), Runtime.getRuntime().availableProcessors());
    ExecutorService pool = Executors.newFixedThreadPool(threads, task -> {
      Thread thread = new Thread(task, "moderato-index-load");
      thread.setDaemon(true);
      return thread;
    });
    try {
      List<Future<?>> loads = largestFirst.stream()
          .<Future<?>>map(c -> pool.submit(c::buildIndexes)).toList();
      for (Future<?> load : loads) {
        load.get();
      }
    } catch (ExecutionException e) {
      throw e.getCause() instanceof RuntimeException r ? r
          : new IllegalStateException("could not load the indexes", e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while loading the indexes", e);
    } finally {
      pool.shutdown();
    }
  }

  @Override
  protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName,
      List<IndexKey> keys, boolean sparse) {
    MVMap<KeyValue, Object> map = mvStore().openMap(
        getFullCollectionNamespace(collectionName) + "._index_" + indexName,
        new MVMap.Builder<KeyValue, Object>().keyType(KeyValueType.INSTANCE));
    return new UniqueIndex(map, indexName, keys, sparse);
  }

  @Override
  protected Index<Object> openOrCreateSecondaryIndex(String collectionName, String indexName,
      List<IndexKey> keys, boolean sparse) {
    return new SecondaryIndex(indexName, keys, sparse);
  }

  @Override
  protected MongoCollection<Object> openOrCreateCollection(String collectionName,
      CollectionOptions options) {
    String fullName = getFullCollectionNamespace(collectionName);
    MVMap<Object, Document> dataMap = mvStore().openMap(DATABASES_PREFIX + fullName,
        new MVMap.Builder<Object, Document>().valueType(DocumentType.INSTANCE));
    MVMap<String, Object> metaMap = mvStore().openMap(META_PREFIX + fullName);
    IndexedH2Collection collection = new IndexedH2Collection(this, collectionName, options,
        dataMap, metaMap, cursorRegistry, snapshots != null ? snapshots : OPENING.get().snapshots());
    Opening opening = OPENING.get();
    if (opening != null) {
      opening.collections().add(collection);
    } else {
      opened.add(collection);
    }
    return collection;
  }

  /**
   * Saves the secondary indexes of every live collection and seals it against writes, for a
   * clean close (see {@link IndexSnapshots}). A dropped collection is skipped: a collection
   * created later under its name has other data.
   */
  void sealAndSave() {
    for (IndexedH2Collection collection : opened) {
      if (resolveCollection(collection.getCollectionName(), false) == collection) {
        collection.sealAndSave();
      }
    }
  }

  private MVStore mvStore() {
    return store != null ? store : OPENING.get().store();
  }
}
