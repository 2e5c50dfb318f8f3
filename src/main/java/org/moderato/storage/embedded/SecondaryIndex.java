package org.moderato.storage.embedded;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.backend.Utils;
import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.bson.Document;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.NavigableSet;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.stream.Stream;

/**
 * A non-unique (compound, multikey) index for the embedded store, which out of the box ignores
 * every index that is not unique and answers each query with a full scan. Entries are kept in
 * memory in index order and rebuilt from the collection when the store opens (see {@link
 * IndexedH2Collection}); nothing about them is written to disk, so the file format stays
 * mongo-java-server's own.
 *
 * <p>The index never decides what matches: a {@link QueryPlan} only narrows the candidates to a
 * superset of the matching documents, in the requested order when it can, and the collection
 * still applies the full query to each candidate. That keeps it correct for any query, and as
 * fast as a real MongoDB's index for the ones our repositories send: equality on a prefix of the
 * keys, then a range and a sort on the next ones.
 *
 * <p>Positions are the documents' {@code _id} values, as in {@code H2Collection}. Every method is
 * called under the collection's lock.
 */
final class SecondaryIndex extends Index<Object> {

  /** Probe components that sort before or after every value, whatever the key's direction. */
  private enum Bound { LOW, HIGH }

  private record Entry(Object[] key, Object position) {}

  private final String[] fields;
  private final boolean[] descending;
  private final ConcurrentSkipListSet<Entry> entries;
  private boolean built;
  private boolean multikey;

  SecondaryIndex(String name, List<IndexKey> keys, boolean sparse) {
    super(name, keys, sparse);
    this.fields = keys.stream().map(IndexKey::getKey).toArray(String[]::new);
    this.descending = new boolean[keys.size()];
    for (int i = 0; i < keys.size(); i++) {
      descending[i] = !keys.get(i).isAscending();
    }
    this.entries = new ConcurrentSkipListSet<>(this::compareEntries);
  }

  boolean built() {
    return built;
  }

  /** Fills the index from every document of the collection; until then it offers no plans. */
  void build(Stream<Document> documents) {
    entries.clear();
    multikey = false;
    built = true;
    documents.forEach(this::insert);
  }

  // ---- maintenance -----------------------------------------------------------------------

  @Override
  public Object getPosition(Document document) {
    return positionOf(document);
  }

  @Override
  public void checkAdd(Document document, MongoCollection<Object> collection) {
    // not unique: nothing to check
  }

  @Override
  public void add(Document document, Object position, MongoCollection<Object> collection) {
    if (built) {
      insert(document);
    }
  }

  @Override
  public Object remove(Document document) {
    Object position = positionOf(document);
    if (built) {
      for (KeyValue key : getKeyValues(document)) {
        entries.remove(new Entry(components(key), position));
      }
    }
    return position;
  }

  @Override
  public void checkUpdate(Document oldDocument, Document newDocument,
      MongoCollection<Object> collection) {
    // not unique: nothing to check
  }

  @Override
  public void updateInPlace(Document oldDocument, Document newDocument, Object position,
      MongoCollection<Object> collection) {
    if (built && !nullAwareEqualsKeys(oldDocument, newDocument)) {
      remove(oldDocument);
      insert(newDocument);
    }
  }

  /** Never empty for the generic index build: {@link #build} fills it in one pass instead. */
  @Override
  public boolean isEmpty() {
    return false;
  }

  @Override
  public long getCount() {
    return entries.size();
  }

  @Override
  public long getDataSize() {
    return 0;
  }

  @Override
  public void drop() {
    entries.clear();
  }

  @Override
  public boolean canHandle(Document query) {
    return false; // planned by IndexedH2Collection, never through the generic path
  }

  @Override
  public Iterable<Object> getPositions(Document query) {
    throw new UnsupportedOperationException("use plan()");
  }

  private void insert(Document document) {
    Object position = positionOf(document);
    for (String field : fields) {
      if (Utils.getSubdocumentValueCollectionAware(document, field) instanceof Collection) {
        multikey = true;
      }
    }
    for (KeyValue key : getKeyValues(document)) {
      entries.add(new Entry(components(key), position));
    }
  }

  private static Object positionOf(Document document) {
    return document.get("_id");
  }

  private static Object[] components(KeyValue key) {
    Object[] out = new Object[key.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = normalize(key.get(i));
    }
    return out;
  }

  // ---- planning --------------------------------------------------------------------------

  /**
   * How this index would answer {@code query} sorted by {@code orderBy}, or null when it would
   * not help (no constrained leading key and no order it can give).
   */
  QueryPlan plan(Document query, Document orderBy) {
    if (!built) {
      return null;
    }
    Constraints constraints = Constraints.of(query);
    List<Object[]> prefixes = new ArrayList<>();
    prefixes.add(new Object[0]);
    int equalities = 0;
    boolean fixed = true; // every equality so far has a single value
    while (equalities < fields.length) {
      Constraints.Constraint c = constraints.get(fields[equalities]);
      if (c == null || c.points() == null) {
        break;
      }
      if (prefixes.size() * c.points().size() > 256) {
        break;
      }
      List<Object[]> next = new ArrayList<>();
      for (Object[] prefix : prefixes) {
        for (Object point : c.points()) {
          Object[] longer = Arrays.copyOf(prefix, prefix.length + 1);
          longer[prefix.length] = normalize(point);
          next.add(longer);
        }
      }
      fixed &= c.points().size() == 1;
      prefixes = next;
      equalities++;
    }
    Constraints.Constraint range = equalities < fields.length
        ? constraints.get(fields[equalities]) : null;
    boolean ranged = range != null && range.points() == null;

    Boolean reverse = order(orderBy, constraints, equalities);
    boolean ordered = reverse != null && fixed && !multikey;
    double score = equalities * 2 + (ranged ? 1 : 0);
    if (score == 0 && !(ordered && orderBy != null && !orderBy.isEmpty())) {
      return null;
    }
    if (ordered) {
      score += 0.5;
    }
    List<NavigableSet<Entry>> slices = new ArrayList<>();
    for (Object[] prefix : prefixes) {
      Entry from = probe(prefix, ranged ? range : null, true);
      Entry to = probe(prefix, ranged ? range : null, false);
      if (compareEntries(from, to) > 0) {
        continue; // an empty range, such as {$gt: 5, $lt: 3}
      }
      NavigableSet<Entry> slice = entries.subSet(from, true, to, true);
      slices.add(ordered && reverse ? slice.descendingSet() : slice);
    }
    return new QueryPlan(getName(), score, ordered,
        slices.stream().flatMap(NavigableSet::stream).map(Entry::position));
  }

  /**
   * Whether walking this index gives the order asked for: null if not, else whether it must be
   * walked backwards. Sort keys pinned by an equality are constants and can be skipped.
   */
  private Boolean order(Document orderBy, Constraints constraints, int equalities) {
    if (orderBy == null || orderBy.isEmpty()) {
      return Boolean.FALSE;
    }
    int next = equalities;
    Boolean reverse = null;
    for (String field : orderBy.keySet()) {
      if (field.startsWith("$")) {
        return null;
      }
      if (!(orderBy.get(field) instanceof Number direction)) {
        return null;
      }
      boolean desc = direction.doubleValue() < 0;
      int at = indexOf(field);
      if (at >= 0 && at < equalities) {
        Constraints.Constraint c = constraints.get(field);
        if (c != null && c.points() != null && c.points().size() == 1) {
          continue;
        }
        return null;
      }
      if (at != next) {
        return null;
      }
      boolean flipped = desc != descending[at];
      if (reverse != null && reverse != flipped) {
        return null;
      }
      reverse = flipped;
      next++;
    }
    return reverse == null ? Boolean.FALSE : reverse;
  }

  private int indexOf(String field) {
    for (int i = 0; i < fields.length; i++) {
      if (fields[i].equals(field)) {
        return i;
      }
    }
    return -1;
  }

  /** The first (or last) possible entry for {@code prefix} and an optional range after it. */
  private Entry probe(Object[] prefix, Constraints.Constraint range, boolean first) {
    Object[] key = new Object[fields.length];
    System.arraycopy(prefix, 0, key, 0, prefix.length);
    int at = prefix.length;
    Object rest = first ? Bound.LOW : Bound.HIGH;
    if (range != null && at < fields.length) {
      // In index order a descending key starts at its range's upper end.
      boolean lowEnd = first != descending[at];
      Object value = lowEnd ? range.low() : range.high();
      boolean inclusive = lowEnd ? range.lowInclusive() : range.highInclusive();
      if (value == null) {
        key[at] = rest;
      } else {
        key[at] = normalize(value);
        // Inclusive: reach every entry with this value; exclusive: skip them all.
        rest = inclusive == first ? Bound.LOW : Bound.HIGH;
      }
      at++;
    }
    for (int i = at; i < fields.length; i++) {
      key[i] = rest;
    }
    return new Entry(key, rest);
  }

  private int compareEntries(Entry a, Entry b) {
    for (int i = 0; i < fields.length; i++) {
      int c = compareComponent(a.key[i], b.key[i], descending[i]);
      if (c != 0) {
        return c;
      }
    }
    return compareComponent(a.position, b.position, false);
  }

  private static int compareComponent(Object a, Object b, boolean descending) {
    if (a instanceof Bound x) {
      return b instanceof Bound y ? x.compareTo(y) : (x == Bound.LOW ? -1 : 1);
    }
    if (b instanceof Bound y) {
      return y == Bound.LOW ? 1 : -1;
    }
    int c = ValueComparator.ascWithoutListHandling().compare(a, b);
    return descending ? -c : c;
  }

  /** The form index keys are compared in: numbers as doubles, missing as null. */
  static Object normalize(Object value) {
    if (Missing.isNullOrMissing(value)) {
      return null;
    }
    if (value instanceof Long l && (double) (long) l.doubleValue() != l) {
      return value;
    }
    if (value instanceof Number n) {
      double d = n.doubleValue();
      return d == -0.0 ? 0.0 : d;
    }
    return value;
  }
}
