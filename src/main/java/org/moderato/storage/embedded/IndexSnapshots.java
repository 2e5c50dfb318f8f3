package org.moderato.storage.embedded;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Secondary indexes saved when the store closes cleanly and loaded, instead of rebuilt, when it
 * opens next. Rebuilding reads and decodes every document (about 10 s for 30,000 comments on a
 * small machine), which used to make every restart slow; loading a saved index reads only its
 * entries, already in order.
 *
 * <p>A saved index is trusted only if nothing could have changed the collection since it was
 * saved:
 * <ul>
 *   <li>it is saved under the collection's lock, and the collection then refuses every write
 *       ({@link IndexedH2Collection#sealAndSave}) until the store is closed;</li>
 *   <li>the {@code clean} mark is written in the same commit as the indexes, the last one before
 *       the file closes, and is removed as the store opens, before any write, so a process that
 *       dies without a clean close leaves no mark and its indexes are rebuilt;</li>
 *   <li>each index's entry in the catalog names the save format, its keys and the collection's
 *       document count, and a mismatch means a rebuild.</li>
 * </ul>
 * A saved index that cannot be read is rebuilt too: a start never fails for one.
 * Loaded indexes are removed from the file: from then on the in-memory index is the only one.
 */
final class IndexSnapshots {

  static final String CATALOG = "moderato.indexes";
  private static final String SNAPSHOT_PREFIX = "moderato.index.";
  private static final String CLEAN = "clean";
  /** Changes whenever the way entries are saved changes: older saves are then rebuilt. */
  private static final String FORMAT = "entries-v4";
  private static final Logger LOG = LoggerFactory.getLogger(IndexSnapshots.class);
  /** Entries per stored value. */
  private static final int BATCH = 512;

  private final MVStore store;
  private final MVMap<String, String> catalog;
  private final boolean clean;
  /** Collections load side by side ({@link IndexedH2Database}). */
  private final AtomicInteger loaded = new AtomicInteger();

  private IndexSnapshots(MVStore store, boolean clean) {
    this.store = store;
    this.catalog = store.openMap(CATALOG);
    this.clean = clean;
  }

  /**
   * Reads and removes the clean mark; after an unclean stop, drops whatever indexes an earlier
   * clean stop saved, since the data may have changed since.
   */
  static IndexSnapshots open(MVStore store) {
    MVMap<String, String> catalog = store.openMap(CATALOG);
    boolean clean = catalog.remove(CLEAN) != null;
    IndexSnapshots snapshots = new IndexSnapshots(store, clean);
    if (!clean) {
      snapshots.dropAll();
    }
    return snapshots;
  }

  /** Whether the file was closed cleanly with its indexes saved. */
  boolean clean() {
    return clean;
  }

  /**
   * Loads {@code index} of the collection named {@code collection} (full name) holding {@code
   * documents} documents from its saved entries; false, leaving the index unbuilt, if there are
   * none to trust. Positions (document ids) become one instance per document through {@code
   * shared}, and so do the key components equal to them, as a rebuild from the documents would
   * share them: a comment's id is its position in all ten indexes and a key component in five
   * (45 MB of 410 with 121,000 comments). Leading components repeat within a batch and are
   * shared there already. Dates are not shared: a map of them cost more start time than the
   * 25 MB it saved.
   */
  boolean load(String collection, SecondaryIndex index, long documents,
      Map<Object, Object> shared) {
    String name = collection + "." + index.getName();
    String saved = catalog.remove(name);
    String expected = description(index, documents);
    boolean usable = clean && saved != null
        && saved.substring(0, saved.lastIndexOf(';')).equals(expected);
    if (usable) {
      try {
        List<Object[]> entries = new ArrayList<>();
        for (Object[][] batch : entriesMap(name).values()) {
          for (Object[] entry : batch) {
            int last = entry.length - 1;
            Object position = shared.computeIfAbsent(entry[last], v -> v);
            entry[last] = position;
            for (int i = 0; i < last; i++) {
              if (position.equals(entry[i])) {
                entry[i] = position;
              }
            }
            entries.add(entry);
          }
        }
        index.load(entries, multikey(saved.substring(saved.lastIndexOf(';') + 1)));
        loaded.incrementAndGet();
      } catch (RuntimeException e) {
        // Never worth failing the start for: the index can always be rebuilt.
        LOG.warn("Could not load the saved index {}, rebuilding it: {}", name, e.toString());
        usable = false;
      }
    }
    try {
      store.removeMap(SNAPSHOT_PREFIX + name);
    } catch (RuntimeException e) {
      LOG.warn("Could not remove the saved index {}: {}", name, e.toString());
    }
    return usable;
  }

  /** How many indexes were loaded instead of rebuilt since the store opened. */
  int loaded() {
    return loaded.get();
  }

  /** Saves a built index's entries, in index order, with what its catalog entry checks. */
  void save(String collection, SecondaryIndex index, long documents) {
    String name = collection + "." + index.getName();
    MVMap<Long, Object[][]> map = entriesMap(name);
    map.clear();
    List<Object[]> batch = new ArrayList<>(BATCH);
    index.forEachEntry(entry -> {
      batch.add(entry);
      if (batch.size() == BATCH) {
        map.put((long) map.size(), batch.toArray(Object[][]::new));
        batch.clear();
      }
    });
    if (!batch.isEmpty()) {
      map.put((long) map.size(), batch.toArray(Object[][]::new));
    }
    StringBuilder flags = new StringBuilder();
    for (boolean array : index.multikey()) {
      flags.append(array ? '1' : '0');
    }
    catalog.put(name, description(index, documents) + ";" + flags);
  }

  /** Marks the indexes saved so far as trustworthy: the last write before the file closes. */
  void markClean() {
    catalog.put(CLEAN, "true");
  }

  /** The per-key multikey flags as saved: one '0' or '1' per key. */
  private static boolean[] multikey(String flags) {
    boolean[] out = new boolean[flags.length()];
    for (int i = 0; i < out.length; i++) {
      out[i] = flags.charAt(i) == '1';
    }
    return out;
  }

  private void dropAll() {
    List<String> names = new ArrayList<>(catalog.keySet());
    for (String name : names) {
      catalog.remove(name);
    }
    for (String map : store.getMapNames()) {
      if (map.startsWith(SNAPSHOT_PREFIX)) {
        store.removeMap(map);
      }
    }
  }

  private MVMap<Long, Object[][]> entriesMap(String name) {
    return store.openMap(SNAPSHOT_PREFIX + name,
        new MVMap.Builder<Long, Object[][]>().valueType(EntryBatchType.INSTANCE));
  }

  /** The index's keys and options and the collection's size, as the catalog records them. */
  private static String description(SecondaryIndex index, long documents) {
    return FORMAT + ";" + index.definition() + ";documents=" + documents;
  }
}
