package org.moderato.filtering;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * What the filters judge: a comment as submitted (already normalised to NFC plain text) and the
 * little that is known about who sent it.
 *
 * @param articleId the article commented on
 * @param name the display name, trimmed
 * @param text the comment text, normalised
 * @param parentId the comment replied to, or null
 * @param clientKey a keyed hash of the client's address, never the address; empty when unknown
 * @param receivedAt when the server received it
 * @param signals extra form fields that bot traps read (for example the honeypot and form token);
 *     never stored
 */
public record Candidate(
    String articleId,
    String name,
    String text,
    String parentId,
    String clientKey,
    Instant receivedAt,
    Map<String, String> signals) {

  public Candidate {
    Objects.requireNonNull(articleId, "articleId");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(text, "text");
    clientKey = clientKey == null ? "" : clientKey;
    Objects.requireNonNull(receivedAt, "receivedAt");
    signals = signals == null ? Map.of() : Map.copyOf(signals);
  }

  /** A candidate with no article, client or signals: what {@code moderation/check} judges. */
  public static Candidate dry(String name, String text, Instant now) {
    return new Candidate("", name, text, null, "", now, Map.of());
  }
}
