package org.moderato.filtering.campaigns;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.moderato.filtering.Candidate;
import org.moderato.filtering.CommentFilter;
import org.moderato.filtering.FilterResult;
import org.moderato.filtering.Reason;
import org.moderato.filtering.lists.SiteLists;
import org.moderato.filtering.rules.Links;
import org.moderato.storage.SignalRepository;

/**
 * Campaigns: the same message (or a lightly varied one) posted under several names, or the same
 * link domain pushed by several names, within a day. Each comment's MinHash bands and link domains
 * are recorded in shared signals (so all instances see them), and earlier sightings by other
 * names raise the spam score ({@code near-duplicate}, {@code repeated-domain}). Short texts are
 * not compared: "Great article!" is not a campaign. Dry runs read but do not record.
 */
public final class CampaignFilter implements CommentFilter {

  static final Duration WINDOW = Duration.ofHours(24);
  static final int MIN_WORDS = 6;
  /** Estimated Jaccard similarity of word bigrams from which two texts are near-duplicates. */
  static final double MIN_SIMILARITY = 0.5;
  private static final int KEEP = 20;

  /** Domains many people link to in good faith; sites add theirs to {@code allowedDomains}. */
  static final Set<String> COMMON = Set.of("wikipedia.org", "youtube.com", "youtu.be",
      "twitter.com", "x.com", "facebook.com", "instagram.com", "reddit.com", "github.com",
      "google.com", "apnews.com", "reuters.com", "bbc.co.uk", "bbc.com", "nytimes.com",
      "theguardian.com", "washingtonpost.com", "archive.org", "gov.uk");

  private final SignalRepository signals;
  private final SiteLists lists;

  public CampaignFilter(SignalRepository signals, SiteLists lists) {
    this.signals = signals;
    this.lists = lists;
  }

  @Override
  public String name() {
    return "campaigns";
  }

  @Override
  public Future<FilterResult> evaluate(Candidate candidate) {
    return lists.snapshot().compose(snapshot -> evaluate(candidate, snapshot));
  }

  private static boolean common(String host) {
    String h = host;
    while (true) {
      if (COMMON.contains(h) || h.endsWith(".gov") || h.equals("gov")) {
        return true;
      }
      int dot = h.indexOf('.');
      if (dot < 0) {
        return false;
      }
      h = h.substring(dot + 1);
    }
  }

  private Future<FilterResult> evaluate(Candidate candidate, SiteLists.Snapshot snapshot) {
    boolean record = !candidate.articleId().isEmpty();
    Instant since = candidate.receivedAt().minus(WINDOW);
    String who = candidate.name().toLowerCase(Locale.ROOT);
    JsonObject me = new JsonObject()
        .put("n", who)
        .put("c", candidate.clientKey())
        .put("t", candidate.receivedAt().toEpochMilli());

    List<String> words = MinHash.words(candidate.text());
    Future<List<Reason>> near = Future.succeededFuture(List.of());
    if (words.size() >= MIN_WORDS) {
      int[] signature = MinHash.signature(words);
      List<String> keys = MinHash.bands(signature).stream().map(b -> "nd:" + b).toList();
      JsonObject entry = me.copy().put("h", MinHash.encode(signature));
      Future<List<JsonObject>> seen = record ? appendAll(keys, entry) : signals.peek(keys);
      near = seen.map(entries -> {
        Set<String> others = new HashSet<>();
        for (JsonObject e : entries) {
          int[] theirs = MinHash.decode(e.getString("h"));
          if (theirs != null && recent(e, since)
              && MinHash.similarity(theirs, signature) >= MIN_SIMILARITY
              && !who.equals(e.getString("n"))) {
            others.add(e.getString("n"));
          }
        }
        if (others.isEmpty()) {
          return List.of();
        }
        double contribution = Math.min(0.85, 0.3 + 0.15 * others.size());
        return List.of(Reason.spam("near-duplicate", contribution,
            "same text from " + others.size() + " other name(s) in 24 h"));
      });
    }

    Set<String> domains = new LinkedHashSet<>();
    for (String link : Links.find(candidate.text())) {
      String host = Links.host(link);
      if (!host.isEmpty() && !common(host)
          && !snapshot.containsDomain("allowedDomains", host)) {
        domains.add(host);
      }
    }
    List<Future<List<Reason>>> byDomain = new ArrayList<>();
    for (String domain : domains) {
      List<String> key = List.of("dom:" + domain);
      Future<List<JsonObject>> seen = record ? signals.append(key.get(0), me, KEEP)
          : signals.peek(key);
      byDomain.add(seen.map(entries -> {
        Set<String> others = new HashSet<>();
        for (JsonObject e : entries) {
          if (recent(e, since) && !who.equals(e.getString("n"))) {
            others.add(e.getString("n"));
          }
        }
        if (others.size() < 2) {
          return List.of();
        }
        return List.of(Reason.spam("repeated-domain", Math.min(0.8, 0.2 + 0.1 * others.size()),
            domain + " posted by " + others.size() + " other name(s) in 24 h"));
      }));
    }

    List<Future<List<Reason>>> all = new ArrayList<>(byDomain);
    all.add(near);
    return Future.all(all).map(done -> {
      List<Reason> reasons = new ArrayList<>();
      for (int i = 0; i < done.size(); i++) {
        List<Reason> part = done.resultAt(i);
        reasons.addAll(part);
      }
      return FilterResult.scored(reasons.toArray(Reason[]::new));
    });
  }

  private Future<List<JsonObject>> appendAll(List<String> keys, JsonObject entry) {
    List<Future<List<JsonObject>>> appends = new ArrayList<>();
    for (String key : keys) {
      appends.add(signals.append(key, entry, KEEP));
    }
    return Future.all(appends).map(done -> {
      List<JsonObject> entries = new ArrayList<>();
      for (int i = 0; i < done.size(); i++) {
        List<JsonObject> part = done.resultAt(i);
        entries.addAll(part);
      }
      return entries;
    });
  }

  private static boolean recent(JsonObject entry, Instant since) {
    Long at = entry.getLong("t");
    return at != null && at >= since.toEpochMilli();
  }
}
