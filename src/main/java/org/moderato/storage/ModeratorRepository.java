package org.moderato.storage;

import io.vertx.core.Future;
import java.util.List;
import java.util.Optional;
import org.moderato.domain.Moderator;

/** Moderators, found by the hash of their bearer token. */
public interface ModeratorRepository {

  Future<Optional<Moderator>> findByTokenHash(String tokenHash);

  Future<Void> insert(Moderator moderator);

  /** Creates or updates the moderator with this id (the bootstrap admin). */
  Future<Void> upsert(Moderator moderator);

  Future<List<Moderator>> list(int limit);

  /** Marks the moderator revoked; false when there is no such moderator. */
  Future<Boolean> revoke(String id);
}
