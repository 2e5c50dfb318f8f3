package org.moderato.classifier;

import java.util.Arrays;

/**
 * A feature vector as parallel arrays of indices and their values. An index may appear more than
 * once (the extractor's blocks hash independently and are not merged, which keeps extraction free
 * of sorting); its value is then the sum. {@link #canonical()} gives the sorted, merged form.
 * Immutable.
 */
public final class SparseVector {

  private final int[] indices;
  private final float[] values;
  private final int structuralFrom;

  SparseVector(int[] indices, float[] values) {
    this(indices, values, indices.length);
  }

  /** With the entries from {@code structuralFrom} on being hand-made structural features. */
  SparseVector(int[] indices, float[] values, int structuralFrom) {
    if (indices.length != values.length) {
      throw new IllegalArgumentException("indices and values differ in length");
    }
    this.indices = indices;
    this.values = values;
    this.structuralFrom = structuralFrom;
  }

  /**
   * The word and character n-gram entries only, without the structural features; what online
   * learning may change.
   */
  SparseVector textOnly() {
    return structuralFrom == indices.length ? this : new SparseVector(
        Arrays.copyOf(indices, structuralFrom), Arrays.copyOf(values, structuralFrom));
  }

  /** The number of non-zero entries. */
  public int size() {
    return indices.length;
  }

  /** The index of the {@code k}-th entry. */
  public int index(int k) {
    return indices[k];
  }

  /** The value of the {@code k}-th entry. */
  public float value(int k) {
    return values[k];
  }

  /** The dot product with a dense weight array. */
  public double dot(float[] weights) {
    double sum = 0;
    for (int k = 0; k < indices.length; k++) {
      sum += weights[indices[k]] * (double) values[k];
    }
    return sum;
  }

  /** The same vector with indices strictly increasing and repeats summed. */
  public SparseVector canonical() {
    long[] packed = new long[indices.length];
    for (int k = 0; k < indices.length; k++) {
      packed[k] = ((long) indices[k] << 32) | k;
    }
    Arrays.sort(packed);
    int[] outIndices = new int[indices.length];
    float[] outValues = new float[indices.length];
    int n = 0;
    for (long p : packed) {
      int index = (int) (p >>> 32);
      float v = values[(int) p];
      if (n > 0 && outIndices[n - 1] == index) {
        outValues[n - 1] += v;
      } else {
        outIndices[n] = index;
        outValues[n++] = v;
      }
    }
    return new SparseVector(Arrays.copyOf(outIndices, n), Arrays.copyOf(outValues, n));
  }

  /** The Euclidean norm (of the canonical form). */
  public double norm() {
    if (!isCanonical()) {
      return canonical().norm();
    }
    double sum = 0;
    for (float v : values) {
      sum += (double) v * v;
    }
    return Math.sqrt(sum);
  }

  private boolean isCanonical() {
    for (int k = 1; k < indices.length; k++) {
      if (indices[k] <= indices[k - 1]) {
        return false;
      }
    }
    return true;
  }

  @Override
  public String toString() {
    return "SparseVector" + Arrays.toString(indices);
  }
}
