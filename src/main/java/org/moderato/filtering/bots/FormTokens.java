package org.moderato.filtering.bots;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signed, expiring form tokens: proof that the comment form was loaded from this server for this
 * article, and when. A token is {@code <issued millis>.<HMAC-SHA-256(article, issued)>}; the
 * secret is shared by all instances, so any of them can check a token another issued. Nothing is
 * stored per token.
 */
public final class FormTokens {

  /** What a submitted token says. */
  public enum Check {
    MISSING,
    INVALID,
    EXPIRED,
    TOO_FAST,
    VALID
  }

  private final SecretKeySpec key;
  private final Clock clock;
  private final Duration minAge;
  private final Duration maxAge;

  /**
   * @param minAge faster than this from loading the form to posting is not a person typing
   * @param maxAge older tokens are expired (the page was left open very long, or replayed)
   */
  public FormTokens(byte[] secret, Clock clock, Duration minAge, Duration maxAge) {
    this.key = new SecretKeySpec(secret.clone(), "HmacSHA256");
    this.clock = clock;
    this.minAge = minAge;
    this.maxAge = maxAge;
  }

  public String issue(String articleId) {
    long issued = clock.millis();
    return issued + "." + sign(articleId, issued);
  }

  public Check check(String articleId, String token) {
    if (token == null || token.isBlank()) {
      return Check.MISSING;
    }
    int dot = token.indexOf('.');
    if (dot <= 0 || token.length() > 200) {
      return Check.INVALID;
    }
    long issued;
    try {
      issued = Long.parseLong(token.substring(0, dot));
    } catch (NumberFormatException e) {
      return Check.INVALID;
    }
    byte[] expected = sign(articleId, issued).getBytes(StandardCharsets.US_ASCII);
    byte[] given = token.substring(dot + 1).getBytes(StandardCharsets.US_ASCII);
    if (!MessageDigest.isEqual(expected, given)) {
      return Check.INVALID;
    }
    Duration age = Duration.between(Instant.ofEpochMilli(issued), clock.instant());
    if (age.compareTo(maxAge) > 0 || age.isNegative() && age.abs().compareTo(minAge) > 0) {
      return Check.EXPIRED;
    }
    if (age.compareTo(minAge) < 0) {
      return Check.TOO_FAST;
    }
    return Check.VALID;
  }

  /** Seconds since the token was issued, for the reason's detail; -1 when unreadable. */
  public long ageSeconds(String token) {
    try {
      long issued = Long.parseLong(token.substring(0, token.indexOf('.')));
      return Duration.between(Instant.ofEpochMilli(issued), clock.instant()).toSeconds();
    } catch (RuntimeException e) {
      return -1;
    }
  }

  private String sign(String articleId, long issued) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      mac.update(articleId.getBytes(StandardCharsets.UTF_8));
      mac.update((byte) 0);
      byte[] full = mac.doFinal(Long.toString(issued).getBytes(StandardCharsets.US_ASCII));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(full).substring(0, 32);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
    }
  }
}
