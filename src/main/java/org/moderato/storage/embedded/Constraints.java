package org.moderato.storage.embedded;

import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.bson.BsonRegularExpression;
import de.bwaldvogel.mongo.bson.Document;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a MongoDB query document implies about single fields, for index planning: a set of
 * values (equality, {@code $in}) or a range ({@code $gt}, {@code $gte}, {@code $lt},
 * {@code $lte}). It may say less than the query (anything it does not understand is left
 * unconstrained) but never more: every document the query matches lies within these constraints.
 * {@code $and} intersects, {@code $or} takes the hull of its branches.
 */
final class Constraints {

  /** Either {@code points} (a list of values) or a range with optional ends (null = open). */
  record Constraint(List<Object> points, Object low, boolean lowInclusive, Object high,
      boolean highInclusive) {

    static Constraint points(List<Object> values) {
      return new Constraint(Collections.unmodifiableList(new ArrayList<>(values)), null, false,
          null, false);
    }

    static Constraint range(Object low, boolean lowInclusive, Object high, boolean highInclusive) {
      return new Constraint(null, low, lowInclusive, high, highInclusive);
    }

    private Object min() {
      return points == null ? low : points.stream().min(VALUES).orElse(null);
    }

    private Object max() {
      return points == null ? high : points.stream().max(VALUES).orElse(null);
    }
  }

  private static final ValueComparator VALUES = ValueComparator.ascWithoutListHandling();
  private static final Set<String> RANGE_OPS = Set.of("$gt", "$gte", "$lt", "$lte");

  private final Map<String, Constraint> byField;

  private Constraints(Map<String, Constraint> byField) {
    this.byField = byField;
  }

  Constraint get(String field) {
    return byField.get(field);
  }

  static Constraints of(Document query) {
    return new Constraints(collect(query));
  }

  private static Map<String, Constraint> collect(Document query) {
    Map<String, Constraint> out = new HashMap<>();
    for (Map.Entry<String, Object> e : query.entrySet()) {
      String key = e.getKey();
      Object value = e.getValue();
      if (key.equals("$and") && value instanceof Collection<?> parts) {
        for (Object part : parts) {
          if (part instanceof Document d) {
            collect(d).forEach((field, c) -> out.merge(field, c, Constraints::intersect));
          }
        }
      } else if (key.equals("$or") && value instanceof Collection<?> branches) {
        hull(branches).forEach((field, c) -> out.merge(field, c, Constraints::intersect));
      } else if (!key.startsWith("$")) {
        Constraint c = constraint(value);
        if (c != null) {
          out.merge(key, c, Constraints::intersect);
        }
      }
    }
    return out;
  }

  private static Map<String, Constraint> hull(Collection<?> branches) {
    Map<String, Constraint> out = null;
    for (Object branch : branches) {
      if (!(branch instanceof Document d)) {
        return Map.of();
      }
      Map<String, Constraint> mine = collect(d);
      if (out == null) {
        out = new HashMap<>(mine);
      } else {
        Map<String, Constraint> joined = new HashMap<>();
        for (Map.Entry<String, Constraint> e : out.entrySet()) {
          Constraint other = mine.get(e.getKey());
          if (other != null) {
            joined.put(e.getKey(), union(e.getValue(), other));
          }
        }
        out = joined;
      }
    }
    return out == null ? Map.of() : out;
  }

  /** What a field's condition says, or null when it constrains nothing we can use. */
  private static Constraint constraint(Object value) {
    if (value instanceof Document condition) {
      if (BsonRegularExpression.isRegularExpression(condition)) {
        return null;
      }
      Constraint result = null;
      for (Map.Entry<String, Object> op : condition.entrySet()) {
        Constraint c = null;
        Object operand = op.getValue();
        if (op.getKey().equals("$eq") && scalar(operand)) {
          c = Constraint.points(singleton(operand));
        } else if (op.getKey().equals("$in") && operand instanceof Collection<?> values
            && values.stream().allMatch(Constraints::scalar) && !values.isEmpty()) {
          c = Constraint.points(new ArrayList<>(values));
        } else if (RANGE_OPS.contains(op.getKey()) && scalar(operand) && operand != null) {
          boolean lower = op.getKey().startsWith("$g");
          boolean inclusive = op.getKey().endsWith("e");
          c = lower ? Constraint.range(operand, inclusive, null, false)
              : Constraint.range(null, false, operand, inclusive);
        }
        if (c != null) {
          result = result == null ? c : intersect(result, c);
        }
      }
      return result;
    }
    return scalar(value) ? Constraint.points(singleton(value)) : null;
  }

  private static List<Object> singleton(Object value) {
    List<Object> one = new ArrayList<>(1);
    one.add(value);
    return one;
  }

  /** Values an index entry can equal: not documents, arrays or patterns. */
  private static boolean scalar(Object value) {
    return !(value instanceof Document || value instanceof Collection<?>
        || value instanceof Pattern || value instanceof BsonRegularExpression
        || value instanceof Object[]);
  }

  /** Both hold, so either one alone is still a superset; keep the narrower where we can tell. */
  private static Constraint intersect(Constraint a, Constraint b) {
    if (a.points() != null) {
      return a.points().size() <= (b.points() == null ? Integer.MAX_VALUE : b.points().size())
          ? a : b;
    }
    if (b.points() != null) {
      return b;
    }
    Object low = a.low();
    boolean lowInc = a.lowInclusive();
    if (b.low() != null && (low == null || VALUES.compare(b.low(), low) > 0
        || (VALUES.compare(b.low(), low) == 0 && !b.lowInclusive()))) {
      low = b.low();
      lowInc = b.lowInclusive();
    }
    Object high = a.high();
    boolean highInc = a.highInclusive();
    if (b.high() != null && (high == null || VALUES.compare(b.high(), high) < 0
        || (VALUES.compare(b.high(), high) == 0 && !b.highInclusive()))) {
      high = b.high();
      highInc = b.highInclusive();
    }
    return Constraint.range(low, lowInc, high, highInc);
  }

  /** Either holds: the smallest constraint covering both. */
  private static Constraint union(Constraint a, Constraint b) {
    if (a.points() != null && b.points() != null) {
      List<Object> all = new ArrayList<>(a.points());
      all.addAll(b.points());
      return Constraint.points(all);
    }
    Object aLow = a.min();
    Object bLow = b.min();
    Object aHigh = a.max();
    Object bHigh = b.max();
    boolean aLowInc = a.points() != null || a.lowInclusive();
    boolean bLowInc = b.points() != null || b.lowInclusive();
    boolean aHighInc = a.points() != null || a.highInclusive();
    boolean bHighInc = b.points() != null || b.highInclusive();
    Object low = null;
    boolean lowInc = false;
    if (aLow != null && bLow != null) {
      int c = VALUES.compare(aLow, bLow);
      low = c <= 0 ? aLow : bLow;
      lowInc = c < 0 ? aLowInc : c > 0 ? bLowInc : aLowInc || bLowInc;
    }
    Object high = null;
    boolean highInc = false;
    if (aHigh != null && bHigh != null) {
      int c = VALUES.compare(aHigh, bHigh);
      high = c >= 0 ? aHigh : bHigh;
      highInc = c > 0 ? aHighInc : c < 0 ? bHighInc : aHighInc || bHighInc;
    }
    return Constraint.range(low, lowInc, high, highInc);
  }
}
