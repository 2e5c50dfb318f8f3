package org.moderato.moderation;

import io.vertx.core.Future;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.moderato.domain.Comment;
import org.moderato.domain.CommentStatus;
import org.moderato.domain.Problem;
import org.moderato.domain.Tokens;
import org.moderato.storage.CommentRepository;
import org.moderato.storage.CommentRepository.AuthorKey;
import org.moderato.threads.ThreadService;

/**
 * What is stored about one author, for an admin answering a reader's request: export it, or erase
 * it (name, text and email go; the comments stay as placeholders so threads keep their shape and
 * counters stay right). An author is found by email, by client hash, or by an edit token they
 * kept. Old client hashes are forgotten after a configured number of days.
 */
public final class AuthorData {

  /** The most comments one export or erasure handles. */
  public static final int LIMIT = 10_000;

  private final CommentRepository comments;
  private final ThreadService threads;
  private final Clock clock;

  public AuthorData(CommentRepository comments, ThreadService threads, Clock clock) {
    this.comments = comments;
    this.threads = threads;
    this.clock = clock;
  }

  /** Finds the author's comments; exactly one of the three must be given. */
  public Future<List<Comment>> export(String email, String clientKey, String editToken) {
    int given = (email == null ? 0 : 1) + (clientKey == null ? 0 : 1) + (editToken == null ? 0 : 1);
    if (given != 1) {
      return Future.failedFuture(Problem.invalid("author",
          "give exactly one of email, clientKey or editToken"));
    }
    if (email != null) {
      return comments.byAuthor(AuthorKey.EMAIL, email.strip(), LIMIT);
    }
    if (clientKey != null) {
      return comments.byAuthor(AuthorKey.CLIENT_KEY, clientKey.strip(), LIMIT);
    }
    return comments.byAuthor(AuthorKey.EDIT_TOKEN_HASH, Tokens.hash(editToken.strip()), LIMIT);
  }

  /** Erases the author's comments; how many were erased. */
  public Future<Integer> erase(String email, String clientKey, String editToken) {
    return export(email, clientKey, editToken).compose(found -> {
      List<Future<Boolean>> erased = new ArrayList<>();
      for (Comment c : found) {
        if (c.status() == CommentStatus.DELETED && c.name().isEmpty() && c.email() == null) {
          continue;
        }
        erased.add(comments.erase(c.id(), c.version(), clock.instant()).compose(updated -> {
          if (updated.isEmpty()) {
            return Future.succeededFuture(false);
          }
          return threads.published(updated.get(),
              CommentStatus.publishedDelta(c.status(), CommentStatus.DELETED)).map(v -> true);
        }));
      }
      return Future.all(erased).map(all -> {
        int count = 0;
        for (int i = 0; i < all.size(); i++) {
          if (Boolean.TRUE.equals(all.resultAt(i))) {
            count++;
          }
        }
        return count;
      });
    });
  }

  /** Forgets client hashes older than {@code age}. */
  public Future<Long> expireClientKeys(Duration age) {
    return comments.expireClientKeys(clock.instant().minus(age));
  }
}
