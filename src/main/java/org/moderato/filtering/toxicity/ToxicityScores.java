package org.moderato.filtering.toxicity;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a {@link ToxicityModel} says about one text: the overall toxicity probability, scores per
 * category, and the features that pushed the overall score up most (for moderators).
 *
 * <p>The overall score is what thresholds are applied to. Category scores come from separate
 * heads trained on their own labels; they name the kind of toxicity and are not comparable with
 * the overall score ("not an insult" does not mean "not toxic"). A model may omit categories it
 * does not support.
 *
 * @param toxicity probability in [0, 1] that the text is toxic
 * @param categories category name (see {@link #INSULT}, {@link #SEVERE_TOXICITY}) to score in
 *     [0, 1], in the model's order
 * @param features short readable descriptions of the strongest toxic features, strongest first;
 *     empty when the model cannot explain itself (an external scorer)
 */
public record ToxicityScores(
    double toxicity, Map<String, Double> categories, List<String> features) {

  /** Category: the overall score again, so that a category map alone is complete. */
  public static final String TOXICITY = "toxicity";
  /** Category: insulting, inflammatory or negative towards a person or group. */
  public static final String INSULT = "insult";
  /** Category: very hateful, aggressive or disrespectful; likely to make people leave. */
  public static final String SEVERE_TOXICITY = "severe_toxicity";

  public ToxicityScores {
    check(TOXICITY, toxicity);
    Objects.requireNonNull(categories, "categories");
    categories.forEach(ToxicityScores::check);
    categories = Collections.unmodifiableMap(new LinkedHashMap<>(categories));
    features = List.copyOf(features);
  }

  private static void check(String name, Double value) {
    if (value == null || !(value >= 0 && value <= 1)) {
      throw new IllegalArgumentException(name + " score out of [0, 1]: " + value);
    }
  }

  /** The score of one category, or 0 when the model did not give it. */
  public double category(String name) {
    if (TOXICITY.equals(name)) {
      return toxicity;
    }
    return categories.getOrDefault(name, 0.0);
  }
}
