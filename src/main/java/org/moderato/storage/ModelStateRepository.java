package org.moderato.storage;

import io.vertx.core.Future;
import java.util.Optional;

/**
 * What each site's learned models have learned from its moderators (a serialized delta over the
 * shipped model), so it survives restarts and reaches every instance.
 */
public interface ModelStateRepository {

  /** A model's stored delta and its version (incremented by every save). */
  record State(byte[] delta, long version) {}

  Future<Optional<State>> load(String model);

  /** Saves the delta, bumping the version; the new version. */
  Future<Long> save(String model, byte[] delta);
}
