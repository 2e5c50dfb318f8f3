package org.moderato.storage.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.QueryParameters;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;
import de.bwaldvogel.mongo.exception.MongoServerException;
import de.bwaldvogel.mongo.oplog.NoopOplog;
import io.netty.channel.embedded.EmbeddedChannel;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Secondary indexes saved at a clean close are loaded at the next open and answer exactly as a
 * rebuild would; after a crash (no clean close) they are rebuilt, and nothing written after a
 * save can make a saved index stale.
 */
class IndexSnapshotsTest {

  @TempDir
  Path dir;

  private final Random random = new Random(7);

  /** Queries whose answers are compared across reopenings, each with a sort. */
  private static final List<Document> QUERIES = List.of(
      query(new Document("a", 1.0), new Document("c", 1).append("_id", 1)),
      query(new Document("a", 2.0), new Document("c", -1).append("_id", -1)),
      query(new Document("b", new Document("$in", List.of("b1", "b3"))),
          new Document("c", 1).append("_id", 1)),
      query(new Document("tags", "t2"), new Document("_id", 1)),
      query(new Document("c", new Document("$gt", Instant.ofEpochSecond(1_700_000_020L))),
          new Document("c", -1).append("_id", -1)),
      query(new Document("a", null), new Document("_id", 1)));

  @Test
  void savedIndexesAreLoadedAndAnswerLikeTheRebuiltOnes() {
    Store first = open();
    createIndexes(first);
    insert(first, 0, 400);
    List<List<Object>> rebuiltAnswers = answers(first);
    first.closeCleanly();

    Store second = open();
    assertThat(second.snapshots.clean()).isTrue();
    assertThat(second.snapshots.loaded()).isEqualTo(3);
    assertThat(answers(second)).isEqualTo(rebuiltAnswers);
    // A loaded index is maintained like a built one.
    insert(second, 400, 450);
    List<List<Object>> afterMoreWrites = answers(second);
    second.closeCleanly();

    Store third = open();
    assertThat(third.snapshots.loaded()).isEqualTo(3);
    assertThat(answers(third)).isEqualTo(afterMoreWrites);
    third.crash();
  }

  @Test
  void aLoadedIndexHoldsEachDocumentIdOnceAcrossItsEntriesAndIndexes() {
    Store first = open();
    createIndexes(first);
    insert(first, 0, 200);
    ((IndexedH2Collection) first.things()).buildIndexes();
    first.closeCleanly();

    Store second = open();
    assertThat(second.snapshots.loaded()).isEqualTo(3);
    Map<Object, Object> instances = new HashMap<>();
    int[] checked = {0};
    for (SecondaryIndex index : ((IndexedH2Collection) second.things()).secondaryIndexes()) {
      index.forEachEntry(entry -> {
        Object position = entry[entry.length - 1];
        assertThat(instances.computeIfAbsent(position, p -> p)).isSameAs(position);
        for (int i = 0; i < entry.length - 1; i++) {
          if (position.equals(entry[i])) {
            assertThat(entry[i]).isSameAs(position);
            checked[0]++;
          }
        }
      });
    }
    assertThat(checked[0]).as("the a_c and b_c indexes end with _id").isEqualTo(400);
    second.crash();
  }

  @Test
  void aStopWithoutACleanCloseMeansARebuild() {
    Store first = open();
    createIndexes(first);
    insert(first, 0, 300);
    answers(first); // indexes are built on first use; only built ones are saved
    first.closeCleanly();

    // Opened cleanly, written to, then killed: the saved indexes lack these writes.
    Store second = open();
    assertThat(second.snapshots.loaded()).isEqualTo(3);
    insert(second, 300, 400);
    List<List<Object>> expected = answers(second);
    second.crash();

    Store third = open();
    assertThat(third.snapshots.clean()).isFalse();
    assertThat(third.snapshots.loaded()).isZero();
    assertThat(answers(third)).isEqualTo(expected);
    third.crash();
  }

  @Test
  void aSavedIndexThatCannotBeReadIsRebuilt() {
    Store first = open();
    createIndexes(first);
    insert(first, 0, 200);
    List<List<Object>> expected = answers(first);
    first.closeCleanly();
    // Overwrite one saved index with values of another type, as a bug or an older build might.
    MVStore raw = new MVStore.Builder().fileName(dir.resolve("store.mv.db").toString()).open();
    raw.removeMap("moderato.index.db.things.a_c");
    raw.<Long, String>openMap("moderato.index.db.things.a_c").put(0L, "not entries");
    raw.commit();
    raw.closeImmediately();

    Store second = open();
    assertThat(second.snapshots.loaded()).isEqualTo(2);
    assertThat(answers(second)).isEqualTo(expected);
    second.crash();
  }

  @Test
  void writesAfterTheSaveAreRefused() {
    Store store = open();
    createIndexes(store);
    insert(store, 0, 10);
    store.database.sealAndSave();
    assertThatThrownBy(() -> store.things().addDocument(document(11)))
        .isInstanceOf(MongoServerException.class);
    assertThat(store.things().count()).isEqualTo(10);
    store.crash();
  }

  private record Store(MVStore mvStore, IndexSnapshots snapshots, IndexedH2Database database) {

    MongoCollection<Object> things() {
      @SuppressWarnings("unchecked")
      MongoCollection<Object> collection =
          (MongoCollection<Object>) database.resolveCollection("things", true);
      return collection;
    }

    /** What {@link EmbeddedMongo} does on close. */
    void closeCleanly() {
      database.sealAndSave();
      snapshots.markClean();
      mvStore.commit();
      mvStore.sync();
      mvStore.closeImmediately();
    }

    /** Everything written so far is on disk, but the process dies without closing. */
    void crash() {
      mvStore.commit();
      mvStore.sync();
      mvStore.closeImmediately();
    }
  }

  private Store open() {
    MVStore store = new MVStore.Builder().fileName(dir.resolve("store.mv.db").toString())
        .cacheSize(1).pageSplitSize(1024).open();
    IndexSnapshots snapshots = IndexSnapshots.open(store);
    return new Store(store, snapshots,
        IndexedH2Database.open("db", store, new CursorRegistry(), snapshots));
  }

  private static void createIndexes(Store store) {
    List<Document> indexes = List.of(
        index("a_c", new Document("a", 1).append("c", 1).append("_id", 1)),
        index("b_c", new Document("b", 1).append("c", -1).append("_id", -1)),
        index("tags", new Document("tags", 1)));
    store.database.handleCommand(new EmbeddedChannel(), "createIndexes",
        new Document("createIndexes", "things").append("indexes", indexes), null,
        NoopOplog.get());
  }

  private static Document index(String name, Document keys) {
    return new Document("name", name).append("key", keys);
  }

  private void insert(Store store, int from, int to) {
    for (int i = from; i < to; i++) {
      store.things().addDocument(document(i));
    }
  }

  private Document document(int i) {
    Document d = new Document("_id", i % 3 == 0 ? new ObjectId() : (Object) ("id" + i));
    if (random.nextInt(10) > 0) {
      d.put("a", random.nextInt(10) == 0 ? null : (Object) (double) random.nextInt(4));
    }
    d.put("b", "b" + random.nextInt(5));
    d.put("c", Instant.ofEpochSecond(1_700_000_000L + random.nextInt(50)));
    List<String> tags = new ArrayList<>();
    for (int t = random.nextInt(3); t > 0; t--) {
      tags.add("t" + random.nextInt(6));
    }
    d.put("tags", tags);
    return d;
  }

  private static Document query(Document filter, Document orderBy) {
    return new Document("query", filter).append("orderby", orderBy);
  }

  private static List<List<Object>> answers(Store store) {
    return QUERIES.stream()
        .map(q -> {
          List<Object> ids = new ArrayList<>();
          store.things().handleQuery(new QueryParameters(q, 0, 0))
              .forEach(d -> ids.add(d.get("_id")));
          return ids;
        })
        .collect(Collectors.toList());
  }
}
