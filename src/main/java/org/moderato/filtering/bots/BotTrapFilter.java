package org.moderato.filtering.bots;

import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;
import org.moderato.filtering.Action;
import org.moderato.filtering.Candidate;
import org.moderato.filtering.CommentFilter;
import org.moderato.filtering.FilterResult;
import org.moderato.filtering.Reason;

/**
 * Bot traps. A filled honeypot field ({@code website}, hidden from people) is spam outright. The
 * form token is a signal, not a verdict: API clients post without one, so a missing token adds a
 * little to the spam score; a forged or expired one more; one used faster than a person could
 * type holds the comment. Checks nothing on a dry run (no article).
 */
public final class BotTrapFilter implements CommentFilter {

  static final String HONEYPOT = "website";
  static final String TOKEN = "formToken";

  private final FormTokens tokens;

  public BotTrapFilter(FormTokens tokens) {
    this.tokens = tokens;
  }

  @Override
  public String name() {
    return "bot-traps";
  }

  @Override
  public Future<FilterResult> evaluate(Candidate candidate) {
    if (candidate.articleId().isEmpty()) {
      return Future.succeededFuture(FilterResult.CLEAN);
    }
    String honeypot = candidate.signals().get(HONEYPOT);
    if (honeypot != null && !honeypot.isBlank()) {
      return Future.succeededFuture(FilterResult.of(Action.SPAM,
          Reason.spam("honeypot", 0.99, "hidden field was filled in")));
    }
    String token = candidate.signals().get(TOKEN);
    List<Reason> reasons = new ArrayList<>();
    Action action = Action.NONE;
    switch (tokens.check(candidate.articleId(), token)) {
      case MISSING -> reasons.add(Reason.spam("form-token-missing", 0.05,
          "posted without loading the form (an API client or a bot)"));
      case INVALID -> reasons.add(Reason.spam("form-token-invalid", 0.45,
          "form token forged or for another article"));
      case EXPIRED -> reasons.add(Reason.spam("form-token-expired", 0.25,
          "form loaded too long ago"));
      case TOO_FAST -> {
        reasons.add(Reason.spam("too-fast", 0.6,
            "posted " + tokens.ageSeconds(token) + " s after the form loaded"));
        action = Action.HOLD;
      }
      case VALID -> {
        return Future.succeededFuture(FilterResult.CLEAN);
      }
    }
    return Future.succeededFuture(new FilterResult(reasons, action));
  }
}
