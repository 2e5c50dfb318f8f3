package org.moderato.submission;

import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.moderato.domain.Comment;
import org.moderato.storage.ArticleRepository;
import org.moderato.storage.CommentRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts counters right after a crash. Every write that can move counters marks its comment first
 * and clears the mark once the counters are moved; at start, the marked comments' articles and
 * ancestors are recounted from the comments themselves and the marks cleared. Recounting is
 * idempotent, so running it while other writes happen only costs queries.
 */
public final class CounterRepair {

  private static final Logger LOG = LoggerFactory.getLogger(CounterRepair.class);
  private static final int BATCH = 500;

  private final CommentRepository comments;
  private final ArticleRepository articles;

  public CounterRepair(CommentRepository comments, ArticleRepository articles) {
    this.comments = comments;
    this.articles = articles;
  }

  /** Repairs in batches until no marked comment is left; the number repaired. */
  public Future<Integer> run() {
    return batch(0);
  }

  private Future<Integer> batch(int done) {
    return comments.countersPending(BATCH).compose(marked -> {
      if (marked.isEmpty()) {
        if (done > 0) {
          LOG.info("Repaired counters after {} interrupted write(s)", done);
        }
        return Future.succeededFuture(done);
      }
      Set<String> articleIds = new LinkedHashSet<>();
      Set<String> ancestors = new LinkedHashSet<>();
      for (Comment c : marked) {
        articleIds.add(c.articleId());
        ancestors.addAll(c.ancestorIds());
      }
      List<Future<Void>> fixes = new ArrayList<>();
      for (String articleId : articleIds) {
        fixes.add(comments.countPublished(articleId)
            .compose(count -> articles.setPublished(articleId, count)));
      }
      for (String id : ancestors) {
        fixes.add(comments.countPublishedBelow(id)
            .compose(count -> comments.setReplyCount(id, count)));
      }
      return Future.all(fixes)
          .compose(v -> Future.all(marked.stream()
              .map(c -> comments.countersDone(c.id())).toList()))
          .compose(v -> batch(done + marked.size()));
    });
  }
}
