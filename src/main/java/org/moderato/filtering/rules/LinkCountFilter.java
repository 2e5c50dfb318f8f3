package org.moderato.filtering.rules;

import io.vertx.core.Future;
import java.util.List;
import org.moderato.filtering.Action;
import org.moderato.filtering.Candidate;
import org.moderato.filtering.CommentFilter;
import org.moderato.filtering.FilterResult;
import org.moderato.filtering.Reason;

/** Holds a comment with more links than the configured limit (reason {@code link-count}). */
public final class LinkCountFilter implements CommentFilter {

  private final int limit;

  /** @param limit the most links a comment may have and still be published without review */
  public LinkCountFilter(int limit) {
    this.limit = limit;
  }

  @Override
  public String name() {
    return "link-count";
  }

  @Override
  public Future<FilterResult> evaluate(Candidate candidate) {
    List<String> links = Links.find(candidate.text());
    if (links.size() <= limit) {
      return Future.succeededFuture(FilterResult.CLEAN);
    }
    return Future.succeededFuture(FilterResult.of(Action.HOLD, Reason.spam("link-count", 0.5,
        links.size() + " links (limit " + limit + ")")));
  }
}
