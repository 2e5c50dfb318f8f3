package org.moderato.storage.embedded;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.bson.Document;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
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
 * <p>Secondary indexes live in memory and are built on first use, all of a collection's at once
 * in one pass over its documents. Every operation runs under the collection's lock, as in the
 * stock synchronized collection.
 */
final class IndexedH2Collection extends H2Collection {

  private static final Logger LOG = LoggerFactory.getLogger(IndexedH2Collection.class);

  IndexedH2Collection(MongoDatabase database, String collectionName, CollectionOptions options,
      MVMap<Object, Document> dataMap, MVMap<String, Object> metaMap,
      CursorRegistry cursorRegistry) {
    super(database, collectionName, options, dataMap, metaMap, cursorRegistry);
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
    QueryPlan best = null;
    for (SecondaryIndex index : secondaryIndexes()) {
      QueryPlan plan = index.plan(query, orderBy);
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

  /** The collection's secondary indexes, built (all in one pass) if they are not yet. */
  private List<SecondaryIndex> secondaryIndexes() {
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
      List<Document> documents = streamAllDocumentsWithPosition()
          .map(d -> d.getDocument()).toList();
      for (SecondaryIndex index : unbuilt) {
        index.build(documents.stream());
      }
      LOG.debug("built {} index(es) of {} over {} documents in {} ms", unbuilt.size(),
          getCollectionName(), documents.size(), (System.nanoTime() - start) / 1_000_000);
    }
    return all;
  }
}
