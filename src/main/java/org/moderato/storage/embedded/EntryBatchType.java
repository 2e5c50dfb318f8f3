package org.moderato.storage.embedded;

import java.nio.ByteBuffer;
import java.time.Instant;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;

/**
 * A batch of saved secondary-index entries (key components, then the position) as one MVStore
 * value, so saving and loading an index touches a few hundred map entries, not one per entry.
 * Components are written as {@link KeyValueType} writes key components.
 */
final class EntryBatchType extends BasicDataType<Object[][]> {

  static final EntryBatchType INSTANCE = new EntryBatchType();

  private EntryBatchType() {}

  /**
   * A component equal to the one before it in the previous entry. Entries come in index order,
   * so leading components repeat from one entry to the next (the same article, the same
   * status): written once, and read back as one shared instance.
   */
  private static final byte SAME = 100;
  /** A date, as epoch milliseconds (BSON dates have no finer precision). */
  private static final byte DATE = 101;

  @Override
  public void write(WriteBuffer out, Object[][] batch) {
    out.putVarInt(batch.length);
    Object[] previous = null;
    for (Object[] entry : batch) {
      out.putVarInt(entry.length);
      for (int j = 0; j < entry.length; j++) {
        Object value = entry[j];
        if (previous != null && j < previous.length && value != null
            && value.equals(previous[j])) {
          out.put(SAME);
        } else if (value instanceof Instant instant && instant.getNano() % 1_000_000 == 0) {
          out.put(DATE).putLong(instant.toEpochMilli());
        } else {
          KeyValueType.writeValue(out, value);
        }
      }
      previous = entry;
    }
  }

  @Override
  public Object[][] read(ByteBuffer in) {
    Object[][] batch = new Object[DataUtils.readVarInt(in)][];
    Object[] previous = null;
    for (int i = 0; i < batch.length; i++) {
      Object[] entry = new Object[DataUtils.readVarInt(in)];
      for (int j = 0; j < entry.length; j++) {
        byte tag = in.get(in.position());
        if (tag == SAME) {
          in.get();
          entry[j] = previous[j];
        } else if (tag == DATE) {
          in.get();
          entry[j] = Instant.ofEpochMilli(in.getLong());
        } else {
          entry[j] = KeyValueType.readValue(in);
        }
      }
      batch[i] = entry;
      previous = entry;
    }
    return batch;
  }

  @Override
  public int getMemory(Object[][] batch) {
    int entries = batch.length;
    int components = entries == 0 ? 0 : batch[0].length;
    return 24 + entries * (24 + components * 40);
  }

  @Override
  public Object[][][] createStorage(int size) {
    return new Object[size][][];
  }
}
