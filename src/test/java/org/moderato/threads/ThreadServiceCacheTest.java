package org.moderato.threads;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.moderato.config.ModeratoConfig;
import org.moderato.domain.Comment;
import org.moderato.domain.CommentStatus;
import org.moderato.filtering.Score;
import org.moderato.paging.CursorCodec;
import org.moderato.storage.Article;
import org.moderato.storage.ArticleRepository;
import org.moderato.storage.CommentRepository;
import org.moderato.storage.ThreadSort;

/**
 * The page and count caches: fresh entries come from memory, entries past the TTL are served
 * once more while a single reload runs (readers of a busy thread never wait for it), entries past
 * twice the TTL are never served, and an invalidation is seen at once. "Another instance wrote"
 * is a change in the store that this service is not told about.
 */
class ThreadServiceCacheTest {

  private static final Duration TTL = Duration.ofSeconds(5);

  private final Vertx vertx = Vertx.vertx();
  private final AtomicLong nanos = new AtomicLong(1);
  private final List<Comment> stored = new ArrayList<>();
  private final Map<String, Long> publishedCounts = new HashMap<>();
  private final AtomicInteger pageQueries = new AtomicInteger();
  private final AtomicInteger countQueries = new AtomicInteger();
  private final ThreadService threads = new ThreadService(vertx, comments(), articles(),
      new CursorCodec(new byte[32]), new ModeratoConfig.Cache(8, TTL, 100, TTL), nanos::get);

  @AfterEach
  void closeVertx() throws Exception {
    vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  @Test
  void aPageYoungerThanTheTtlComesFromMemory() {
    write("first");
    assertThat(page()).contains("first");
    write("second");
    advance(TTL.minusMillis(1));
    assertThat(page()).contains("first").doesNotContain("second");
    assertThat(pageQueries).hasValue(1);
  }

  @Test
  void aPageOlderThanTheTtlIsServedWhileOneReloadRuns() {
    write("first");
    page();
    write("second");
    advance(TTL.plusMillis(1));
    holdQueries = true;
    assertThat(page()).contains("first").doesNotContain("second");
    assertThat(page()).contains("first").doesNotContain("second");
    assertThat(pageQueries).hasValue(2);
    releaseQueries();
    assertThat(page()).contains("second");
    assertThat(pageQueries).hasValue(2);
  }

  @Test
  void aPageOlderThanTwiceTheTtlIsNeverServed() {
    write("first");
    page();
    write("second");
    advance(TTL.multipliedBy(2).plusMillis(1));
    assertThat(page()).contains("second");
    assertThat(pageQueries).hasValue(2);
  }

  @Test
  void anInvalidationIsSeenAtOnce() {
    write("first");
    page();
    write("second");
    threads.invalidate("a");
    assertThat(page()).contains("second");
  }

  @Test
  void countsAreServedStaleOnlyWhileTheirReloadRuns() {
    publishedCounts.put("a", 3L);
    assertThat(count()).isEqualTo(3);
    publishedCounts.put("a", 4L);
    advance(TTL.minusMillis(1));
    assertThat(count()).isEqualTo(3);
    advance(Duration.ofMillis(2));
    holdQueries = true;
    assertThat(count()).isEqualTo(3);
    assertThat(count()).isEqualTo(3);
    assertThat(countQueries).hasValue(2);
    releaseQueries();
    assertThat(count()).isEqualTo(4);
    publishedCounts.put("a", 5L);
    advance(TTL.multipliedBy(2).plusMillis(1));
    assertThat(count()).isEqualTo(5);
    assertThat(countQueries).hasValue(3);
  }

  /** While set, the store's answers wait until {@link #releaseQueries()}: a slow reload. */
  private boolean holdQueries;
  private final List<Runnable> held = new ArrayList<>();

  private <T> Future<T> answer(java.util.function.Supplier<T> result) {
    if (!holdQueries) {
      return Future.succeededFuture(result.get());
    }
    Promise<T> later = Promise.promise();
    held.add(() -> later.complete(result.get()));
    return later.future();
  }

  private void releaseQueries() {
    holdQueries = false;
    List<Runnable> now = List.copyOf(held);
    held.clear();
    now.forEach(Runnable::run);
  }

  private void write(String text) {
    stored.add(new Comment("c" + stored.size(), "a", null, List.of(), "c" + stored.size(), "n",
        text, null, CommentStatus.PUBLISHED, 1, Instant.ofEpochSecond(stored.size()),
        Instant.EPOCH, Score.ZERO, Score.ZERO, 0, "", ""));
    publishedCounts.put("a", (long) stored.size());
  }

  private void advance(Duration duration) {
    nanos.addAndGet(duration.toNanos());
  }

  private String page() {
    return await(threads.page("a", ThreadSort.OLDEST, 20, null)).body().toString();
  }

  private long count() {
    return await(threads.count("a"));
  }

  private static <T> T await(Future<T> future) {
    try {
      return future.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** The two comment queries a page makes, over {@link #stored}; nothing else is called. */
  private CommentRepository comments() {
    return fake(CommentRepository.class, (name, args) -> switch (name) {
      case "topLevel" -> {
        pageQueries.incrementAndGet();
        List<Comment> snapshot = List.copyOf(stored);
        yield answer(() -> snapshot);
      }
      case "replies" -> Future.succeededFuture(List.of());
      default -> throw new UnsupportedOperationException(name);
    });
  }

  private ArticleRepository articles() {
    return fake(ArticleRepository.class, (name, args) -> switch (name) {
      case "find" -> {
        countQueries.incrementAndGet();
        String id = (String) args[0];
        Article article = new Article(id, publishedCounts.getOrDefault(id, 0L), false);
        yield answer(() -> article);
      }
      case "counts" -> {
        countQueries.incrementAndGet();
        Map<String, Long> found = new HashMap<>();
        for (Object id : (Collection<?>) args[0]) {
          found.put((String) id, publishedCounts.getOrDefault((String) id, 0L));
        }
        yield Future.succeededFuture(found);
      }
      default -> throw new UnsupportedOperationException(name);
    });
  }

  private interface Calls {
    Object call(String method, Object[] args);
  }

  private static <T> T fake(Class<T> type, Calls calls) {
    return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type},
        (proxy, method, args) -> calls.call(method.getName(), args)));
  }
}
