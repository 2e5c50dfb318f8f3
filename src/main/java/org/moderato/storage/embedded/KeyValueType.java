package org.moderato.storage.embedded;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;

/**
 * Unique-index keys in the MVStore, compared in MongoDB's order: strings, numbers, booleans and
 * null written directly (the common case: ids), other values as BSON elements.
 * The stock backend keeps them as Java-serialized objects and compares two keys by serializing
 * both, on every step of every lookup.
 */
final class KeyValueType extends BasicDataType<KeyValue> {

  static final KeyValueType INSTANCE = new KeyValueType();

  private KeyValueType() {}

  @Override
  public int compare(KeyValue a, KeyValue b) {
    int n = Math.min(a.size(), b.size());
    for (int i = 0; i < n; i++) {
      int c = ValueComparator.asc().compare(a.get(i), b.get(i));
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(a.size(), b.size());
  }

  /** Tags of the values written directly; anything else goes through the BSON codec. */
  private static final byte NULL = 0;
  private static final byte STRING = 1;
  private static final byte DOUBLE = 2;
  private static final byte LONG = 3;
  private static final byte INT = 4;
  private static final byte TRUE = 5;
  private static final byte FALSE = 6;
  private static final byte BSON = 7;

  @Override
  public void write(WriteBuffer out, KeyValue key) {
    out.putVarInt(key.size());
    for (Object value : key) {
      writeValue(out, value);
    }
  }

  /** One key component: tagged, plain values directly and anything else as a BSON element. */
  static void writeValue(WriteBuffer out, Object value) {
    if (value == null || value instanceof Missing) {
      out.put(NULL);
    } else if (value instanceof String s) {
      out.put(STRING).putVarInt(s.length()).putStringData(s, s.length());
    } else if (value instanceof Double d) {
      out.put(DOUBLE).putDouble(d);
    } else if (value instanceof Long l) {
      out.put(LONG).putLong(l);
    } else if (value instanceof Integer i) {
      out.put(INT).putInt(i);
    } else if (value instanceof Boolean b) {
      out.put(b ? TRUE : FALSE);
    } else {
      ByteBuf bson = Unpooled.buffer(64);
      try {
        byte type = BsonEncoder.determineType(value);
        BsonEncoder.encodeValue(type, value, bson);
        out.put(BSON).put(type).putVarInt(bson.readableBytes()).put(bson.nioBuffer());
      } finally {
        bson.release();
      }
    }
  }

  @Override
  public KeyValue read(ByteBuffer in) {
    int size = DataUtils.readVarInt(in);
    List<Object> values = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      values.add(readValue(in));
    }
    return new KeyValue(values);
  }

  /** One key component written by {@link #writeValue}. */
  static Object readValue(ByteBuffer in) {
    byte tag = in.get();
    return switch (tag) {
      case NULL -> null;
      case STRING -> DataUtils.readString(in, DataUtils.readVarInt(in));
      case DOUBLE -> in.getDouble();
      case LONG -> in.getLong();
      case INT -> in.getInt();
      case TRUE -> Boolean.TRUE;
      case FALSE -> Boolean.FALSE;
      case BSON -> {
        byte type = in.get();
        int length = DataUtils.readVarInt(in);
        ByteBuffer slice = in.slice();
        slice.limit(length);
        in.position(in.position() + length);
        yield BsonDecoder.decodeValue(type, Unpooled.wrappedBuffer(slice));
      }
      default -> throw new IllegalStateException("unknown key tag " + tag);
    };
  }

  @Override
  public int getMemory(KeyValue key) {
    return 48 + 32 * key.size();
  }

  @Override
  public KeyValue[] createStorage(int size) {
    return new KeyValue[size];
  }
}
