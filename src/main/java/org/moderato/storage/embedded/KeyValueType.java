package org.moderato.storage.embedded;

import de.bwaldvogel.mongo.backend.KeyValue;
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
 * Unique-index keys in the MVStore: each value as a BSON element, compared in MongoDB's order.
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

  @Override
  public void write(WriteBuffer out, KeyValue key) {
    ByteBuf bson = Unpooled.buffer(64);
    try {
      for (Object value : key) {
        byte type = BsonEncoder.determineType(value);
        bson.writeByte(type);
        BsonEncoder.encodeValue(type, value, bson);
      }
      out.putVarInt(key.size());
      out.putVarInt(bson.readableBytes());
      out.put(bson.nioBuffer());
    } finally {
      bson.release();
    }
  }

  @Override
  public KeyValue read(ByteBuffer in) {
    int size = DataUtils.readVarInt(in);
    int length = DataUtils.readVarInt(in);
    ByteBuffer slice = in.slice();
    slice.limit(length);
    in.position(in.position() + length);
    ByteBuf bson = Unpooled.wrappedBuffer(slice);
    List<Object> values = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      values.add(BsonDecoder.decodeValue(bson.readByte(), bson));
    }
    return new KeyValue(values);
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
