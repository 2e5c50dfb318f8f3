package org.moderato.app;

import java.util.List;
import org.moderato.config.ModeratoConfig;
import org.moderato.filtering.CommentFilter;
import org.moderato.filtering.FilterPipeline;
import org.moderato.filtering.rules.LinkCountFilter;
import org.moderato.filtering.rules.WordListFilter;

/**
 * The filter pipeline's declared order. Cheap structural checks come first, then word lists, then
 * the learned models: a rule that rejects outright ends the run before any model is paid for.
 */
final class Filters {

  private Filters() {}

  static FilterPipeline pipeline(ModeratoConfig.Filters config) {
    List<CommentFilter> filters = List.of(
        // 1. Structure: more links than the limit holds the comment (spam's favourite payload).
        new LinkCountFilter(config.linkLimit()),
        // 2. Word lists: blocked words reject, suspect words hold; matched after anti-evasion
        //    folding, so look-alike letters and separators do not get around them.
        new WordListFilter(config.blockedWords(), config.suspectWords()));
    return new FilterPipeline(filters, config.thresholds());
  }
}
