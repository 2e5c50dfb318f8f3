package org.moderato.classifier;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.zip.CRC32;

/**
 * A shipped {@link LogisticModel} plus what moderators taught it since: one instance per site.
 * Decisions never change the shipped weights; they go to a separate delta layer, bounded by an
 * {@link OnlineGuard}, so {@link #reset()} restores the shipped model exactly and a burst of
 * decisions cannot swing scores arbitrarily. Decisions teach word and character features only,
 * never the structural ones that every comment of a kind shares (length, links), and the delta is
 * added to the logit of the shipped model (for a conjunction, to the smallest expert logit). The
 * delta is exported as bytes ({@link #exportDelta()}) for storage, and tied to the shipped model
 * by a fingerprint, so a delta learned on one model is never applied to a retrained one.
 *
 * <p>Thread-safe. Scoring reads an immutable snapshot of the delta without locking and can run on
 * any thread, including an event loop. {@link #learn}, {@link #reset} and {@link #importDelta}
 * serialize on this object and replace the snapshot (copy-on-write, proportional to the delta's
 * size, at most {@link OnlineGuard#maxDeltaFeatures()} entries).
 */
public final class AdaptiveModel {

  private static final int DELTA_MAGIC = 0x4D4F4444;
  private static final int DELTA_FORMAT = 1;

  private final LogisticModel base;
  private final OnlineGuard guard;
  private final InstantSource clock;
  private final long fingerprint;
  private final Map<String, Budget> budgets;
  private volatile Delta delta = Delta.EMPTY;

  /**
   * @param base the shipped model
   * @param guard the limits on learning; {@link OnlineGuard#DEFAULTS} unless configured
   * @param clock the time source for moderators' budgets (inject a fixed one in tests)
   */
  public AdaptiveModel(LogisticModel base, OnlineGuard guard, InstantSource clock) {
    this.base = Objects.requireNonNull(base, "base");
    this.guard = Objects.requireNonNull(guard, "guard");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.fingerprint = fingerprint(base);
    this.budgets = new LinkedHashMap<>(64, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, Budget> eldest) {
        return size() > guard.maxTrackedModerators();
      }
    };
  }

  /** With {@link OnlineGuard#DEFAULTS} and the system clock. */
  public AdaptiveModel(LogisticModel base) {
    this(base, OnlineGuard.DEFAULTS, InstantSource.system());
  }

  /** The shipped model, unchanged by anything learned. */
  public LogisticModel base() {
    return base;
  }

  /** The limits on learning this instance applies. */
  public OnlineGuard guard() {
    return guard;
  }

  /** The probability of the positive class for {@code text}, shipped weights plus delta. */
  public double score(String text) {
    return score(base.extractor().extract(text));
  }

  /** {@link #score(String)} for an already extracted vector. */
  public double score(SparseVector x) {
    return LogisticModel.sigmoid(base.logit(x) + delta.dot(x));
  }

  /** Like {@link LogisticModel#explain}, with the learned delta included in each weight. */
  public List<Contribution> explain(String text, int k) {
    Delta current = delta;
    return base.explain(text, k, current::get);
  }

  /**
   * Learns one moderator decision: {@code positive} true for spam (or toxic), false for approved.
   * Spends one unit of the moderator's budget unless the model already agrees.
   *
   * @param moderatorId who decided; budgets are per moderator
   */
  public synchronized LearnOutcome learn(String moderatorId, String text, boolean positive) {
    Objects.requireNonNull(moderatorId, "moderatorId");
    SparseVector x = base.extractor().extract(text);
    Delta current = delta;
    double before = LogisticModel.sigmoid(base.logit(x) + current.dot(x));
    double error = (positive ? 1 : 0) - before;
    if (Math.abs(error) < 0.01) {
      return new LearnOutcome(LearnOutcome.Status.ALREADY_AGREES, before, before);
    }
    Budget budget = budgets.computeIfAbsent(moderatorId, id -> new Budget(guard.burst(), now()));
    if (!budget.take(now(), guard)) {
      return new LearnOutcome(LearnOutcome.Status.RATE_LIMITED, before, before);
    }
    // Only word and character features learn: a structural feature (a length bucket, "link")
    // applies to every comment of its kind, so teaching it would let a few decisions shift them
    // all.
    SparseVector learnable = x.textOnly().canonical();
    float[] steps = new float[learnable.size()];
    for (int k = 0; k < learnable.size(); k++) {
      double step = guard.learningRate() * error * learnable.value(k);
      steps[k] = (float) Math.max(-guard.maxStep(), Math.min(guard.maxStep(), step));
    }
    delta = current.plus(learnable, steps, guard);
    double after = score(x);
    return new LearnOutcome(LearnOutcome.Status.APPLIED, before, after);
  }

  /** Forgets everything learned: scores are the shipped model's again. Budgets are kept. */
  public synchronized void reset() {
    delta = Delta.EMPTY;
  }

  /** The Euclidean norm of the learned delta; 0 after {@link #reset()}. */
  public double deltaNorm() {
    return delta.norm;
  }

  /** How many weights the delta changes. */
  public int deltaSize() {
    return delta.keys.length;
  }

  /**
   * The learned delta as bytes, for storage (a few bytes per touched weight plus a header naming
   * the shipped model's fingerprint).
   */
  public byte[] exportDelta() {
    Delta current = delta;
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(16 + current.keys.length * 6);
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeInt(DELTA_MAGIC);
      out.writeInt(DELTA_FORMAT);
      out.writeLong(fingerprint);
      out.writeInt(current.keys.length);
      int last = -1;
      for (int k = 0; k < current.keys.length; k++) {
        LogisticModel.writeVarint(out, current.keys[k] - last);
        out.writeFloat(current.values[k]);
        last = current.keys[k];
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  /**
   * Replaces the delta with one exported earlier. The guard's limits are applied again on the way
   * in, so stored bytes cannot carry more than the guard allows.
   *
   * @return false, leaving the delta unchanged, if the bytes were learned on another shipped model
   *     (the model was retrained since): the caller should then discard them
   * @throws IllegalArgumentException if the bytes are not a delta at all
   */
  public synchronized boolean importDelta(byte[] bytes) {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
      if (in.readInt() != DELTA_MAGIC || in.readInt() != DELTA_FORMAT) {
        throw new IllegalArgumentException("not a classifier delta");
      }
      if (in.readLong() != fingerprint) {
        return false;
      }
      int count = in.readInt();
      if (count < 0 || count > guard.maxDeltaFeatures()) {
        throw new IllegalArgumentException("delta has " + count + " entries");
      }
      int[] keys = new int[count];
      float[] values = new float[count];
      int index = -1;
      int dim = base.spec().dimension();
      for (int k = 0; k < count; k++) {
        index += LogisticModel.readVarint(in);
        if (index < 0 || index >= dim || (k > 0 && index <= keys[k - 1])) {
          throw new IllegalArgumentException("delta index out of order or range: " + index);
        }
        keys[k] = index;
        float v = in.readFloat();
        values[k] = (float) Math.max(-guard.maxWeightDelta(), Math.min(guard.maxWeightDelta(),
            Float.isFinite(v) ? v : 0));
      }
      delta = Delta.bounded(keys, values, guard);
      return true;
    } catch (IOException e) {
      throw new IllegalArgumentException("truncated classifier delta", e);
    }
  }

  private Instant now() {
    return clock.instant();
  }

  private static long fingerprint(LogisticModel model) {
    CRC32 crc = new CRC32();
    crc.update(model.name().getBytes(java.nio.charset.StandardCharsets.UTF_8));
    crc.update(model.spec().toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
    int dim = model.spec().dimension();
    byte[] chunk = new byte[4096];
    for (int e = 0; e < model.experts(); e++) {
      long bits = Double.doubleToLongBits(model.bias(e));
      for (int i = 0; i < 8; i++) {
        chunk[i] = (byte) (bits >>> (8 * i));
      }
      crc.update(chunk, 0, 8);
      int fill = 0;
      for (int j = 0; j < dim; j++) {
        int w = Float.floatToIntBits((float) model.weight(e, j));
        chunk[fill++] = (byte) w;
        chunk[fill++] = (byte) (w >>> 8);
        chunk[fill++] = (byte) (w >>> 16);
        chunk[fill++] = (byte) (w >>> 24);
        if (fill == chunk.length) {
          crc.update(chunk, 0, fill);
          fill = 0;
        }
      }
      crc.update(chunk, 0, fill);
    }
    return crc.getValue() ^ ((long) dim << 32) ^ ((long) model.experts() << 56);
  }

  /** A token bucket: {@code burst} tokens, refilled linearly over {@code refill}. */
  private static final class Budget {
    double tokens;
    Instant last;

    Budget(double tokens, Instant last) {
      this.tokens = tokens;
      this.last = last;
    }

    boolean take(Instant now, OnlineGuard guard) {
      Duration elapsed = Duration.between(last, now);
      if (!elapsed.isNegative()) {
        double refilled = elapsed.toNanos() * (double) guard.burst() / guard.refill().toNanos();
        tokens = Math.min(guard.burst(), tokens + refilled);
        last = now;
      }
      if (tokens < 1) {
        return false;
      }
      tokens -= 1;
      return true;
    }
  }

  /** An immutable sparse weight delta: sorted keys, their values, and its norm. */
  private static final class Delta {
    static final Delta EMPTY = new Delta(new int[0], new float[0]);

    final int[] keys;
    final float[] values;
    final double norm;
    /** Positions of keys by hash of the key, for constant-time lookups while scoring. */
    private final int[] table;
    private final int tableMask;

    private Delta(int[] keys, float[] values) {
      this.keys = keys;
      this.values = values;
      double sum = 0;
      for (float v : values) {
        sum += (double) v * v;
      }
      this.norm = Math.sqrt(sum);
      int capacity = Integer.highestOneBit(Math.max(8, keys.length * 2 - 1)) << 1;
      this.table = new int[capacity];
      this.tableMask = capacity - 1;
      Arrays.fill(table, -1);
      for (int k = 0; k < keys.length; k++) {
        int p = slot(keys[k]);
        while (table[p] >= 0) {
          p = (p + 1) & tableMask;
        }
        table[p] = k;
      }
    }

    private int slot(int key) {
      return (key * 0x9E3779B1) >>> 7 & tableMask;
    }

    /** Clips each value, then scales the whole delta down to the norm limit. */
    static Delta bounded(int[] keys, float[] values, OnlineGuard guard) {
      double sum = 0;
      for (int k = 0; k < values.length; k++) {
        values[k] = (float) Math.max(-guard.maxWeightDelta(),
            Math.min(guard.maxWeightDelta(), values[k]));
        sum += (double) values[k] * values[k];
      }
      double norm = Math.sqrt(sum);
      if (norm > guard.maxDeltaNorm()) {
        float scale = (float) (guard.maxDeltaNorm() / norm);
        for (int k = 0; k < values.length; k++) {
          values[k] *= scale;
        }
      }
      return new Delta(keys, values);
    }

    double get(int index) {
      int p = slot(index);
      while (table[p] >= 0) {
        if (keys[table[p]] == index) {
          return values[table[p]];
        }
        p = (p + 1) & tableMask;
      }
      return 0;
    }

    double dot(SparseVector x) {
      if (keys.length == 0) {
        return 0;
      }
      double sum = 0;
      for (int i = 0; i < x.size(); i++) {
        sum += get(x.index(i)) * x.value(i);
      }
      return sum;
    }

    /** This delta plus {@code steps} at the indices of canonical {@code x}, merged in one pass. */
    Delta plus(SparseVector x, float[] steps, OnlineGuard guard) {
      int[] outKeys = new int[keys.length + x.size()];
      float[] outValues = new float[outKeys.length];
      int n = 0;
      int k = 0;
      int added = 0;
      for (int i = 0; i < x.size(); i++) {
        int index = x.index(i);
        while (k < keys.length && keys[k] < index) {
          outKeys[n] = keys[k];
          outValues[n++] = values[k++];
        }
        if (k < keys.length && keys[k] == index) {
          outKeys[n] = index;
          outValues[n++] = values[k++] + steps[i];
        } else if (keys.length + added < guard.maxDeltaFeatures()) {
          outKeys[n] = index;
          outValues[n++] = steps[i];
          added++;
        }
      }
      while (k < keys.length) {
        outKeys[n] = keys[k];
        outValues[n++] = values[k++];
      }
      return bounded(Arrays.copyOf(outKeys, n), Arrays.copyOf(outValues, n), guard);
    }
  }
}
