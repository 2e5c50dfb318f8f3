package org.moderato.storage.embedded;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.backend.Utils;
import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.bson.Document;
import java.time.Instant;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Iterator;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Set;
import java.util.SortedMap;
import java.util.NoSuchElementException;
import java.util.PriorityQueue;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * A non-unique (compound, multikey) index for the embedded store, which out of the box ignores
 * every index that is not unique and answers each query with a full scan. Entries are kept in
 * memory in index order. They are saved when the store closes cleanly and loaded when it opens
 * next, or rebuilt from the collection after an unclean stop (see {@link IndexSnapshots}).
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

  private final String[] fields;
  /** Each field split at its dots once, for {@link #scalarEntry}. */
  private final String[][] paths;
  private final boolean[] descending;
  /** Each entry is the key's components followed by the position: one array, no wrapper. */
  private ConcurrentSkipListMap<Object[], Boolean> entries;
  /** Entries gathered while building, sorted and loaded in one go at the end. */
  private List<Object[]> staged;
  private boolean built;
  /** Per key: whether some document has (or had) an array there, making several entries. */
  private boolean[] multikey;

  SecondaryIndex(String name, List<IndexKey> keys, boolean sparse) {
    super(name, keys, sparse);
    this.fields = keys.stream().map(IndexKey::getKey).toArray(String[]::new);
    this.paths = Arrays.stream(fields).map(f -> f.split("\\.", -1)).toArray(String[][]::new);
    this.descending = new boolean[keys.size()];
    for (int i = 0; i < keys.size(); i++) {
      descending[i] = !keys.get(i).isAscending();
    }
    this.entries = new ConcurrentSkipListMap<>(this::compareEntries);
    this.multikey = new boolean[keys.size()];
  }

  boolean built() {
    return built;
  }

  /**
   * Empties the index and starts a build: the collection then {@linkplain #add adds} every
   * document it holds (one pass for all of its indexes) and calls {@link #finishBuild}. Until
   * then the index offers no plans.
   */
  void startBuild() {
    entries = new ConcurrentSkipListMap<>(this::compareEntries);
    multikey = new boolean[fields.length];
    staged = new ArrayList<>();
  }

  /**
   * Sorts what the build gathered and loads it into the skip list in linear time (through
   * {@link ConcurrentSkipListMap}'s constructor from a sorted map), which is several times
   * faster than inserting entries one by one.
   */
  void finishBuild() {
    List<Object[]> sorted = staged;
    staged = null;
    sorted.sort(this::compareEntries);
    entries = new ConcurrentSkipListMap<>(new SortedEntries(sorted, this::compareEntries));
    built = true;
  }

  /**
   * Loads the index from entries saved by {@link #forEachEntry}, which come in index order: no
   * document is read and nothing is sorted.
   */
  void load(List<Object[]> sorted, boolean[] wasMultikey) {
    if (wasMultikey.length != fields.length) {
      throw new IllegalArgumentException("saved for " + wasMultikey.length + " keys, not "
          + fields.length);
    }
    staged = null;
    multikey = wasMultikey.clone();
    entries = new ConcurrentSkipListMap<>(new SortedEntries(sorted, this::compareEntries));
    built = true;
  }

  /** Every entry (key components, then the position) in index order, for saving. */
  void forEachEntry(Consumer<Object[]> sink) {
    entries.keySet().forEach(sink);
  }

  /** Per key, whether it has been seen holding an array. */
  boolean[] multikey() {
    return multikey.clone();
  }

  /** The keys, their directions and the options: what a saved copy must have been built for. */
  String definition() {
    return getKeys() + ";sparse=" + isSparse();
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
    if (built || staged != null) {
      insert(document);
    }
  }

  @Override
  public Object remove(Document document) {
    Object position = positionOf(document);
    if (built) {
      List<Object[]> fast = fastEntries(document, position);
      if (fast != null) {
        fast.forEach(entries::remove);
      } else {
        for (KeyValue key : getKeyValues(document)) {
          entries.remove(entry(key, position));
        }
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
    if (built && !sameKeys(oldDocument, newDocument)) {
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
    if (isSparse() && allMissing(document)) {
      return; // as in MongoDB: a sparse index leaves out documents without its fields
    }
    Object position = positionOf(document);
    List<Object[]> fast = fastEntries(document, position);
    if (fast != null) {
      for (Object[] entry : fast) {
        if (staged != null) {
          staged.add(entry);
        } else {
          entries.put(entry, Boolean.TRUE);
        }
      }
      return;
    }
    for (String field : fields) {
      if (Utils.getSubdocumentValueCollectionAware(document, field) instanceof Collection) {
        multikey[indexOf(field)] = true;
      }
    }
    for (KeyValue key : getKeyValues(document)) {
      if (staged != null) {
        staged.add(entry(key, position));
      } else {
        entries.put(entry(key, position), Boolean.TRUE);
      }
    }
  }

  /**
   * Whether two versions of a document have the same index keys (an update that leaves them alone
   * need not touch the index).
   */
  private boolean sameKeys(Document oldDocument, Document newDocument) {
    List<Object[]> before = fastEntries(oldDocument, null);
    List<Object[]> after = fastEntries(newDocument, null);
    if (before == null || after == null) {
      return nullAwareEqualsKeys(oldDocument, newDocument);
    }
    if (before.size() != after.size()) {
      return false;
    }
    for (int i = 0; i < before.size(); i++) {
      if (compareEntries(before.get(i), after.get(i)) != 0) {
        return false;
      }
    }
    return true;
  }

  /**
   * The document's entries read by walking the pre-split paths, or null when the generic {@link
   * #getKeyValues} must compute them. This is the common case and several times cheaper than the
   * generic path, which splits each path with a regex and collects through streams on every call.
   * It covers plain values and one non-empty array of plain values (a multikey index, one entry
   * per distinct element); arrays along a path, sub-documents (normalized recursively there),
   * empty arrays and parallel arrays go the generic way.
   */
  private List<Object[]> fastEntries(Document document, Object position) {
    Object[] entry = new Object[fields.length + 1];
    entry[fields.length] = position;
    int arrayAt = -1;
    List<?> array = null;
    for (int i = 0; i < paths.length; i++) {
      Object value = document;
      for (String part : paths[i]) {
        if (value instanceof Document d) {
          value = d.getOrMissing(part);
        } else if (value instanceof Collection) {
          return null;
        } else {
          value = Missing.getInstance();
          break;
        }
      }
      if (value instanceof List<?> list && arrayAt < 0 && !list.isEmpty() && allPlain(list)) {
        arrayAt = i;
        array = list;
      } else if (value instanceof Collection || value instanceof Map) {
        return null;
      } else {
        entry[i] = normalize(value);
      }
    }
    if (array == null) {
      return List.<Object[]>of(entry);
    }
    multikey[arrayAt] = true; // this document is or was in the index: see plan()
    List<Object[]> out = new ArrayList<>(array.size());
    for (Object element : array) {
      Object[] copy = entry.clone();
      copy[arrayAt] = normalize(element);
      out.add(copy);
    }
    return out;
  }

  private static boolean allPlain(List<?> values) {
    for (Object value : values) {
      if (value instanceof Collection || value instanceof Map) {
        return false;
      }
    }
    return true;
  }

  private boolean allMissing(Document document) {
    for (String field : fields) {
      if (!(Utils.getSubdocumentValueCollectionAware(document, field) instanceof Missing)) {
        return false;
      }
    }
    return true;
  }

  private static Object positionOf(Document document) {
    return document.get("_id");
  }

  private static Object[] entry(KeyValue key, Object position) {
    Object[] out = new Object[key.size() + 1];
    for (int i = 0; i < key.size(); i++) {
      out[i] = normalize(key.get(i));
    }
    out[key.size()] = position;
    return out;
  }

  // ---- planning --------------------------------------------------------------------------

  /**
   * How this index would answer a query (what it implies, {@code constraints}) sorted by
   * {@code orderBy}, or null when it would not help (no constrained leading key and no order it
   * can give).
   */
  QueryPlan plan(Constraints constraints, Document orderBy) {
    if (!built) {
      return null;
    }
    if (isSparse() && !excludesMissing(constraints.get(fields[0]))) {
      return null; // the documents it leaves out might match
    }
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
    // Walking the index gives the order asked for when no key it sorts on holds arrays (a
    // document would come once per element). Several equality prefixes ({$in: [...]}) each give
    // that order, and are merged.
    boolean sortable = reverse != null;
    for (int i = equalities; i < fields.length; i++) {
      sortable &= !multikey[i];
    }
    boolean sorted = orderBy != null && !orderBy.isEmpty();
    boolean ordered = sortable && (fixed || sorted);
    double score = equalities * 2 + (ranged ? 1 : 0);
    if (score == 0 && !(ordered && orderBy != null && !orderBy.isEmpty())) {
      return null;
    }
    if (ordered) {
      score += 0.5;
    }
    List<NavigableSet<Object[]>> slices = new ArrayList<>();
    for (Object[] prefix : prefixes) {
      Object[] from = probe(prefix, ranged ? range : null, true);
      Object[] to = probe(prefix, ranged ? range : null, false);
      if (compareEntries(from, to) > 0) {
        continue; // an empty range, such as {$gt: 5, $lt: 3}
      }
      NavigableSet<Object[]> slice = entries.navigableKeySet().subSet(from, true, to, true);
      slices.add(ordered && reverse ? slice.descendingSet() : slice);
    }
    Stream<Object[]> walk = ordered && sorted && slices.size() > 1
        ? merge(slices, equalities, reverse)
        : slices.stream().flatMap(NavigableSet::stream);
    return new QueryPlan(getName(), score, ordered, walk.map(e -> e[fields.length]));
  }

  /**
   * The entries of several slices, each in index order, as one stream in index order: a lazy
   * k-way merge on the keys after the equality prefix (which differs from slice to slice), so a
   * query with a limit reads only as far as it needs.
   */
  private Stream<Object[]> merge(List<NavigableSet<Object[]>> slices, int from, boolean reverse) {
    Comparator<Object[]> tail = (a, b) -> {
      for (int i = from; i < fields.length; i++) {
        int c = compareComponent(a[i], b[i], descending[i]);
        if (c != 0) {
          return c;
        }
      }
      return compareComponent(a[fields.length], b[fields.length], false);
    };
    Comparator<Object[]> order = reverse ? tail.reversed() : tail;
    PriorityQueue<Head> heads = new PriorityQueue<>((x, y) -> order.compare(x.entry, y.entry));
    for (NavigableSet<Object[]> slice : slices) {
      Iterator<Object[]> it = slice.iterator();
      if (it.hasNext()) {
        heads.add(new Head(it.next(), it));
      }
    }
    Iterator<Object[]> merged = new Iterator<>() {
      @Override
      public boolean hasNext() {
        return !heads.isEmpty();
      }

      @Override
      public Object[] next() {
        Head head = heads.poll();
        if (head == null) {
          throw new NoSuchElementException();
        }
        Object[] out = head.entry;
        if (head.rest.hasNext()) {
          heads.add(new Head(head.rest.next(), head.rest));
        }
        return out;
      }
    };
    return StreamSupport.stream(
        Spliterators.spliteratorUnknownSize(merged, Spliterator.ORDERED), false);
  }

  private record Head(Object[] entry, Iterator<Object[]> rest) {}

  /** Whether a constraint rules out documents without the field (so a sparse index may serve). */
  private static boolean excludesMissing(Constraints.Constraint c) {
    if (c == null) {
      return false;
    }
    if (c.points() != null) {
      return c.points().stream().allMatch(p -> p != null);
    }
    return c.low() != null && c.high() != null;
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
  private Object[] probe(Object[] prefix, Constraints.Constraint range, boolean first) {
    Object[] key = new Object[fields.length + 1];
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
    for (int i = at; i <= fields.length; i++) {
      key[i] = rest; // the remaining keys and the position
    }
    return key;
  }

  private int compareEntries(Object[] a, Object[] b) {
    for (int i = 0; i < fields.length; i++) {
      int c = compareComponent(a[i], b[i], descending[i]);
      if (c != 0) {
        return c;
      }
    }
    return compareComponent(a[fields.length], b[fields.length], false);
  }

  private static int compareComponent(Object a, Object b, boolean descending) {
    if (a instanceof Bound x) {
      return b instanceof Bound y ? x.compareTo(y) : (x == Bound.LOW ? -1 : 1);
    }
    if (b instanceof Bound y) {
      return y == Bound.LOW ? 1 : -1;
    }
    int c = compareValues(a, b);
    return descending ? -c : c;
  }

  private static final double INT_RANGE = 0x1p31;

  /**
   * MongoDB's order of two values, as {@link ValueComparator} gives it, with the common pairs
   * compared directly: the generic comparator finds each value's type rank by walking a list of
   * classes, and boxes numbers again, on every step of every index insert.
   */
  static int compareValues(Object a, Object b) {
    if (a instanceof String x && b instanceof String y) {
      return x.compareTo(y);
    }
    if (a instanceof Instant x && b instanceof Instant y) {
      return x.compareTo(y);
    }
    // Doubles: the generic comparator compares whole numbers beyond the int range as longs.
    if (a instanceof Double x && b instanceof Double y
        && Math.abs(x) < INT_RANGE && Math.abs(y) < INT_RANGE) {
      return Double.compare(x == -0.0 ? 0.0 : x, y == -0.0 ? 0.0 : y);
    }
    return ValueComparator.ascWithoutListHandling().compare(a, b);
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

  /**
   * Sorted, distinct entries seen as the sorted map {@link ConcurrentSkipListMap} can be built
   * from; only what that constructor uses is implemented.
   */
  private static final class SortedEntries extends AbstractMap<Object[], Boolean>
      implements SortedMap<Object[], Boolean> {

    private final List<Object[]> sorted;
    private final Comparator<Object[]> order;

    SortedEntries(List<Object[]> sorted, Comparator<Object[]> order) {
      this.sorted = new ArrayList<>(sorted.size());
      for (Object[] e : sorted) {
        if (this.sorted.isEmpty()
            || order.compare(this.sorted.get(this.sorted.size() - 1), e) != 0) {
          this.sorted.add(e);
        }
      }
      this.order = order;
    }

    @Override
    public Comparator<? super Object[]> comparator() {
      return order;
    }

    @Override
    public Set<Map.Entry<Object[], Boolean>> entrySet() {
      return new AbstractSet<>() {
        @Override
        public Iterator<Map.Entry<Object[], Boolean>> iterator() {
          Iterator<Object[]> it = sorted.iterator();
          return new Iterator<>() {
            @Override
            public boolean hasNext() {
              return it.hasNext();
            }

            @Override
            public Map.Entry<Object[], Boolean> next() {
              return new AbstractMap.SimpleImmutableEntry<>(it.next(), Boolean.TRUE);
            }
          };
        }

        @Override
        public int size() {
          return sorted.size();
        }
      };
    }

    @Override
    public SortedMap<Object[], Boolean> subMap(Object[] from, Object[] to) {
      throw new UnsupportedOperationException();
    }

    @Override
    public SortedMap<Object[], Boolean> headMap(Object[] to) {
      throw new UnsupportedOperationException();
    }

    @Override
    public SortedMap<Object[], Boolean> tailMap(Object[] from) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Object[] firstKey() {
      return sorted.get(0);
    }

    @Override
    public Object[] lastKey() {
      return sorted.get(sorted.size() - 1);
    }
  }
}
