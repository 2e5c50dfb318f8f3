package org.moderato.filtering.spam;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.moderato.classifier.ClassifierTask;
import org.moderato.classifier.Example;
import org.moderato.classifier.FeatureSpec;
import org.moderato.classifier.LabeledText;
import org.moderato.classifier.LogisticModel;
import org.moderato.classifier.TrainingConfig;
import org.moderato.filtering.CommentFilter;
import org.moderato.filtering.Thresholds;
import org.moderato.filtering.Verdict;

/**
 * The spam task of the {@code train} and {@code eval} commands. Label {@code spam} is positive;
 * {@code ham} (short comments from the spam data) and {@code ok} (long-form comments from the
 * toxicity data, see {@code datasets/README.md}) are negative; other labels are skipped.
 *
 * <p>The model is a conjunction of two experts over words and structural features: one
 * learns spam against short chatter ({@code ham}), the other spam against long argumentative
 * comments ({@code ok}). A comment is held only if both call it spam. One linear model trained on
 * both kinds of ham has to spend its weights on telling chatter from prose and loses recall; each
 * expert here only has to learn what spam looks like next to one kind of ham.
 *
 * <p>Words are single (no bigrams) and character n-grams are off: in leave-one-source-out
 * validation both fitted each source's writing style and lowered recall and ROC-AUC on the
 * held-out source. The normalizer already undoes the disguises character n-grams would catch.
 */
public final class SpamTask implements ClassifierTask {

  private static final FeatureSpec SPEC = new FeatureSpec(FeatureSpec.CURRENT_VERSION, 18, 1, 0, 0,
      true, FeatureSpec.DEFAULTS.maxChars());

  @Override
  public String name() {
    return "spam";
  }

  @Override
  public Boolean label(LabeledText row) {
    return switch (row.label()) {
      case "spam" -> true;
      case "ham", "ok" -> false;
      default -> null;
    };
  }

  @Override
  public List<List<Example>> expertExamples(List<LabeledText> rows) {
    List<Example> againstChatter = new ArrayList<>();
    List<Example> againstLongForm = new ArrayList<>();
    for (LabeledText row : rows) {
      switch (row.label()) {
        case "spam" -> {
          againstChatter.add(new Example(row.text(), true));
          againstLongForm.add(new Example(row.text(), true));
        }
        case "ham" -> againstChatter.add(new Example(row.text(), false));
        case "ok" -> againstLongForm.add(new Example(row.text(), false));
        default -> { }
      }
    }
    return List.of(againstChatter, againstLongForm);
  }

  @Override
  public FeatureSpec featureSpec() {
    return SPEC;
  }

  @Override
  public TrainingConfig trainingConfig() {
    return TrainingConfig.DEFAULTS;
  }

  @Override
  public String modelResource() {
    return SpamModelFilter.MODEL_RESOURCE;
  }

  @Override
  public List<CommentFilter> filters(LogisticModel model) {
    return List.of(new SpamModelFilter(model));
  }

  @Override
  public double score(Verdict verdict) {
    return verdict.spam().score();
  }

  @Override
  public Map<String, Double> thresholds(Thresholds thresholds) {
    Map<String, Double> out = new LinkedHashMap<>();
    out.put("hold", thresholds.spamHold());
    out.put("spam", thresholds.spamSpam());
    return out;
  }
}
