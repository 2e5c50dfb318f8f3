package org.moderato.classifier;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * A binary logistic model over hashed text features: {@code p = sigmoid(bias + w . x(text))}, where
 * {@code x} is what a {@link FeatureExtractor} with this model's {@link FeatureSpec} produces.
 *
 * <p>A model can also be a conjunction of several such experts ({@link #conjunction}), whose logit
 * is the smallest of theirs: a text scores high only if every expert calls it positive. That is how
 * one kind of negative (short chatter) and another (long argumentative comments) each get an expert
 * that knows them well, where a single linear model would have to trade one against the other.
 *
 * <p>Immutable and thread-safe: scoring allocates only the feature vector, takes tens of
 * microseconds for a comment of ordinary length, and never blocks. Online learning does not change
 * a model; it layers a bounded delta on top (see {@link AdaptiveModel}).
 *
 * <p>The file format (version {@value #FORMAT_VERSION}) is gzip over: the magic {@code MODC}, the
 * format version, the model's name, provenance text, the feature spec, the number of experts, then
 * per expert its bias and its non-zero weights as varint index gaps and 32-bit floats. Readers
 * refuse other magic, format versions and feature versions rather than guessing.
 */
public final class LogisticModel {

  /** The file format this class writes and reads. */
  public static final int FORMAT_VERSION = 1;

  private static final int MAGIC = 0x4D4F4443;

  private final String name;
  private final String provenance;
  private final FeatureSpec spec;
  private final FeatureExtractor extractor;
  private final float[][] weights;
  private final double[] biases;

  /**
   * @param name what the model detects, for example {@code spam}
   * @param provenance how it was trained (data, counts, settings), kept in the file for audits
   * @param weights one weight per slot; copied
   */
  public LogisticModel(
      String name, String provenance, FeatureSpec spec, float[] weights, double bias) {
    this(name, provenance, spec, new float[][] {weights.clone()}, new double[] {bias});
  }

  private LogisticModel(
      String name, String provenance, FeatureSpec spec, float[][] weights, double[] biases) {
    this.name = Objects.requireNonNull(name, "name");
    this.provenance = provenance == null ? "" : provenance;
    this.spec = Objects.requireNonNull(spec, "spec");
    for (float[] w : weights) {
      if (w.length != spec.dimension()) {
        throw new IllegalArgumentException(
            "expected " + spec.dimension() + " weights, got " + w.length);
      }
    }
    if (weights.length == 0 || weights.length != biases.length) {
      throw new IllegalArgumentException("a model needs at least one expert");
    }
    this.weights = weights;
    this.biases = biases;
    this.extractor = new FeatureExtractor(spec);
  }

  /**
   * A model whose logit is the smallest of the experts' logits, so it calls a text positive only if
   * all of them do. The experts must share one feature spec; a conjunction of conjunctions is
   * flattened.
   */
  public static LogisticModel conjunction(
      String name, String provenance, List<LogisticModel> experts) {
    if (experts.isEmpty()) {
      throw new IllegalArgumentException("a conjunction needs at least one expert");
    }
    FeatureSpec spec = experts.get(0).spec;
    List<float[]> weights = new ArrayList<>();
    List<Double> biases = new ArrayList<>();
    for (LogisticModel expert : experts) {
      if (!expert.spec.equals(spec)) {
        throw new IllegalArgumentException("experts differ in feature spec");
      }
      for (int e = 0; e < expert.weights.length; e++) {
        weights.add(expert.weights[e]);
        biases.add(expert.biases[e]);
      }
    }
    return new LogisticModel(name, provenance, spec, weights.toArray(new float[0][]),
        biases.stream().mapToDouble(Double::doubleValue).toArray());
  }

  /** What the model detects, for example {@code spam}. */
  public String name() {
    return name;
  }

  /** How the model was trained: data, counts and settings, as stored in the file. */
  public String provenance() {
    return provenance;
  }

  /** The features the model was trained on; scoring extracts exactly these. */
  public FeatureSpec spec() {
    return spec;
  }

  /** The extractor matching this model; shared, thread-safe. */
  public FeatureExtractor extractor() {
    return extractor;
  }

  /** The number of experts; 1 for a plain logistic model. */
  public int experts() {
    return weights.length;
  }

  /** The bias of the first (for a plain model, the only) expert. */
  public double bias() {
    return biases[0];
  }

  /** The bias of one expert. */
  public double bias(int expert) {
    return biases[expert];
  }

  /**
   * This model with its bias moved by {@code shift}: every logit moves by the same amount, which is
   * how a trained model is set to an operating point (a shift of {@code log(c)} makes a missed
   * positive cost {@code c} times a false alarm at the threshold of 0.5).
   */
  public LogisticModel withBiasShift(double shift, String why) {
    double[] shifted = biases.clone();
    for (int e = 0; e < shifted.length; e++) {
      shifted[e] += shift;
    }
    return new LogisticModel(name, provenance + "; bias shifted by " + shift + " (" + why + ")",
        spec, weights, shifted);
  }

  /** The weight of one slot in the first (for a plain model, the only) expert. */
  public double weight(int index) {
    return weights[0][index];
  }

  /** The weight of one slot in one expert. */
  public double weight(int expert, int index) {
    return weights[expert][index];
  }

  /** The number of non-zero weights, over all experts. */
  public int nonZeroWeights() {
    int n = 0;
    for (float[] expert : weights) {
      n += nonZero(expert);
    }
    return n;
  }

  private static int nonZero(float[] w) {
    int n = 0;
    for (float v : w) {
      n += v != 0 ? 1 : 0;
    }
    return n;
  }

  /** The logit for an already extracted vector: the smallest of the experts' logits. */
  public double logit(SparseVector x) {
    return expertLogit(binding(x), x);
  }

  /** The expert whose logit is the smallest for {@code x}: the one that decides. */
  int binding(SparseVector x) {
    int best = 0;
    double min = Double.POSITIVE_INFINITY;
    for (int e = 0; e < weights.length; e++) {
      double z = expertLogit(e, x);
      if (z < min) {
        min = z;
        best = e;
      }
    }
    return best;
  }

  private double expertLogit(int expert, SparseVector x) {
    return biases[expert] + x.dot(weights[expert]);
  }

  /** The probability of the positive class for an already extracted vector. */
  public double score(SparseVector x) {
    return sigmoid(logit(x));
  }

  /** The probability of the positive class for {@code text}, in [0, 1]. */
  public double score(String text) {
    return score(extractor.extract(text));
  }

  /**
   * The {@code k} features that moved the score of {@code text} most, strongest first by absolute
   * contribution, with colliding raw features reported under each of their names. For a
   * conjunction, the contributions are those of the deciding expert. Several times slower than
   * {@link #score(String)}; call it for the comments a moderator will look at.
   */
  public List<Contribution> explain(String text, int k) {
    return explain(text, k, index -> 0);
  }

  /** {@link #explain(String, int)} with an extra weight per slot (an online delta) added. */
  List<Contribution> explain(String text, int k, java.util.function.IntToDoubleFunction extra) {
    float[] w = weights[binding(extractor.extract(text))];
    Map<String, Double> byName = new LinkedHashMap<>();
    for (FeatureExtractor.NamedFeature f : extractor.extractNamed(text)) {
      double c = (w[f.index()] + extra.applyAsDouble(f.index())) * f.value();
      if (c != 0) {
        byName.merge(f.name(), c, Double::sum);
      }
    }
    List<Contribution> all = new ArrayList<>();
    byName.forEach((feature, logit) -> all.add(new Contribution(feature, logit)));
    all.sort(Comparator.comparingDouble((Contribution c) -> -Math.abs(c.logit())));
    return List.copyOf(all.subList(0, Math.min(k, all.size())));
  }

  /** The logistic function, safe for large arguments. */
  public static double sigmoid(double z) {
    if (z >= 0) {
      return 1 / (1 + Math.exp(-z));
    }
    double e = Math.exp(z);
    return e / (1 + e);
  }

  /** Writes the model in the format described above; does not close {@code out}. */
  public void write(OutputStream out) throws IOException {
    GZIPOutputStream gzip = new GZIPOutputStream(out);
    DataOutputStream data = new DataOutputStream(gzip);
    data.writeInt(MAGIC);
    data.writeInt(FORMAT_VERSION);
    data.writeUTF(name);
    data.writeUTF(provenance.length() > 20_000 ? provenance.substring(0, 20_000) : provenance);
    writeSpec(data, spec);
    data.writeInt(weights.length);
    for (int e = 0; e < weights.length; e++) {
      float[] w = weights[e];
      data.writeDouble(biases[e]);
      data.writeInt(nonZero(w));
      int last = -1;
      for (int i = 0; i < w.length; i++) {
        if (w[i] != 0) {
          writeVarint(data, i - last);
          data.writeFloat(w[i]);
          last = i;
        }
      }
    }
    data.flush();
    gzip.finish();
  }

  /** The model as the bytes {@link #write} produces. */
  public byte[] toBytes() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      write(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** Reads a model written by {@link #write}; does not close {@code in}. */
  public static LogisticModel read(InputStream in) throws IOException {
    // Buffered after inflating: the weights are read a byte at a time, and an unbuffered
    // GZIPInputStream inflates for every single byte (seconds for the toxicity model).
    DataInputStream data = new DataInputStream(
        new BufferedInputStream(new GZIPInputStream(in, 1 << 16), 1 << 16));
    if (data.readInt() != MAGIC) {
      throw new IOException("not a Moderato classifier model (bad magic)");
    }
    int format = data.readInt();
    if (format != FORMAT_VERSION) {
      throw new IOException("model format " + format + " is not supported; expected "
          + FORMAT_VERSION);
    }
    String name = data.readUTF();
    String provenance = data.readUTF();
    FeatureSpec spec = readSpec(data);
    int experts = data.readInt();
    if (experts < 1 || experts > 16) {
      throw new IOException("bad number of experts: " + experts);
    }
    float[][] weights = new float[experts][];
    double[] biases = new double[experts];
    for (int e = 0; e < experts; e++) {
      biases[e] = data.readDouble();
      int count = data.readInt();
      float[] w = new float[spec.dimension()];
      int index = -1;
      for (int n = 0; n < count; n++) {
        index += readVarint(data);
        if (index < 0 || index >= w.length) {
          throw new IOException("weight index out of range: " + index);
        }
        w[index] = data.readFloat();
      }
      weights[e] = w;
    }
    return new LogisticModel(name, provenance, spec, weights, biases);
  }

  /**
   * Loads a model from the class path, for example {@code models/spam.model}.
   *
   * @throws IOException if the resource is missing or unreadable
   */
  public static LogisticModel fromResource(String path) throws IOException {
    ClassLoader loader = LogisticModel.class.getClassLoader();
    try (InputStream in = loader.getResourceAsStream(path)) {
      if (in == null) {
        throw new IOException("model resource not found on the class path: " + path);
      }
      return read(in);
    }
  }

  static void writeSpec(DataOutputStream data, FeatureSpec spec) throws IOException {
    data.writeInt(spec.version());
    data.writeInt(spec.hashBits());
    data.writeInt(spec.wordNgrams());
    data.writeInt(spec.charMin());
    data.writeInt(spec.charMax());
    data.writeBoolean(spec.structural());
    data.writeInt(spec.maxChars());
    data.writeBoolean(spec.charsWithinWords());
    data.writeDouble(spec.charWeight());
  }

  static FeatureSpec readSpec(DataInputStream data) throws IOException {
    int version = data.readInt();
    if (version != FeatureSpec.CURRENT_VERSION) {
      throw new IOException("model features are version " + version + ", this build extracts "
          + FeatureSpec.CURRENT_VERSION + ": retrain the model");
    }
    try {
      return new FeatureSpec(version, data.readInt(), data.readInt(), data.readInt(),
          data.readInt(), data.readBoolean(), data.readInt(), data.readBoolean(),
          data.readDouble());
    } catch (IllegalArgumentException e) {
      throw new IOException("bad feature spec in model: " + e.getMessage(), e);
    }
  }

  static void writeVarint(DataOutputStream data, int value) throws IOException {
    while ((value & ~0x7F) != 0) {
      data.writeByte((value & 0x7F) | 0x80);
      value >>>= 7;
    }
    data.writeByte(value);
  }

  static int readVarint(DataInputStream data) throws IOException {
    int value = 0;
    for (int shift = 0; shift < 35; shift += 7) {
      int b = data.readUnsignedByte();
      value |= (b & 0x7F) << shift;
      if ((b & 0x80) == 0) {
        return value;
      }
    }
    throw new IOException("malformed varint");
  }

  @Override
  public String toString() {
    return "LogisticModel[" + name + ", " + experts() + " expert(s), " + spec + ", "
        + nonZeroWeights() + " weights]";
  }
}
