package org.moderato.filtering.campaigns;

import io.vertx.core.Future;
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
import org.bson.types.ObjectId;
import org.moderato.storage.Sighting;
import org.moderato.storage.SignalRepository;

/**
 * Campaigns: the same message (or a lightly varied one) posted under several names, or the same
 * link domain pushed by several names, within a day. Each comment's MinHash bands and link domains
 * are recorded as a sighting in shared storage (so all instances see them), and earlier sightings by other
 * names raise the spam score ({@code near-duplicate}, {@code repeated-domain}). Short texts are
 * not compared: "Great article!" is not a campaign. Dry runs read but do not record.
 */
public final class CampaignFilter implements CommentFilter {

  static final Duration WINDOW = Duration.ofHours(24);
  static final int MIN_WORDS = 6;
  /** Estimated Jaccard similarity of word bigrams from which two texts are near-duplicates. */
  static final double MIN_SIMILARITY = 0.5;
  /** The most recent sightings looked at per band set or domain. */
  private static final int LOOK_BACK = 50;

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

    List<String> words = MinHash.words(candidate.text());
    int[] signature = words.size() >= MIN_WORDS ? MinHash.signature(words) : null;
    List<String> bands = signature == null ? List.of() : MinHash.bands(signature);

    Set<String> domains = new LinkedHashSet<>();
    for (String link : Links.find(candidate.text())) {
      String host = Links.host(link);
      if (!host.isEmpty() && !common(host)
          && !snapshot.containsDomain("allowedDomains", host)) {
        domains.add(host);
      }
    }

    // Recorded before looking, so two campaign comments arriving together still see each other.
    Future<Void> recorded = !record || (bands.isEmpty() && domains.isEmpty())
        ? Future.succeededFuture()
        : signals.record(new Sighting(new ObjectId().toHexString(), who, candidate.clientKey(),
            candidate.receivedAt(), signature == null ? "" : MinHash.encode(signature), bands,
            new ArrayList<>(domains)));
    return recorded.compose(v -> {
      List<Future<List<Reason>>> all = new ArrayList<>();
      if (signature != null) {
        all.add(signals.withBands(bands, since, LOOK_BACK)
            .map(seen -> nearDuplicates(seen, signature, who)));
      }
      for (String domain : domains) {
        all.add(signals.withDomain(domain, since, LOOK_BACK)
            .map(seen -> repeatedDomain(seen, domain, who)));
      }
      return Future.all(all).map(done -> {
        List<Reason> reasons = new ArrayList<>();
        for (int i = 0; i < done.size(); i++) {
          List<Reason> part = done.resultAt(i);
          reasons.addAll(part);
        }
        return FilterResult.scored(reasons.toArray(Reason[]::new));
      });
    });
  }

  private static List<Reason> nearDuplicates(List<Sighting> seen, int[] signature, String who) {
    Set<String> others = new HashSet<>();
    for (Sighting s : seen) {
      int[] theirs = MinHash.decode(s.signature());
      if (theirs != null && !who.equals(s.name())
          && MinHash.similarity(theirs, signature) >= MIN_SIMILARITY) {
        others.add(s.name());
      }
    }
    if (others.isEmpty()) {
      return List.of();
    }
    double contribution = Math.min(0.85, 0.3 + 0.15 * others.size());
    return List.of(Reason.spam("near-duplicate", contribution,
        "same text from " + others.size() + " other name(s) in 24 h"));
  }

  private static List<Reason> repeatedDomain(List<Sighting> seen, String domain, String who) {
    Set<String> others = new HashSet<>();
    for (Sighting s : seen) {
      if (!who.equals(s.name())) {
        others.add(s.name());
      }
    }
    if (others.size() < 2) {
      return List.of();
    }
    return List.of(Reason.spam("repeated-domain", Math.min(0.8, 0.2 + 0.1 * others.size()),
        domain + " posted by " + others.size() + " other name(s) in 24 h"));
  }
}
