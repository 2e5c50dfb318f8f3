package org.moderato.app;

import java.util.ArrayList;
import java.util.List;
import org.moderato.config.ModeratoConfig;
import org.moderato.filtering.CommentFilter;
import org.moderato.filtering.FilterPipeline;
import org.moderato.filtering.bots.BotTrapFilter;
import org.moderato.filtering.bots.FormTokens;
import org.moderato.filtering.campaigns.CampaignFilter;
import org.moderato.filtering.lists.ListFilter;
import org.moderato.filtering.lists.SiteLists;
import org.moderato.filtering.rules.LinkCountFilter;
import org.moderato.filtering.rules.WordListFilter;
import org.moderato.storage.SignalRepository;

/**
 * The filter pipeline's declared order. Cheap structural checks come first, then word lists and
 * the site's lists, then signals that need storage, then the learned models: a rule that rejects
 * outright ends the run before anything after it is paid for.
 */
final class Filters {

  private Filters() {}

  /** What the filters need besides configuration. */
  record Needs(FormTokens formTokens, SiteLists lists, SignalRepository signals,
      List<CommentFilter> models) {}

  static FilterPipeline pipeline(ModeratoConfig.Filters config, Needs needs) {
    List<CommentFilter> filters = new ArrayList<>(List.of(
        // 1. Bot traps: a filled honeypot is spam; the form token's age and signature are signals.
        new BotTrapFilter(needs.formTokens()),
        // 2. Structure: more links than the limit holds the comment (spam's favourite payload).
        new LinkCountFilter(config.linkLimit()),
        // 3. Word lists: blocked words reject, suspect words hold; matched after anti-evasion
        //    folding, so look-alike letters and separators do not get around them.
        new WordListFilter(config.blockedWords(), config.suspectWords()),
        // 4. The site's lists: blocked names, clients and domains; suspicious domains, shorteners.
        new ListFilter(needs.lists()),
        // 5. Campaigns: near-duplicate texts and link domains pushed under several names.
        new CampaignFilter(needs.signals(), needs.lists())));
    // 6. Learned models (spam, then toxicity): the most expensive, so last.
    filters.addAll(needs.models());
    return new FilterPipeline(filters, config.thresholds());
  }
}
