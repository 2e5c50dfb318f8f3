package org.moderato.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Secret tokens (authors' edit tokens, moderators' bearer tokens): 256 random bits, handed out
 * once, stored only as a SHA-256 hash and checked in constant time. A fast hash is enough because
 * the tokens are random, not chosen by people.
 */
public final class Tokens {

  private static final SecureRandom RANDOM = new SecureRandom();

  private Tokens() {}

  public static String newToken() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  public static String hash(String token) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(digest.digest(token.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }

  /** Whether {@code token} hashes to {@code expectedHash}, compared in constant time. */
  public static boolean matches(String token, String expectedHash) {
    if (token == null || expectedHash == null || expectedHash.isEmpty()) {
      return false;
    }
    return MessageDigest.isEqual(hash(token).getBytes(StandardCharsets.US_ASCII),
        expectedHash.getBytes(StandardCharsets.US_ASCII));
  }
}
