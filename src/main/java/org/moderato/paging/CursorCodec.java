package org.moderato.paging;

import io.vertx.core.Future;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.moderato.domain.Problem;
import org.moderato.storage.SortPosition;

/**
 * Opaque, signed page cursors. A cursor names the listing it belongs to (for example
 * {@code thread:a1:oldest}) and the position where the previous page ended; the HMAC over both
 * means a client can neither forge a position nor reuse a cursor on another listing. Stateless, so
 * any instance can continue a listing another instance started.
 */
public final class CursorCodec {

  private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder DECODER = Base64.getUrlDecoder();
  private static final int MAX_LENGTH = 1024;

  private final SecretKeySpec key;

  public CursorCodec(byte[] secret) {
    this.key = new SecretKeySpec(secret.clone(), "HmacSHA256");
  }

  public String encode(String listing, SortPosition position) {
    JsonObject body = new JsonObject()
        .put("p", position.primary())
        .put("t", position.createdAt().toEpochMilli())
        .put("i", position.id());
    String payload = ENCODER.encodeToString(body.encode().getBytes(StandardCharsets.UTF_8));
    return payload + "." + ENCODER.encodeToString(sign(listing, payload));
  }

  /** The position, or empty when the cursor is malformed, forged, or from another listing. */
  public Optional<SortPosition> decode(String listing, String cursor) {
    if (cursor == null || cursor.length() > MAX_LENGTH) {
      return Optional.empty();
    }
    int dot = cursor.indexOf('.');
    if (dot <= 0 || dot != cursor.lastIndexOf('.')) {
      return Optional.empty();
    }
    String payload = cursor.substring(0, dot);
    try {
      byte[] signature = DECODER.decode(cursor.substring(dot + 1));
      if (!MessageDigest.isEqual(signature, sign(listing, payload))) {
        return Optional.empty();
      }
      JsonObject body = new JsonObject(new String(DECODER.decode(payload), StandardCharsets.UTF_8));
      return Optional.of(new SortPosition(body.getDouble("p"),
          Instant.ofEpochMilli(body.getLong("t")), body.getString("i")));
    } catch (IllegalArgumentException | DecodeException | ClassCastException
        | NullPointerException e) {
      return Optional.empty();
    }
  }

  /**
   * Where to resume a listing: null (from the start) without a cursor, or the cursor's position;
   * a failed future with a 400 problem naming {@code cursor} when it is not one of this listing's.
   */
  public Future<SortPosition> resume(String listing, String cursor) {
    if (cursor == null) {
      return Future.succeededFuture(null);
    }
    return decode(listing, cursor).map(Future::succeededFuture).orElseGet(() ->
        Future.failedFuture(Problem.invalid("cursor", "is not a cursor for this listing")));
  }

  /** A page cut from a query that asked for one item more than the page holds. */
  public record Page<T>(List<T> items, String nextCursor) {}

  /**
   * Cuts the page from {@code found} (fetched with {@code limit + 1}): the extra item, if there,
   * only says that more follow, and the cursor points after the page's last item.
   */
  public <T> Page<T> page(String listing, List<T> found, int limit,
      Function<T, SortPosition> position) {
    if (found.size() <= limit) {
      return new Page<>(found, null);
    }
    List<T> items = found.subList(0, limit);
    return new Page<>(items, encode(listing, position.apply(items.get(limit - 1))));
  }

  private byte[] sign(String listing, String payload) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      mac.update(listing.getBytes(StandardCharsets.UTF_8));
      mac.update((byte) 0);
      byte[] full = mac.doFinal(payload.getBytes(StandardCharsets.UTF_8));
      byte[] shortened = new byte[16];
      System.arraycopy(full, 0, shortened, 0, shortened.length);
      return shortened;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
    }
  }
}
