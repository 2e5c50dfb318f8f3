package org.moderato.filtering.toxicity;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.moderato.classifier.LabeledText;
import org.moderato.filtering.text.EvasionFolding;

/**
 * Clusters rows whose texts are near-duplicates, so that cross-validation never puts one copy in
 * training and another in test (which would reward memorizing). Two rows are near-duplicates when
 * their folded texts, letters and digits only, share the first or the last
 * {@value #KEY_CHARS} characters (reposts, quoted replies, edited copies); clusters are closed
 * under that relation, across sources.
 */
final class NearDuplicates {

  private static final int KEY_CHARS = 40;

  private NearDuplicates() {}

  /** For each row, the index of its cluster's representative (the cluster's first row). */
  static int[] clusters(List<LabeledText> rows) {
    int[] parent = new int[rows.size()];
    for (int i = 0; i < parent.length; i++) {
      parent[i] = i;
    }
    Map<String, Integer> seen = new HashMap<>();
    for (int i = 0; i < rows.size(); i++) {
      String skeleton = skeleton(rows.get(i).text());
      String head = skeleton.length() <= KEY_CHARS ? skeleton : skeleton.substring(0, KEY_CHARS);
      String tail = skeleton.length() <= KEY_CHARS
          ? skeleton : skeleton.substring(skeleton.length() - KEY_CHARS);
      for (String key : new String[] {"h:" + head, "t:" + tail}) {
        Integer other = seen.putIfAbsent(key, i);
        if (other != null) {
          union(parent, i, other);
        }
      }
    }
    int[] cluster = new int[rows.size()];
    for (int i = 0; i < cluster.length; i++) {
      cluster[i] = find(parent, i);
    }
    return cluster;
  }

  private static String skeleton(String text) {
    String folded = EvasionFolding.fold(text);
    StringBuilder out = new StringBuilder(folded.length());
    for (int i = 0; i < folded.length(); i++) {
      char c = folded.charAt(i);
      if (Character.isLetterOrDigit(c)) {
        out.append(c);
      }
    }
    return out.toString();
  }

  private static int find(int[] parent, int i) {
    while (parent[i] != i) {
      parent[i] = parent[parent[i]];
      i = parent[i];
    }
    return i;
  }

  private static void union(int[] parent, int a, int b) {
    int ra = find(parent, a);
    int rb = find(parent, b);
    if (ra != rb) {
      parent[Math.max(ra, rb)] = Math.min(ra, rb);
    }
  }
}
