package org.moderato.storage.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.ArrayFilters;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.QueryParameters;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.oplog.NoopOplog;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;

/**
 * The indexed collection must answer every query exactly like the stock one (a full scan): same
 * documents, same order where an order is asked for. Thousands of random queries, sorts, limits
 * and skips over random documents, with updates and deletes in between.
 */
class SecondaryIndexTest {

  private static final String[] ORDERS = {
      "", "c:1,_id:1", "c:-1,_id:-1", "b:1,c:1,_id:1", "a:1,c:-1,_id:-1", "r:-1,c:1,_id:1",
      "_id:1"};

  private final Random random = new Random(42);
  private final CursorRegistry cursors = new CursorRegistry();
  private final MVStore store = fileStore();
  private final IndexedH2Database database = IndexedH2Database.open("db", store, cursors,
      IndexSnapshots.open(store));
  private final MongoCollection<Object> indexed = withIdIndex(
      database.openOrCreateCollection("things", CollectionOptions.withDefaults()));
  private final MongoCollection<Object> stock = new StockDatabase(MVStore.open(null), cursors)
      .collection("things");

  @Test
  void randomQueriesAnswerLikeAFullScan() {
    indexed.addIndex(sparse("a", "a:1")); // first, so it wins ties and gets used
    indexed.addIndex(index("abc", "a:1,b:1,c:1,_id:1"));
    indexed.addIndex(index("brc", "b:1,r:-1,c:1,_id:1"));
    indexed.addIndex(index("tags", "tags:1"));
    indexed.addIndex(index("tagsc", "tags:1,c:-1,_id:-1"));
    indexed.addIndex(index("c", "c:-1,_id:-1"));
    for (int i = 0; i < 300; i++) {
      insert(document(i));
    }
    for (int round = 0; round < 600; round++) {
      if (round % 10 == 0) {
        mutate();
        store.commit();
      }
      Document query = query(2);
      String order = ORDERS[random.nextInt(ORDERS.length)];
      int limit = random.nextInt(4) == 0 ? 0 : 1 + random.nextInt(30);
      int skip = random.nextInt(4) == 0 ? random.nextInt(10) : 0;
      List<Object> expected = ids(stock, query, order, skip, limit);
      List<Object> actual = ids(indexed, query, order, skip, limit);
      if (order.isEmpty()) {
        if (limit == 0 && skip == 0) {
          expected.sort(Comparator.comparing(Object::toString));
          actual.sort(Comparator.comparing(Object::toString));
          assertThat(actual).as("%s", query).isEqualTo(expected);
        } else {
          assertThat(actual).as("%s", query).hasSameSizeAs(expected);
          List<Object> all = ids(stock, query, "", 0, 0);
          assertThat(all).as("%s", query).containsAll(actual);
        }
      } else {
        assertThat(actual).as("%s sorted %s skip %d limit %d", query, order, skip, limit)
            .isEqualTo(expected);
      }
    }
  }

  @Test
  void indexesBuiltLaterSeeEarlierDocuments() {
    for (int i = 0; i < 50; i++) {
      insert(document(i));
    }
    indexed.addIndex(index("abc", "a:1,b:1,c:1,_id:1"));
    Document query = new Document("a", 1.0);
    assertThat(ids(indexed, query, "c:1,_id:1", 0, 0))
        .isEqualTo(ids(stock, query, "c:1,_id:1", 0, 0))
        .isNotEmpty();
  }

  private MongoCollection<Object> withIdIndex(MongoCollection<Object> collection) {
    collection.addIndex(database.openOrCreateUniqueIndex("things", "_id_",
        List.of(new IndexKey("_id", true)), false));
    return collection;
  }

  /** On disk with a tiny cache, so pages are written and read back through the BSON types. */
  private static MVStore fileStore() {
    try {
      Path file = Files.createTempFile("secondary-index", ".mv.db");
      file.toFile().deleteOnExit();
      return new MVStore.Builder().fileName(file.toString()).cacheSize(1).pageSplitSize(1024)
          .open();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void insert(Document d) {
    indexed.addDocument(d.cloneDeeply());
    stock.addDocument(d.cloneDeeply());
  }

  private void mutate() {
    int n = 1000 + random.nextInt(100_000);
    switch (random.nextInt(3)) {
      case 0 -> insert(document(n));
      case 1 -> {
        Document selector = query(1);
        Document update = new Document("$set", new Document("a", (double) random.nextInt(4))
            .append("r", random.nextDouble()));
        indexed.updateDocuments(selector, update, ArrayFilters.empty(), true, false,
            NoopOplog.get());
        stock.updateDocuments(selector, update, ArrayFilters.empty(), true, false,
            NoopOplog.get());
      }
      default -> {
        // Delete every match: "the first match" depends on the order of the scan.
        Document selector = new Document("$and", List.of(query(1),
            new Document("_id", new Document("$lt", String.format("id%06d", random.nextInt(400))))));
        indexed.deleteDocuments(selector, 0, NoopOplog.get());
        stock.deleteDocuments(selector, 0, NoopOplog.get());
      }
    }
  }

  private Document document(int i) {
    Document d = new Document("_id", String.format("id%06d", i));
    if (random.nextInt(10) > 0) {
      d.put("a", random.nextInt(10) == 0 ? null : (Object) (double) random.nextInt(4));
    }
    d.put("b", "b" + random.nextInt(5));
    d.put("c", Instant.ofEpochSecond(1_700_000_000L + random.nextInt(50)));
    d.put("r", random.nextInt(3) == 0 ? 0.0 : random.nextDouble());
    List<String> tags = new ArrayList<>();
    for (int t = random.nextInt(3); t > 0; t--) {
      tags.add("t" + random.nextInt(6));
    }
    d.put("tags", tags);
    return d;
  }

  private Document query(int depth) {
    Document q = new Document();
    int parts = random.nextInt(3);
    for (int p = 0; p < parts; p++) {
      switch (random.nextInt(depth > 0 ? 8 : 6)) {
        case 0 -> q.put("a", (double) random.nextInt(4));
        case 1 -> q.put("b", new Document("$in", List.of("b" + random.nextInt(5),
            "b" + random.nextInt(5))));
        case 2 -> q.put("c", new Document(random.nextBoolean() ? "$gt" : "$lte",
            Instant.ofEpochSecond(1_700_000_000L + random.nextInt(50))));
        case 3 -> q.put("tags", random.nextBoolean() ? "t" + random.nextInt(6)
            : new Document("$in", List.of("t" + random.nextInt(6), "t" + random.nextInt(6),
                "t" + random.nextInt(6))));
        case 4 -> q.put("r", new Document("$gte", random.nextDouble()).append("$lt", 0.9));
        case 5 -> q.put(random.nextBoolean() ? "a" : "_id", random.nextBoolean() ? null
            : random.nextBoolean() ? String.format("id%06d", random.nextInt(300))
            : new Document("$in", List.of(String.format("id%06d", random.nextInt(300)),
                String.format("id%06d", random.nextInt(300)))));
        case 6 -> q.put("$or", List.of(query(depth - 1), query(depth - 1)));
        default -> q.put("$and", List.of(query(depth - 1), query(depth - 1)));
      }
    }
    return q;
  }

  private static List<Object> ids(MongoCollection<Object> collection, Document query,
      String order, int skip, int limit) {
    Document selector = order.isEmpty() ? query
        : new Document("query", query).append("orderby", keys(order));
    List<Object> ids = new ArrayList<>();
    collection.handleQuery(new QueryParameters(selector, skip, limit))
        .forEach(d -> ids.add(d.get("_id")));
    return ids;
  }

  private static SecondaryIndex index(String name, String keys) {
    List<IndexKey> list = new ArrayList<>();
    keys(keys).forEach((k, v) -> list.add(new IndexKey(k, ((Integer) v) > 0)));
    return new SecondaryIndex(name, list, false);
  }

  private static SecondaryIndex sparse(String name, String keys) {
    List<IndexKey> list = new ArrayList<>();
    keys(keys).forEach((k, v) -> list.add(new IndexKey(k, ((Integer) v) > 0)));
    return new SecondaryIndex(name, list, true);
  }

  private static Document keys(String spec) {
    Document d = new Document();
    for (String part : spec.split(",")) {
      String[] kv = part.split(":");
      d.put(kv[0], Integer.parseInt(kv[1]));
    }
    return d;
  }

  /** The stock database, to compare with: its secondary indexes are ignored (full scans). */
  private static final class StockDatabase extends H2Database {
    StockDatabase(MVStore store, CursorRegistry cursors) {
      super("db", store, cursors);
    }

    MongoCollection<Object> collection(String name) {
      return openOrCreateCollection(name, CollectionOptions.withDefaults());
    }
  }
}
