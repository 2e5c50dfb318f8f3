package org.moderato.storage;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Short-lived anti-abuse signals shared by all instances: "seen at" markers (exact duplicates) and
 * small rolling lists of recent sightings (near-duplicates, link domains), each under one key so
 * every lookup is by id. Each call is one atomic document update.
 */
public interface SignalRepository {

  /** Marks {@code key} as seen at {@code at}; the previous sighting, if any. */
  Future<Optional<Instant>> mark(String key, Instant at);

  /** Removes a marker (a submission that was refused after all). */
  Future<Void> unmark(String key);

  /**
   * Appends {@code entry} to the list under {@code key}, keeping the newest {@code keep}; the
   * entries that were there before.
   */
  Future<List<JsonObject>> append(String key, JsonObject entry, int keep);

  /** Forgets every signal last touched before {@code cutoff}; how many went. */
  Future<Long> purgeOlderThan(Instant cutoff);

  /** The lists under these keys, without changing them. */
  Future<List<JsonObject>> peek(List<String> keys);
}
