package org.moderato.storage;

import io.vertx.core.Future;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Short-lived anti-abuse signals shared by all instances: "seen at" markers (exact duplicates) and
 * sightings of recent submissions (near-duplicates, link domains). Signals are heuristics: their
 * writes are acknowledged without waiting for the disk, and a crash may forget the last moments.
 */
public interface SignalRepository {

  /** Marks {@code key} as seen at {@code at}; the previous sighting, if any. */
  Future<Optional<Instant>> mark(String key, Instant at);

  /** Removes a marker (a submission that was refused after all). */
  Future<Void> unmark(String key);

  /** Remembers a submission for campaign detection. */
  Future<Void> record(Sighting sighting);

  /**
   * Recent sightings (since {@code since}, newest first, at most {@code limit}) sharing a band;
   * each with its id, name, time and signature only.
   */
  Future<List<Sighting>> withBands(List<String> bands, Instant since, int limit);

  /**
   * Recent sightings (since {@code since}, newest first, at most {@code limit}) of a domain; each
   * with its id, name and time only.
   */
  Future<List<Sighting>> withDomain(String domain, Instant since, int limit);

  /** Forgets every signal last touched before {@code cutoff}; how many went. */
  Future<Long> purgeOlderThan(Instant cutoff);
}
