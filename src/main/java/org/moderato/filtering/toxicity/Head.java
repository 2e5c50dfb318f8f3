package org.moderato.filtering.toxicity;

/**
 * The heads of the local model: one logistic model per category, each trained on the labels that
 * speak to it (see {@link ToxicityCorpus#label}).
 */
enum Head {
  TOXICITY(ToxicityScores.TOXICITY),
  INSULT(ToxicityScores.INSULT),
  SEVERE_TOXICITY(ToxicityScores.SEVERE_TOXICITY);

  private final String category;

  Head(String category) {
    this.category = category;
  }

  /** The category name used in {@link ToxicityScores} and in the model file. */
  String category() {
    return category;
  }

  static Head ofCategory(String category) {
    for (Head head : values()) {
      if (head.category.equals(category)) {
        return head;
      }
    }
    throw new IllegalArgumentException("unknown toxicity category: " + category);
  }
}
