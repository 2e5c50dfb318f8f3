package org.moderato.storage.embedded;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.ByteBuffer;
import java.util.Collection;
import java.util.Map;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;

/**
 * Stores documents in the MVStore as BSON, with mongo-java-server's own wire codec. The stock H2
 * backend stores them with Java serialization, which made every commit spend most of its time in
 * {@code ObjectOutputStream} rewriting whole pages of documents.
 */
final class DocumentType extends BasicDataType<Document> {

  static final DocumentType INSTANCE = new DocumentType();

  private DocumentType() {}

  /** One encoding buffer per thread that writes pages, reused. */
  private static final ThreadLocal<ByteBuf> BUFFER =
      ThreadLocal.withInitial(() -> Unpooled.buffer(4096));

  @Override
  public void write(WriteBuffer out, Document document) {
    ByteBuf bson = BUFFER.get();
    bson.clear();
    BsonEncoder.encodeDocument(document, bson);
    out.putVarInt(bson.readableBytes());
    out.put(bson.nioBuffer());
    if (bson.capacity() > 1 << 20) {
      BUFFER.remove(); // do not keep a huge buffer after an outsized document
    }
  }

  @Override
  public Document read(ByteBuffer in) {
    int length = DataUtils.readVarInt(in);
    ByteBuffer slice = in.slice();
    slice.limit(length);
    in.position(in.position() + length);
    return BsonDecoder.decodeBson(Unpooled.wrappedBuffer(slice));
  }

  /** A cheap estimate of the heap a document takes; the MVStore sizes pages and cache by it. */
  @Override
  public int getMemory(Document document) {
    return estimate(document, 0);
  }

  private static int estimate(Object value, int depth) {
    if (value instanceof String s) {
      return 40 + s.length();
    }
    if (depth > 3) {
      return 64;
    }
    if (value instanceof Map<?, ?> map) {
      int size = 48;
      for (Map.Entry<?, ?> e : map.entrySet()) {
        size += 32 + estimate(e.getKey(), depth + 1) + estimate(e.getValue(), depth + 1);
      }
      return size;
    }
    if (value instanceof Collection<?> list) {
      int size = 40;
      for (Object v : list) {
        size += 8 + estimate(v, depth + 1);
      }
      return size;
    }
    return 24;
  }

  @Override
  public Document[] createStorage(int size) {
    return new Document[size];
  }
}
