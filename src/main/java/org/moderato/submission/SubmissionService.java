package org.moderato.submission;

import io.vertx.core.Future;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import org.bson.types.ObjectId;
import org.moderato.domain.Comment;
import org.moderato.domain.Ids;
import org.moderato.domain.CommentStatus;
import org.moderato.domain.Problem;
import org.moderato.domain.Tokens;
import org.moderato.filtering.Candidate;
import org.moderato.filtering.FilterPipeline;
import org.moderato.filtering.Score;
import org.moderato.filtering.Verdict;
import org.moderato.storage.Article;
import org.moderato.storage.ArticleRepository;
import org.moderato.storage.CommentRepository;
import org.moderato.metrics.ModeratoMetrics;
import org.moderato.ratelimit.RateLimiter;
import org.moderato.storage.SignalRepository;
import org.moderato.threads.ThreadService;

/**
 * What happens to a reader's comment: checks against the article and the parent, the filter
 * pipeline, storage with the resulting status, counters and caches. Also the author's edits and
 * deletions within the edit window.
 *
 * <p>Writes go comment first, counters second: a crash in between leaves a counter behind, never a
 * counter ahead of what is stored, and counters are repaired at start.
 */
public final class SubmissionService {

  private final CommentRepository comments;
  private final ArticleRepository articles;
  private final FilterPipeline pipeline;
  private final ThreadService threads;
  private final Clock clock;
  private final int maxDepth;
  private final Duration editWindow;
  private final BiConsumer<Comment, Comment> onHeld;
  private final RateLimiter rateLimiter;
  private final SignalRepository signals;
  private final double toxicityNudge;
  private final ModeratoMetrics metrics;

  /**
   * @param maxDepth the deepest a reply may sit (top-level is 0); deeper replies attach to the
   *     deepest allowed ancestor
   * @param onHeld told of every comment that enters the moderation queue, with its parent (null
   *     for a top-level comment)
   * @param signals where exact duplicates are remembered
   * @param toxicityNudge a toxicity score at or above this asks the author to reconsider first
   */
  public SubmissionService(CommentRepository comments, ArticleRepository articles,
      FilterPipeline pipeline, ThreadService threads, Clock clock, int maxDepth,
      Duration editWindow, BiConsumer<Comment, Comment> onHeld, RateLimiter rateLimiter,
      SignalRepository signals, double toxicityNudge, ModeratoMetrics metrics) {
    this.comments = comments;
    this.articles = articles;
    this.pipeline = pipeline;
    this.threads = threads;
    this.clock = clock;
    this.maxDepth = maxDepth;
    this.editWindow = editWindow;
    this.onHeld = onHeld;
    this.rateLimiter = rateLimiter;
    this.signals = signals;
    this.toxicityNudge = toxicityNudge;
    this.metrics = metrics;
  }

  /** The same text from the same client within this window is refused as a duplicate. */
  static final Duration DUPLICATE_WINDOW = Duration.ofMinutes(10);

  public Future<Submitted> submit(NewComment command) {
    CommentInput input = command.input();
    Instant now = clock.instant();
    Optional<Duration> wait = rateLimiter.acquire("client:" + command.clientKey())
        .or(() -> rateLimiter.acquire("name:" + input.name().toLowerCase(Locale.ROOT)));
    if (wait.isPresent()) {
      return Future.failedFuture(Problem.rateLimited(wait.get()));
    }
    Future<Article> article = articles.find(command.articleId());
    Future<Optional<Comment>> parent = input.parentId() == null
        ? Future.succeededFuture(Optional.empty())
        : Ids.isId(input.parentId()) ? comments.find(input.parentId())
            : Future.failedFuture(unknownParent());
    return Future.all(article, parent).compose(found -> {
      if (article.result().closed()) {
        return Future.failedFuture(Problem.forbidden("comments-closed",
            "Comments are closed on this article."));
      }
      Optional<Comment> replyTo = parent.result();
      if (input.parentId() != null) {
        if (replyTo.isEmpty()
            || !replyTo.get().articleId().equals(command.articleId())
            || replyTo.get().status() != CommentStatus.PUBLISHED) {
          return Future.failedFuture(unknownParent());
        }
      }
      Candidate candidate = new Candidate(command.articleId(), input.name(), input.comment(),
          input.parentId(), command.clientKey(), now, input.signals());
      return pipeline.run(candidate).compose(verdict -> {
        metrics.verdict(verdict);
        if (!input.acknowledgeWarning() && nudgeScore(verdict) >= toxicityNudge) {
          return Future.failedFuture(toxicityWarning());
        }
        return refuseDuplicate(command, now)
            .compose(marker -> store(command, replyTo.orElse(null), verdict, now)
                .recover(failure -> signals.unmark(marker).transform(
                    v -> Future.<Submitted>failedFuture(failure))));
      });
    });
  }

  /** Remembers (client, text) and fails with 409 if it was seen within the window. */
  private Future<String> refuseDuplicate(NewComment command, Instant now) {
    String who = command.clientKey().isEmpty()
        ? "name:" + command.input().name().toLowerCase(Locale.ROOT)
        : "client:" + command.clientKey();
    String key = "dup:" + Tokens.hash(who + "\n" + command.articleId() + "\n"
        + command.input().comment().toLowerCase(Locale.ROOT));
    return signals.mark(key, now).compose(previous -> {
      if (previous.isPresent() && previous.get().isAfter(now.minus(DUPLICATE_WINDOW))) {
        return Future.failedFuture(new Problem(409, "duplicate", "Duplicate comment",
            "You already posted this comment here a moment ago."));
      }
      return Future.succeededFuture(key);
    });
  }

  /**
   * The toxicity that warrants a nudge: what the models say, not the site's word lists (a blocked
   * word is refused quietly rather than explained).
   */
  private static double nudgeScore(Verdict verdict) {
    return Score.combine(verdict.toxicity().reasons().stream()
        .filter(r -> !r.code().equals("blocked-word") && !r.code().equals("suspect-word"))
        .toList()).score();
  }

  private static Problem toxicityWarning() {
    return new Problem(422, "toxicity-warning", "Please reconsider your comment",
        "Your comment may come across as hurtful or disrespectful to others. You can rephrase "
            + "it, or post it as it is: then a moderator will review it before it appears.");
  }

  private Future<Submitted> store(NewComment command, Comment parent, Verdict verdict,
      Instant now) {
    String id = new ObjectId().toHexString();
    List<String> ancestors = new ArrayList<>();
    String parentId = null;
    if (parent != null) {
      ancestors.addAll(parent.ancestorIds());
      ancestors.add(parent.id());
      // Too deep: hang it under the deepest ancestor allowed, keeping the conversation readable.
      while (ancestors.size() > maxDepth) {
        ancestors.remove(ancestors.size() - 1);
      }
      parentId = ancestors.isEmpty() ? null : ancestors.get(ancestors.size() - 1);
    }
    String rootId = ancestors.isEmpty() ? id : ancestors.get(0);
    String token = Tokens.newToken();
    CommentInput input = command.input();
    Comment comment = new Comment(id, command.articleId(), parentId, ancestors, rootId,
        input.name(), input.comment(), input.email(), verdict.status(), 1, now, now,
        verdict.spam(), verdict.toxicity(), 0, Tokens.hash(token), command.clientKey());
    return comments.insert(comment)
        .compose(v -> threads.published(comment, comment.status() == CommentStatus.PUBLISHED ? 1 : 0))
        .map(v -> {
          if (comment.status() == CommentStatus.PENDING) {
            onHeld.accept(comment, parent);
          }
          return new Submitted(comment, token);
        });
  }

  /** The author's edit: the filters run again, and the comment may go back to the queue. */
  public Future<Comment> edit(String id, String token, String text) {
    Instant now = clock.instant();
    return authorsComment(id, token, now).compose(current -> {
      if (current.status() != CommentStatus.PUBLISHED && current.status() != CommentStatus.PENDING) {
        return Future.failedFuture(Problem.conflict("not-editable",
            "This comment can no longer be edited."));
      }
      Candidate candidate = new Candidate(current.articleId(), current.name(), text,
          current.parentId(), current.clientKey(), now, Map.of());
      return pipeline.run(candidate).compose(verdict ->
          comments.changeText(id, current.version(), text, verdict.status(), verdict.spam(),
              verdict.toxicity(), now).compose(updated -> {
            if (updated.isEmpty()) {
              return Future.failedFuture(changedMeanwhile());
            }
            Comment after = updated.get();
            long delta = CommentStatus.publishedDelta(current.status(), after.status());
            return threads.published(after, delta).map(v -> {
              if (after.status() == CommentStatus.PENDING) {
                onHeld.accept(after, null);
              }
              return after;
            });
          }));
    });
  }

  /**
   * The author's deletion: name, text and email are erased; the document stays as a placeholder
   * so published replies keep their place.
   */
  public Future<Void> delete(String id, String token) {
    Instant now = clock.instant();
    return authorsComment(id, token, now).compose(current -> {
      if (current.status() == CommentStatus.DELETED) {
        return Future.succeededFuture();
      }
      return comments.erase(id, current.version(), now).compose(updated -> {
        if (updated.isEmpty()) {
          return Future.failedFuture(changedMeanwhile());
        }
        return threads.published(updated.get(),
            CommentStatus.publishedDelta(current.status(), CommentStatus.DELETED));
      });
    });
  }

  private Future<Comment> authorsComment(String id, String token, Instant now) {
    if (!Ids.isId(id)) {
      return Future.failedFuture(Problem.notFound("No comment with this id."));
    }
    return comments.find(id).compose(found -> {
      if (found.isEmpty()) {
        return Future.failedFuture(Problem.notFound("No comment with this id."));
      }
      Comment comment = found.get();
      if (!Tokens.matches(token, comment.editTokenHash())) {
        return Future.failedFuture(Problem.forbidden("wrong-edit-token",
            "The edit token does not match this comment."));
      }
      if (now.isAfter(comment.createdAt().plus(editWindow))) {
        return Future.failedFuture(Problem.conflict("edit-window-over",
            "Comments can be changed only within " + editWindow.toMinutes()
                + " minutes of posting."));
      }
      return Future.succeededFuture(comment);
    });
  }

  private static Problem unknownParent() {
    return Problem.notFound("The comment replied to does not exist in this article.");
  }

  private static Problem changedMeanwhile() {
    return Problem.conflict("changed-meanwhile",
        "The comment was changed meanwhile (for example by a moderator); reload and try again.");
  }
}
