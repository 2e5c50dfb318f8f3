package org.moderato.filtering.lists;

import com.github.benmanes.caffeine.cache.AsyncLoadingCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.moderato.domain.Problem;
import org.moderato.storage.ListRepository;

/**
 * The site's own lists, edited by admins at run time through the API and kept in MongoDB: blocked
 * and suspicious link domains, URL shorteners (on top of the built-in ones), allowed domains, and
 * blocked names and client hashes. Read through a one-entry cache that a write on this instance
 * refreshes at once; other instances pick a change up within {@link #TTL}.
 */
public final class SiteLists {

  /** The lists there are, with what each does. */
  public static final Map<String, String> NAMES = Map.of(
      "blockedDomains", "links to these domains (and their subdomains) are spam",
      "suspiciousDomains", "links to these domains raise the spam score",
      "shorteners", "URL shorteners besides the built-in ones; they raise the spam score",
      "allowedDomains", "domains never counted as suspicious or as a campaign",
      "blockedNames", "comments under these names are spam",
      "blockedClients", "comments from these client hashes are spam");

  static final Duration TTL = Duration.ofSeconds(30);
  private static final int MAX_ENTRIES = 10_000;
  private static final int MAX_ENTRY_LENGTH = 200;

  /** A snapshot of all lists, names lower-cased. */
  public record Snapshot(Map<String, Set<String>> lists) {

    public Set<String> get(String name) {
      return lists.getOrDefault(name, Set.of());
    }

    /** Whether {@code host} or a parent domain of it is in the list. */
    public boolean containsDomain(String name, String host) {
      Set<String> domains = get(name);
      String h = host;
      while (true) {
        if (domains.contains(h)) {
          return true;
        }
        int dot = h.indexOf('.');
        if (dot < 0) {
          return false;
        }
        h = h.substring(dot + 1);
      }
    }
  }

  private final Vertx vertx;
  private final ListRepository repository;
  private final AsyncLoadingCache<String, Snapshot> cache;

  public SiteLists(Vertx vertx, ListRepository repository, Ticker ticker) {
    this.vertx = vertx;
    this.repository = repository;
    this.cache = Caffeine.newBuilder()
        .maximumSize(1)
        .refreshAfterWrite(TTL)
        .ticker(ticker)
        .buildAsync((key, executor) -> repository.all().map(Snapshot::new)
            .toCompletionStage().toCompletableFuture());
  }

  public Future<Snapshot> snapshot() {
    return Future.fromCompletionStage(cache.get("all"), vertx.getOrCreateContext());
  }

  /** Replaces one list; fails with 400 for an unknown list or bad entries. */
  public Future<Set<String>> put(String name, List<?> entries) {
    if (!NAMES.containsKey(name)) {
      return Future.failedFuture(Problem.notFound("No list named " + name + "; lists are "
          + new TreeMap<>(NAMES).keySet() + "."));
    }
    if (entries.size() > MAX_ENTRIES) {
      return Future.failedFuture(Problem.invalid("entries", "at most " + MAX_ENTRIES + " entries"));
    }
    Set<String> clean = new LinkedHashSet<>();
    for (Object entry : entries) {
      if (!(entry instanceof String s) || s.isBlank() || s.length() > MAX_ENTRY_LENGTH
          || s.contains("$")) {
        return Future.failedFuture(Problem.invalid("entries",
            "entries must be non-empty strings of at most " + MAX_ENTRY_LENGTH
                + " characters without '$'"));
      }
      clean.add(s.strip().toLowerCase(Locale.ROOT));
    }
    return repository.put(name, clean).map(v -> {
      cache.synchronous().invalidateAll();
      return clean;
    });
  }
}
