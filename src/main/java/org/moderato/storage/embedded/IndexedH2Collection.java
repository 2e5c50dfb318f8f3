package org.moderato.storage.embedded;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.exception.MongoServerException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.h2.mvstore.MVMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * mongo-java-server's H2 collection answering queries through {@link SecondaryIndex}es: it picks
 * the index whose plan scores best, reads candidates from it (stopping at the limit when they
 * come in the requested order) and applies the full query to each. Queries a unique index can
 * answer, or no index helps with, go the stock way.
 *
 * <p>Secondary indexes live in memory: loaded from their saved copies or built when the store
 * opens (see {@link IndexedH2Database#open} and {@link IndexSnapshots}), or on first use for an
 * index created later; all of a collection's that need building are built at once, in one pass
 * over its documents. Every operation runs under the collection's lock, as in the
 * stock synchronized collection.
 */
final class IndexedH2Collection extends H2Collection {

  private static final Logger LOG = LoggerFactory.getLogger(IndexedH2Collection.class);

  private final IndexSnapshots snapshots;
  /** Set once the indexes are saved for a clean close: every write is refused from then on. */
  private boolean sealed;

  IndexedH2Collection(MongoDatabase database, String collectionName, CollectionOptions options,
      MVMap<Object, Document> dataMap, MVMap<String, Object> metaMap,
      CursorRegistry cursorRegistry, IndexSnapshots snapshots) {
    super(database, collectionName, options, dataMap, metaMap, cursorRegistry);
    this.snapshots = snapshots;
  }

  /**
   * Saves the built secondary indexes for the next open and refuses every later write, so what
   * was saved stays exactly what the file holds (see {@link IndexSnapshots}).
   */
  synchronized void sealAndSave() {
    sealed = true;
    for (Index<Object> index : getIndexes()) {
      if (index instanceof SecondaryIndex s && s.built()) {
        snapshots.save(getFullName(), s, count());
      }
    }
  }

  private void checkOpen() {
    if (sealed) {
      throw new MongoServerException("the embedded store is closing");
    }
  }

  /**
   * No running data size. mongo-java-server keeps one by encoding every inserted, updated and
   * removed document to BSON only to count its bytes, and by rewriting a metadata entry with
   * every write; nothing here reads it (a collection's {@code collStats} size stays at whatever
   * an older file recorded).
   */
  @Override
  protected boolean tracksDataSize() {
    return false;
  }

  @Override
  protected Object addDocumentInternal(Document document) {
    checkOpen();
    return super.addDocumentInternal(document);
  }

  @Override
  protected void removeDocument(Object position) {
    checkOpen();
    super.removeDocument(position);
  }

  @Override
  protected void handleUpdate(Object position, Document oldDocument, Document newDocument) {
    checkOpen();
    super.handleUpdate(position, oldDocument, newDocument);
  }

  @Override
  protected QueryResult queryDocuments(Document query, Document orderBy, int numberToSkip,
      int limit, int batchSize, Document fieldSelector) {
    for (Index<Object> index : getIndexes()) {
      if (!(index instanceof SecondaryIndex) && index.canHandle(query)) {
        return super.queryDocuments(query, orderBy, numberToSkip, limit, batchSize,
            fieldSelector);
      }
    }
    // A unique key pinned by the query (e.g. {_id, version}, a guarded update) names at most one
    // document per value: look it up instead of planning.
    Constraints constraints = Constraints.of(query);
    for (Index<Object> index : getIndexes()) {
      Document lookup = index instanceof SecondaryIndex ? null : lookup(index, constraints);
      if (lookup != null && index.canHandle(lookup)) {
        return matchDocuments(query, index.getPositions(lookup), orderBy, numberToSkip, limit,
            batchSize, fieldSelector);
      }
    }
    QueryPlan best = null;
    for (SecondaryIndex index : secondaryIndexes()) {
      QueryPlan plan = index.plan(constraints, orderBy);
      if (plan != null && (best == null || plan.score() > best.score())) {
        best = plan;
      }
    }
    if (best == null) {
      return super.queryDocuments(query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
    }
    Stream<Document> candidates = best.positions().distinct().map(this::getDocument);
    if (best.ordered()) {
      return matchDocumentsFromStream(query, candidates, numberToSkip, limit, batchSize, null,
          fieldSelector);
    }
    return matchDocumentsFromStream(candidates, query, orderBy, numberToSkip, limit, batchSize,
        fieldSelector);
  }

  /**
   * Hands out copies of the matching documents, never the instances the MVStore holds: the stock
   * update path changes the document it found in place, and the MVStore may be serializing that
   * very instance for a commit on another thread (a ConcurrentModificationException that closes
   * the store). Copies also keep results stable while they are encoded outside the lock.
   */
  @Override
  protected QueryResult matchDocumentsFromStream(Document query, Stream<Document> documents,
      int numberToSkip, int limit, int batchSize, Comparator<Document> comparator,
      Document fieldSelector) {
    Stream<Document> copies = documents
        .filter(document -> documentMatchesQuery(document, query))
        .map(Document::cloneDeeply);
    return super.matchDocumentsFromStream(query, copies, numberToSkip, limit, batchSize,
        comparator, fieldSelector);
  }

  /** An equality query on all of a unique index's keys implied by the constraints, or null. */
  private static Document lookup(Index<Object> index, Constraints constraints) {
    Document lookup = new Document();
    for (IndexKey key : index.getKeys()) {
      Constraints.Constraint c = constraints.get(key.getKey());
      if (c == null || c.points() == null || c.points().contains(null)) {
        return null;
      }
      if (c.points().size() == 1) {
        lookup.put(key.getKey(), c.points().get(0));
      } else if (index.getKeys().size() == 1) {
        lookup.put(key.getKey(), new Document("$in", c.points()));
      } else {
        return null;
      }
    }
    return lookup;
  }

  /** Builds every secondary index not built yet (one pass over the documents). */
  synchronized void buildIndexes() {
    secondaryIndexes();
  }

  /** The collection's secondary indexes, built (all in one pass) if they are not yet. */
  List<SecondaryIndex> secondaryIndexes() {
    List<SecondaryIndex> all = new ArrayList<>();
    List<SecondaryIndex> unbuilt = new ArrayList<>();
    for (Index<Object> index : getIndexes()) {
      if (index instanceof SecondaryIndex s) {
        all.add(s);
        if (!s.built()) {
          unbuilt.add(s);
        }
      }
    }
    if (!unbuilt.isEmpty()) {
      long start = System.nanoTime();
      long documents = count();
      int before = unbuilt.size();
      // One instance per document id across the collection's indexes, as a rebuild from the
      // documents would share them: the same id in ten indexes is one string, not ten.
      Map<Object, Object> shared = new HashMap<>();
      unbuilt.removeIf(index -> snapshots.load(getFullName(), index, documents, shared));
      long millis = (System.nanoTime() - start) / 1_000_000;
      if (unbuilt.size() < before && millis >= 100) {
        LOG.info("Loaded {} saved index(es) of {} in {} ms", before - unbuilt.size(),
            getCollectionName(), millis);
      }
    }
    if (!unbuilt.isEmpty()) {
      long start = System.nanoTime();
      unbuilt.forEach(SecondaryIndex::startBuild);
      long[] count = {0};
      streamAllDocumentsWithPosition().forEach(d -> {
        count[0]++;
        unbuilt.forEach(index -> index.add(d.getDocument(), d.getPosition(), this));
      });
      unbuilt.forEach(SecondaryIndex::finishBuild);
      long millis = (System.nanoTime() - start) / 1_000_000;
      if (millis >= 500) {
        LOG.info("Built {} index(es) of {} over {} documents in {} ms", unbuilt.size(),
            getCollectionName(), count[0], millis);
      }
    }
    return all;
  }
}
