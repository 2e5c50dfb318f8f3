package org.moderato.threads;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
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
 * unreachable at once (and evicted by size). Other instances see a change within the configured
 * TTL, which bounds how stale a page can be across a cluster.
 */
public final class ThreadService {

  private static final AtomicLong GENERATIONS = new AtomicLong();

  private record PageKey(String articleId, long generation, ThreadSort sort, int limit,
      String cursor) {}

  private final Vertx vertx;
  private final CommentRepository comments;
  private final ArticleRepository articles;
  private final CursorCodec cursors;
  private final AsyncCache<PageKey, RenderedPage> pages;
  private final Cache<String, Long> generations;
  private final AsyncCache<String, Long> counts;

  public ThreadService(Vertx vertx, CommentRepository comments, ArticleRepository articles,
      CursorCodec cursors, ModeratoConfig.Cache config, Ticker ticker) {
    this.vertx = vertx;
    this.comments = comments;
    this.articles = articles;
    this.cursors = cursors;
    this.pages = Caffeine.newBuilder()
        .maximumWeight(config.threadPageMegabytes() * 1024L * 1024L)
        .<PageKey, RenderedPage>weigher((key, page) -> page.body().length() + 200)
        .expireAfterWrite(config.threadPageTtl())
        .ticker(ticker)
        .recordStats()
        .buildAsync();
    this.generations = Caffeine.newBuilder()
        .maximumSize(Math.max(1, config.counts()))
        .ticker(ticker)
        .build();
    this.counts = Caffeine.newBuilder()
        .maximumSize(Math.max(1, config.counts()))
        .expireAfterWrite(config.countsTtl())
        .ticker(ticker)
        .recordStats()
        .buildAsync();
  }

  /**
   * One page of an article's published thread. Fails with a 400 {@link Problem} for a cursor that
   * is not one this server issued for the same article and sort.
   */
  public Future<RenderedPage> page(String articleId, ThreadSort sort, int limit, String cursor) {
    String listing = listing(articleId, sort);
    return cursors.resume(listing, cursor).compose(after -> {
      long generation = generations.get(articleId, k -> GENERATIONS.incrementAndGet());
      PageKey key = new PageKey(articleId, generation, sort, limit, cursor);
      Context context = vertx.getOrCreateContext();
      CompletableFuture<RenderedPage> cached = pages.get(key, (k, executor) ->
          load(articleId, sort, limit, after, listing).toCompletionStage().toCompletableFuture());
      return Future.fromCompletionStage(cached, context);
    });
  }

  private Future<RenderedPage> load(String articleId, ThreadSort sort, int limit,
      SortPosition after, String listing) {
    Future<List<Comment>> roots = comments.topLevel(articleId, sort, after, limit + 1);
    Future<Long> total = count(articleId);
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
    Context context = vertx.getOrCreateContext();
    return Future.fromCompletionStage(counts.get(articleId, (id, executor) ->
        articles.find(id).map(a -> a.publishedCount()).toCompletionStage().toCompletableFuture()),
        context);
  }

  /** Published counts for several articles: cached ones from memory, the rest in one query. */
  public Future<Map<String, Long>> counts(Collection<String> articleIds) {
    Context context = vertx.getOrCreateContext();
    CompletableFuture<Map<String, Long>> all = counts.getAll(articleIds, (missing, executor) ->
        articles.counts(new ArrayList<>(missing)).toCompletionStage().toCompletableFuture());
    return Future.fromCompletionStage(all, context).map(found -> {
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
