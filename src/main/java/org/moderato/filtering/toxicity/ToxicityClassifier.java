package org.moderato.filtering.toxicity;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.moderato.classifier.AdaptiveModel;
import org.moderato.classifier.Contribution;
import org.moderato.classifier.LearnOutcome;
import org.moderato.classifier.LogisticModel;
import org.moderato.classifier.OnlineGuard;
import org.moderato.classifier.SparseVector;

/**
 * The local toxicity model: one hashed-n-gram logistic head per category (overall toxicity,
 * insult, severe toxicity) over the same features, plus what moderators taught the overall head.
 *
 * <p>Scoring is synchronous, allocation-light and thread-safe; it costs tens of microseconds for
 * an ordinary comment and grows with length (see {@link LocalToxicityModel} for where it runs).
 * Features are extracted once and shared by the heads when their feature specs agree.
 *
 * <p>Moderator feedback ({@link #learn}) only moves the overall head, through an
 * {@link AdaptiveModel}: each decision is a small clipped step, each moderator has a budget, the
 * whole delta is bounded, and {@link #reset()} restores the shipped weights exactly. The category
 * heads stay as shipped, since moderators decide "publish or not", not "insult or not". The delta
 * is persisted by the caller through {@link #exportDelta()} / {@link #importDelta(byte[])}.
 *
 * <p>The overall score is the overall head's probability, for a comment of several sentences
 * with a quarter of the logit from its most toxic sentence ({@link SentenceEvidence}), put through
 * its {@link ScoreScale}, which spreads ordinary comments below the hold threshold and leaves what
 * is held unchanged.
 *
 * <p>The file ({@code models/toxicity.model}) is the magic {@code MTOX}, a format version, then for
 * each head its category name and a {@link LogisticModel} file, then (format 2) the overall
 * score's {@link ScoreScale}. Format 1 files, without the scale, still load.
 */
public final class ToxicityClassifier {

  /** Where the shipped model lives on the class path. */
  public static final String RESOURCE = "models/toxicity.model";

  private static final int MAGIC = 0x4D544F58;
  private static final int FORMAT = 2;
  private static final int FORMAT_WITHOUT_SCALE = 1;
  /** Below this overall score nobody reads the features; skipping them saves most of the cost. */
  static final double EXPLAIN_FROM = 0.5;
  private static final int EXPLAIN_FEATURES = 5;

  private final Map<Head, LogisticModel> heads;
  private final ScoreScale scale;
  private final AdaptiveModel overall;
  private final boolean sharedFeatures;

  ToxicityClassifier(Map<Head, LogisticModel> heads, ScoreScale scale, OnlineGuard guard,
      InstantSource clock) {
    if (!heads.containsKey(Head.TOXICITY)) {
      throw new IllegalArgumentException("a toxicity model needs the overall head");
    }
    this.heads = new EnumMap<>(heads);
    this.scale = Objects.requireNonNull(scale, "scale");
    this.overall = new AdaptiveModel(heads.get(Head.TOXICITY), guard, clock);
    LogisticModel first = heads.get(Head.TOXICITY);
    this.sharedFeatures = heads.values().stream().allMatch(m -> m.spec().equals(first.spec()));
  }

  /**
   * Loads the model shipped in the jar, with the default feedback guard and the system clock.
   *
   * @throws IOException if the resource is missing or was written by an incompatible build
   */
  public static ToxicityClassifier bundled() throws IOException {
    return bundled(OnlineGuard.DEFAULTS, InstantSource.system());
  }

  /** Loads the shipped model with the given feedback guard and clock (tests inject a clock). */
  public static ToxicityClassifier bundled(OnlineGuard guard, InstantSource clock)
      throws IOException {
    ClassLoader loader = ToxicityClassifier.class.getClassLoader();
    try (InputStream in = loader.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IOException("toxicity model not found on the class path: " + RESOURCE);
      }
      return read(in, guard, clock);
    }
  }

  /** Reads a model file; does not close {@code in}. */
  public static ToxicityClassifier read(InputStream in, OnlineGuard guard, InstantSource clock)
      throws IOException {
    DataInputStream data = new DataInputStream(in);
    if (data.readInt() != MAGIC) {
      throw new IOException("not a Moderato toxicity model (bad magic)");
    }
    int format = data.readInt();
    if (format != FORMAT && format != FORMAT_WITHOUT_SCALE) {
      throw new IOException("toxicity model format " + format + " is not supported; expected "
          + FORMAT);
    }
    int count = data.readInt();
    Map<Head, LogisticModel> heads = new EnumMap<>(Head.class);
    for (int i = 0; i < count; i++) {
      String category = data.readUTF();
      byte[] bytes = new byte[data.readInt()];
      data.readFully(bytes);
      try {
        heads.put(Head.ofCategory(category), LogisticModel.read(new ByteArrayInputStream(bytes)));
      } catch (IllegalArgumentException e) {
        throw new IOException(e.getMessage(), e);
      }
    }
    ScoreScale scale = format == FORMAT ? ScoreScale.read(data) : ScoreScale.IDENTITY;
    return new ToxicityClassifier(heads, scale, guard, clock);
  }

  /** Writes the shipped heads (not the learned delta); does not close {@code out}. */
  public void write(OutputStream out) throws IOException {
    DataOutputStream data = new DataOutputStream(out);
    data.writeInt(MAGIC);
    data.writeInt(FORMAT);
    data.writeInt(heads.size());
    for (Map.Entry<Head, LogisticModel> head : heads.entrySet()) {
      byte[] bytes = head.getValue().toBytes();
      data.writeUTF(head.getKey().category());
      data.writeInt(bytes.length);
      data.write(bytes);
    }
    scale.write(data);
    data.flush();
  }

  /** The categories this model scores besides the overall one, in order. */
  public List<String> categories() {
    List<String> out = new ArrayList<>();
    for (Head head : heads.keySet()) {
      if (head != Head.TOXICITY) {
        out.add(head.category());
      }
    }
    return out;
  }

  /** The shipped head of one category, for evaluation and audits. */
  LogisticModel head(Head head) {
    return heads.get(head);
  }

  /** How the overall head's probability becomes the overall score. */
  ScoreScale scale() {
    return scale;
  }

  /**
   * Scores one comment now, on the calling thread. Thread-safe. The features behind the score are
   * worked out only when the overall score is at least 0.5 (they are for moderators, and cost
   * more than the score itself).
   */
  public ToxicityScores score(String text) {
    return score(text, true);
  }

  /** {@link #score(String)}, with the explanation optional (evaluation times both). */
  ToxicityScores score(String text, boolean explain) {
    String prepared = ToxicityText.prepare(text);
    LogisticModel base = heads.get(Head.TOXICITY);
    SparseVector x = base.extractor().extract(prepared);
    double toxicity = overall(prepared, x);
    Map<String, Double> categories = new LinkedHashMap<>();
    for (Map.Entry<Head, LogisticModel> head : heads.entrySet()) {
      if (head.getKey() == Head.TOXICITY) {
        continue;
      }
      LogisticModel model = head.getValue();
      double score = sharedFeatures ? model.score(x) : model.score(prepared);
      categories.put(head.getKey().category(), score);
    }
    List<String> features = explain && toxicity >= EXPLAIN_FROM ? explain(prepared) : List.of();
    return new ToxicityScores(toxicity, categories, features);
  }

  /** The overall score alone, for evaluation: skips the category heads and the explanation. */
  double overallScore(String text) {
    String prepared = ToxicityText.prepare(text);
    return overall(prepared, overall.base().extractor().extract(prepared));
  }

  /** The overall score: the whole comment and its worst sentence ({@link SentenceEvidence}). */
  private double overall(String prepared, SparseVector x) {
    double logit = SentenceEvidence.logit(prepared, ScoreScale.logit(overall.score(x)),
        sentence -> ScoreScale.logit(overall.score(sentence)));
    return scale.apply(LogisticModel.sigmoid(logit));
  }

  private List<String> explain(String prepared) {
    List<String> out = new ArrayList<>();
    for (Contribution c : overall.explain(prepared, EXPLAIN_FEATURES * 2)) {
      if (c.logit() > 0 && out.size() < EXPLAIN_FEATURES) {
        out.add(c.display());
      }
    }
    return out;
  }

  /**
   * Learns one moderator decision on the overall head: {@code toxic} true when the moderator
   * rejected a comment for toxicity, false when they published one the model held. Bounded by the
   * guard (see the class comment); a moderator over budget gets {@code RATE_LIMITED} and nothing
   * changes. Serialized internally; call it off the event loop, it costs about as much as a score.
   *
   * @param moderatorId whose budget the decision spends
   */
  public LearnOutcome learn(String moderatorId, String text, boolean toxic) {
    Objects.requireNonNull(text, "text");
    return overall.learn(moderatorId, ToxicityText.prepare(text), toxic);
  }

  /** Forgets all moderator feedback: scores are the shipped model's again. */
  public void reset() {
    overall.reset();
  }

  /**
   * The learned delta as bytes for the caller to persist; tied to the shipped model's fingerprint,
   * so a delta from another model version is refused on import.
   */
  public byte[] exportDelta() {
    return overall.exportDelta();
  }

  /**
   * Restores a delta from {@link #exportDelta()}.
   *
   * @return false (and nothing changes) if the delta belongs to another model version
   */
  public boolean importDelta(byte[] delta) {
    return overall.importDelta(delta);
  }

  /** How far feedback has moved the overall head (0 after {@link #reset()}). */
  public double deltaNorm() {
    return overall.deltaNorm();
  }
}
