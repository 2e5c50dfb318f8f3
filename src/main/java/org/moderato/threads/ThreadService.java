package org.moderato.threads;

import com.github.benmanes.caffeine.cache.AsyncCacheLoader;
import com.github.benmanes.caffeine.cache.AsyncLoadingCache;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import org.moderato.config.ModeratoConfig;
import org.moderato.domain.Comment;
import org.moderato.domain.Problem;
import org.moderato.metrics.ModeratoMetrics;
import org.moderato.paging.CursorCodec;
import org.moderato.storage.ArticleRepository;
import org.moderato.storage.CommentRepository;
import org.moderato.storage.SortPosition;
import org.moderato.storage.ThreadSort;

/**
 * Published threads and counts, as readers fetch them. Pages are assembled from two indexed
 * queries (one page of top-level comments, then their reply trees) and the article's maintained
 * count, encoded once and cached; concurrent misses on one page share a single load.
 *
 * <p>Invalidation is precise: each article has a generation number that is part of every page key,
 * and any write that changes what the article's pages show moves it on, so the old pages are
 * unreachable at once (and evicted by size). Other instances see a change within about the
 * configured TTL: a page (or count) older than the TTL is still served while one reload runs in
 * the background, so readers of a busy thread never wait for it; one older than twice the TTL is
 * never served.
 */
public final class ThreadService {

  private static final AtomicLong GENERATIONS = new AtomicLong();

  /** A page; {@code after} is where the cursor points (decoded from it, so equal keys agree). */
  private record PageKey(String articleId, long generation, ThreadSort sort, int limit,
      String cursor, SortPosition after) {}

  private final Vertx vertx;
  private final CommentRepository comments;
  private final ArticleRepository articles;
  private final CursorCodec cursors;
  private final AsyncLoadingCache<PageKey, RenderedPage> pages;
  private final Cache<String, Long> generations;
  private final AsyncLoadingCache<String, Long> counts;

  public ThreadService(Vertx vertx, CommentRepository comments, ArticleRepository articles,
      CursorCodec cursors, ModeratoConfig.Cache config, Ticker ticker) {
    this.vertx = vertx;
    this.comments = comments;
    this.articles = articles;
    this.cursors = cursors;
    this.pages = staleWhileReloading(Caffeine.newBuilder(), config.threadPageTtl())
        .maximumWeight(config.threadPageMegabytes() * 1024L * 1024L)
        .<PageKey, RenderedPage>weigher((key, page) -> page.body().length() + 200)
        .ticker(ticker)
        .recordStats()
        .buildAsync((key, executor) -> load(key).toCompletionStage().toCompletableFuture());
    this.generations = Caffeine.newBuilder()
        .maximumSize(Math.max(1, config.counts()))
        .ticker(ticker)
        .build();
    this.counts = staleWhileReloading(Caffeine.newBuilder(), config.countsTtl())
        .maximumSize(Math.max(1, config.counts()))
        .ticker(ticker)
        .recordStats()
        .buildAsync(new AsyncCacheLoader<String, Long>() {
          @Override
          public CompletableFuture<Long> asyncLoad(String articleId, Executor executor) {
            return articles.find(articleId).map(a -> a.publishedCount())
                .toCompletionStage().toCompletableFuture();
          }

          @Override
          public CompletableFuture<Map<String, Long>> asyncLoadAll(Set<? extends String> ids,
              Executor executor) {
            return articles.counts(new ArrayList<>(ids)).toCompletionStage().toCompletableFuture();
          }
        });
  }

  /**
   * Entries older than {@code ttl} are served while one reload runs; entries older than twice
   * that are gone. A TTL of zero caches nothing.
   */
  private static Caffeine<Object, Object> staleWhileReloading(Caffeine<Object, Object> builder,
      Duration ttl) {
    if (ttl.isZero()) {
      return builder.expireAfterWrite(ttl);
    }
    return builder.refreshAfterWrite(ttl).expireAfterWrite(ttl.multipliedBy(2));
  }

  /**
   * One page of an article's published thread. Fails with a 400 {@link Problem} for a cursor that
   * is not one this server issued for the same article and sort.
   */
  public Future<RenderedPage> page(String articleId, ThreadSort sort, int limit, String cursor) {
    String listing = listing(articleId, sort);
    return cursors.resume(listing, cursor).compose(after -> {
      long generation = generations.get(articleId, k -> GENERATIONS.incrementAndGet());
      PageKey key = new PageKey(articleId, generation, sort, limit, cursor, after);
      return Future.fromCompletionStage(pages.get(key), vertx.getOrCreateContext());
    });
  }

  private Future<RenderedPage> load(PageKey key) {
    String articleId = key.articleId();
    ThreadSort sort = key.sort();
    int limit = key.limit();
    String listing = listing(articleId, sort);
    Future<List<Comment>> roots = comments.topLevel(articleId, sort, key.after(), limit + 1);
    // No hop to a context here: the page completes where its last query does.
    Future<Long> total = Future.fromCompletionStage(counts.get(articleId));
    return roots.compose(found -> {
      CursorCodec.Page<Comment> page = cursors.page(listing, found, limit, last ->
          new SortPosition(sort == ThreadSort.TOP ? last.replyCount() : 0, last.createdAt(),
              last.id()));
      List<String> rootIds = page.items().stream().map(Comment::id).toList();
      return Future.all(comments.replies(rootIds), total).map(all -> {
        List<Comment> replies = all.resultAt(0);
        long count = all.resultAt(1);
        return ThreadJson.render(articleId, count, ThreadTree.assemble(page.items(), replies),
            page.nextCursor());
      });
    });
  }

  /** The article's published count, from the maintained counter, cached. */
  public Future<Long> count(String articleId) {
    return Future.fromCompletionStage(counts.get(articleId), vertx.getOrCreateContext());
  }

  /** Published counts for several articles: cached ones from memory, the rest in one query. */
  public Future<Map<String, Long>> counts(Collection<String> articleIds) {
    CompletableFuture<Map<String, Long>> all = counts.getAll(articleIds);
    return Future.fromCompletionStage(all, vertx.getOrCreateContext()).map(found -> {
      Map<String, Long> ordered = new LinkedHashMap<>();
      articleIds.forEach(id -> ordered.put(id, found.getOrDefault(id, 0L)));
      return ordered;
    });
  }

  /**
   * After a write to {@code comment} that moved its published status by {@code delta} (-1, 0 or
   * 1): moves the article's count and its ancestors' reply counts, clears the comment's repair
   * mark, and refreshes the article's pages. Every write path that changes a status ends here.
   */
  public Future<Void> published(Comment comment, long delta) {
    Future<Void> counters = delta == 0 ? Future.succeededFuture() : Future.all(
        articles.addPublished(comment.articleId(), delta),
        comments.addToReplyCounts(comment.ancestorIds(), delta)).mapEmpty();
    return counters
        .compose(v -> comments.countersDone(comment.id()))
        .onComplete(done -> invalidate(comment.articleId()));
  }

  /** Forgets everything cached about the article: called by every write that changes its thread. */
  public void invalidate(String articleId) {
    generations.put(articleId, GENERATIONS.incrementAndGet());
    counts.synchronous().invalidate(articleId);
  }

  /** Reports the caches' hit rates and sizes. */
  public void monitor(ModeratoMetrics metrics) {
    metrics.monitor(pages.synchronous(), "thread_pages");
    metrics.monitor(counts.synchronous(), "counts");
  }

  private static String listing(String articleId, ThreadSort sort) {
    return "thread:" + articleId + ":" + sort.wire();
  }
}
