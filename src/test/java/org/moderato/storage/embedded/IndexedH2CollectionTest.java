package org.moderato.storage.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.ArrayFilters;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.oplog.NoopOplog;
import java.nio.file.Path;
import java.util.List;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The MVStore serializes the documents it holds on the committing thread, without the
 * collection's lock, so nobody may change a stored instance: the stock update path changes the
 * document a query found, in place (in production that closed the store with a
 * ConcurrentModificationException mid-commit). Queries must hand out copies.
 */
class IndexedH2CollectionTest {

  @Test
  void queriesHandOutCopiesNotTheStoredDocuments(@TempDir Path dir) {
    MVStore store = new MVStore.Builder().fileName(dir.resolve("t.mv.db").toString()).open();
    IndexedH2Database database = IndexedH2Database.open("db", store, new CursorRegistry(),
        IndexSnapshots.open(store));
    MongoCollection<Object> things = database.openOrCreateCollection("things",
        CollectionOptions.withDefaults());
    things.addIndex(database.openOrCreateUniqueIndex("things", "_id_",
        List.of(new IndexKey("_id", true)), false));
    things.addIndex(new SecondaryIndex("kind_1", List.of(new IndexKey("kind", true)), false));
    things.addDocument(new Document("_id", "a").append("kind", "k").append("n", 1));

    for (Document query : List.of(new Document("_id", "a"), new Document("kind", "k"),
        new Document("n", 1))) {
      Document found = things.handleQuery(query).iterator().next();
      found.put("changedByCaller", true);
      assertThat(things.handleQuery(query).iterator().next()).as("%s", query)
          .doesNotContainKey("changedByCaller");
    }

    Document before = things.handleQuery(new Document("_id", "a")).iterator().next();
    things.updateDocuments(new Document("_id", "a"),
        new Document("$set", new Document("mark", true)).append("$inc", new Document("n", 1)),
        ArrayFilters.empty(), false, false, NoopOplog.get());
    assertThat(before).doesNotContainKey("mark").containsEntry("n", 1);
    assertThat(things.handleQuery(new Document("_id", "a")).iterator().next())
        .containsEntry("mark", true).containsEntry("n", 2);
    store.close();
  }
}
