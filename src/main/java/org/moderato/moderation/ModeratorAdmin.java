package org.moderato.moderation;

import io.vertx.core.Future;
import java.time.Clock;
import java.util.List;
import java.util.regex.Pattern;
import org.bson.types.ObjectId;
import org.moderato.domain.Moderator;
import org.moderato.domain.Problem;
import org.moderato.domain.Role;
import org.moderato.domain.Tokens;
import org.moderato.storage.ModeratorRepository;

/**
 * Creating, listing and revoking moderators, for admins (API) and operators (CLI). A new
 * moderator's token (256 random bits) is returned once and stored only as its hash.
 */
public final class ModeratorAdmin {

  private static final Pattern NAME = Pattern.compile("[\\p{L}\\p{N} ._@-]{1,80}");

  /** A moderator just created, with the token they sign in with (shown once). */
  public record Created(Moderator moderator, String token) {}

  private final ModeratorRepository moderators;
  private final ModeratorAuth auth;
  private final Clock clock;

  public ModeratorAdmin(ModeratorRepository moderators, ModeratorAuth auth, Clock clock) {
    this.moderators = moderators;
    this.auth = auth;
    this.clock = clock;
  }

  public Future<Created> create(String name, String role) {
    if (name == null || !NAME.matcher(name.strip()).matches()) {
      return Future.failedFuture(Problem.invalid("name",
          "must be 1-80 letters, digits, spaces or . _ @ -"));
    }
    Role parsed = role == null ? Role.MODERATOR : Role.fromWire(role).orElse(null);
    if (parsed == null) {
      return Future.failedFuture(Problem.invalid("role", "must be moderator or admin"));
    }
    String token = Tokens.newToken();
    Moderator moderator = new Moderator(new ObjectId().toHexString(), name.strip(), parsed,
        Tokens.hash(token), clock.instant(), false);
    return moderators.insert(moderator).map(v -> new Created(moderator, token));
  }

  public Future<List<Moderator>> list() {
    return moderators.list(1000);
  }

  /** Revokes at once on this instance; other instances stop accepting the token within 10 s. */
  public Future<Void> revoke(String id) {
    return moderators.revoke(id).compose(found -> {
      auth.forgetAll();
      return found ? Future.succeededFuture()
          : Future.failedFuture(Problem.notFound("No moderator with this id."));
    });
  }
}
