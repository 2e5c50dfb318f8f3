package org.moderato.http;

import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Identifies a client without keeping its address: a keyed hash (HMAC-SHA-256 with a server
 * secret shared by all instances, truncated to 128 bits) of the remote address. The raw address is
 * never stored or logged.
 */
final class ClientKeys {

  private final SecretKeySpec key;

  ClientKeys(byte[] secret) {
    this.key = new SecretKeySpec(secret.clone(), "HmacSHA256");
  }

  String of(RoutingContext ctx) {
    SocketAddress remote = ctx.request().remoteAddress();
    String address = remote == null ? "unknown" : remote.hostAddress();
    return hash(address == null ? "unknown" : address);
  }

  String hash(String address) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      byte[] full = mac.doFinal(address.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(full, 0, 16);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
    }
  }
}
