package org.moderato.filtering.lists;

import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.moderato.filtering.Action;
import org.moderato.filtering.Candidate;
import org.moderato.filtering.CommentFilter;
import org.moderato.filtering.FilterResult;
import org.moderato.filtering.Reason;
import org.moderato.filtering.rules.Links;

/**
 * Links and lists: blocked names, clients and domains make a comment spam; suspicious domains and
 * URL shorteners (which hide where a link goes) raise its spam score.
 */
public final class ListFilter implements CommentFilter {

  /** Well-known shorteners; sites add their own through the {@code shorteners} list. */
  static final Set<String> SHORTENERS = Set.of("bit.ly", "tinyurl.com", "goo.gl", "t.co", "ow.ly",
      "is.gd", "buff.ly", "rebrand.ly", "cutt.ly", "shorturl.at", "tiny.cc", "rb.gy", "t.ly",
      "bl.ink", "s.id", "v.gd", "lnkd.in", "shorte.st", "adf.ly", "bit.do", "clck.ru", "qr.ae");

  private final SiteLists lists;

  public ListFilter(SiteLists lists) {
    this.lists = lists;
  }

  @Override
  public String name() {
    return "lists";
  }

  @Override
  public Future<FilterResult> evaluate(Candidate candidate) {
    return lists.snapshot().map(snapshot -> {
      List<Reason> reasons = new ArrayList<>();
      Action action = Action.NONE;
      String name = candidate.name().toLowerCase(Locale.ROOT);
      if (snapshot.get("blockedNames").contains(name)) {
        reasons.add(Reason.spam("blocked-name", 1, candidate.name()));
        action = Action.SPAM;
      }
      if (!candidate.clientKey().isEmpty()
          && snapshot.get("blockedClients").contains(candidate.clientKey())) {
        reasons.add(Reason.spam("blocked-client", 1, candidate.clientKey()));
        action = Action.SPAM;
      }
      Set<String> hosts = new LinkedHashSet<>();
      for (String link : Links.find(candidate.text())) {
        hosts.add(Links.host(link));
      }
      for (String host : hosts) {
        if (snapshot.containsDomain("allowedDomains", host)) {
          continue;
        }
        if (snapshot.containsDomain("blockedDomains", host)) {
          reasons.add(Reason.spam("blocked-domain", 1, host));
          action = Action.SPAM;
        } else if (snapshot.containsDomain("suspiciousDomains", host)) {
          reasons.add(Reason.spam("suspicious-domain", 0.45, host));
        } else if (SHORTENERS.contains(host) || snapshot.containsDomain("shorteners", host)) {
          reasons.add(Reason.spam("url-shortener", 0.35, host));
        }
      }
      return new FilterResult(reasons, action);
    });
  }
}
