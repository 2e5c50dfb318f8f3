package org.moderato.moderation;

import io.vertx.core.Future;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bson.types.ObjectId;
import org.moderato.domain.AuditEntry;
import org.moderato.domain.Comment;
import org.moderato.domain.CommentStatus;
import org.moderato.domain.Ids;
import org.moderato.domain.ModerationAction;
import org.moderato.domain.Moderator;
import org.moderato.domain.Problem;
import org.moderato.events.CommentEvents;
import org.moderato.filtering.Candidate;
import org.moderato.filtering.FilterPipeline;
import org.moderato.filtering.Verdict;
import org.moderato.metrics.ModeratoMetrics;
import org.moderato.paging.CursorCodec;
import org.moderato.storage.ArticleRepository;
import org.moderato.storage.AuditLogRepository;
import org.moderato.storage.CommentRepository;
import org.moderato.storage.QueueQuery;
import org.moderato.storage.QueueSort;
import org.moderato.storage.SortPosition;
import org.moderato.threads.ThreadService;

/**
 * The moderators' work: the queue, decisions, the audit log and dry runs of the filters.
 *
 * <p>A decision is one atomic update guarded by the comment's version (409 when someone else
 * decided first), followed by the counters, the article's caches, the audit log, the live event
 * and the learning listeners. There are no multi-document transactions: a crash between the
 * decision and its counters leaves counters that the start-up repair puts right.
 */
public final class ModerationService {

  /** Most ids one bulk decision may name. */
  public static final int BULK_LIMIT = 200;

  private final CommentRepository comments;
  private final ArticleRepository articles;
  private final AuditLogRepository auditLog;
  private final ThreadService threads;
  private final FilterPipeline pipeline;
  private final CursorCodec cursors;
  private final CommentEvents events;
  private final List<DecisionListener> listeners;
  private final Clock clock;
  private final ModeratoMetrics metrics;

  public ModerationService(CommentRepository comments, ArticleRepository articles,
      AuditLogRepository auditLog, ThreadService threads, FilterPipeline pipeline,
      CursorCodec cursors, CommentEvents events, List<DecisionListener> listeners, Clock clock,
      ModeratoMetrics metrics) {
    this.comments = comments;
    this.articles = articles;
    this.auditLog = auditLog;
    this.threads = threads;
    this.pipeline = pipeline;
    this.cursors = cursors;
    this.events = events;
    this.listeners = List.copyOf(listeners);
    this.clock = clock;
    this.metrics = metrics;
  }

  /** One page of comments with the given status, with their parents for context. */
  public Future<QueuePage> queue(CommentStatus status, String articleId, QueueSort sort, int limit,
      String cursor) {
    String listing = "queue:" + status.wire() + ":" + (articleId == null ? "" : articleId) + ":"
        + sort.wire();
    return cursors.resume(listing, cursor)
        .compose(after -> comments.queue(new QueueQuery(status, articleId, sort, limit + 1, after)))
        .compose(found -> {
          CursorCodec.Page<Comment> page = cursors.page(listing, found, limit, last ->
              new SortPosition(sort == QueueSort.RISK ? last.risk() : 0, last.createdAt(),
                  last.id()));
          Set<String> parentIds = new LinkedHashSet<>();
          page.items().forEach(c -> {
            if (c.parentId() != null) {
              parentIds.add(c.parentId());
            }
          });
          return comments.findAll(parentIds).map(parents -> {
            Map<String, Comment> byId = new HashMap<>();
            parents.forEach(p -> byId.put(p.id(), p));
            List<QueuePage.Item> items = new ArrayList<>();
            page.items().forEach(c -> items.add(new QueuePage.Item(c, byId.get(c.parentId()))));
            return new QueuePage(items, page.nextCursor());
          });
        });
  }

  /**
   * Decides on one comment. {@code version} null means "the current one" (the bulk path); a given
   * version that is no longer current fails with 409 and changes nothing.
   */
  public Future<Comment> decide(Moderator moderator, String id, ModerationAction action,
      String reason, Long version) {
    if (!Ids.isId(id)) {
      return Future.failedFuture(Problem.notFound("No comment with this id."));
    }
    return comments.find(id).compose(found -> {
      if (found.isEmpty()) {
        return Future.failedFuture(Problem.notFound("No comment with this id."));
      }
      Comment before = found.get();
      if (version != null && version != before.version()) {
        return Future.failedFuture(staleVersion(before));
      }
      if (before.status() == CommentStatus.DELETED) {
        return Future.failedFuture(Problem.conflict("deleted-by-author",
            "The author deleted this comment."));
      }
      Instant now = clock.instant();
      return comments.changeStatus(id, before.version(), action.target(), now)
          .compose(updated -> {
            if (updated.isEmpty()) {
              return Future.failedFuture(staleVersion(before));
            }
            return after(moderator, before, updated.get(), action, reason, now);
          });
    });
  }

  private Future<Comment> after(Moderator moderator, Comment before, Comment after,
      ModerationAction action, String reason, Instant now) {
    Future<Void> counters = threads.published(after,
        CommentStatus.publishedDelta(before.status(), after.status()));
    AuditEntry entry = new AuditEntry(new ObjectId().toHexString(), after.id(),
        after.articleId(), moderator.id(), moderator.name(), action, before.status(),
        after.status(), reason, now);
    return Future.all(counters, auditLog.append(entry)).map(done -> {
      events.decided(after.id(), after.status().wire(), after.version(), moderator.name());
      if (after.status() == CommentStatus.PENDING) {
        events.held(QueueJson.item(after));
      }
      metrics.decided(before, after, action.wire(), now);
      listeners.forEach(l -> l.decided(before, after, action, reason, moderator));
      return after;
    });
  }

  /** Decides on many comments, each on its own; one failing does not stop the others. */
  public Future<List<BulkResult>> decideAll(Moderator moderator, List<String> ids,
      ModerationAction action, String reason) {
    List<Future<BulkResult>> results = new ArrayList<>();
    for (String id : new LinkedHashSet<>(ids)) {
      results.add(decide(moderator, id, action, reason, null)
          .map(c -> new BulkResult(id, 200, c, null))
          .recover(failure -> failure instanceof Problem p && p.status() < 500
              ? Future.succeededFuture(new BulkResult(id, p.status(), null, p.getMessage()))
              : Future.failedFuture(failure)));
    }
    return Future.all(results).map(all -> {
      List<BulkResult> out = new ArrayList<>();
      for (int i = 0; i < all.size(); i++) {
        out.add(all.resultAt(i));
      }
      return out;
    });
  }

  /** The audit log, newest first. */
  public Future<LogPage> log(int limit, String cursor) {
    return cursors.resume("log", cursor)
        .compose(after -> auditLog.page(after, limit + 1))
        .map(found -> {
          CursorCodec.Page<AuditEntry> page = cursors.page("log", found, limit,
              last -> new SortPosition(0, last.at(), last.id()));
          return new LogPage(page.items(), page.nextCursor());
        });
  }

  /** One page of the audit log. */
  public record LogPage(List<AuditEntry> entries, String nextCursor) {}

  /** Runs the filters on a would-be comment without storing anything. */
  public Future<Verdict> check(String name, String text) {
    return pipeline.run(Candidate.dry(name, text, clock.instant()));
  }

  /** Opens or closes comments on an article. */
  public Future<Void> setClosed(String articleId, boolean closed) {
    return articles.setClosed(articleId, closed);
  }


  private static Problem staleVersion(Comment current) {
    return Problem.conflict("stale-version", "Another moderator decided first: the comment is now "
        + current.status().wire() + " (version " + current.version() + "). Reload and try again.");
  }

  /** Reads the pending queue's size and age into the metrics (for each scrape of them). */
  public Future<Void> refreshQueueMetrics() {
    return comments.queueStats().map(stats -> {
      metrics.queue(stats.pending(), stats.oldestPending() == null ? null
          : Duration.between(stats.oldestPending(), clock.instant()));
      return null;
    });
  }
}
