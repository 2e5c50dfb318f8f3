package org.moderato.http;

import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.YearMonth;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Identifies a client without keeping its address: a keyed hash (HMAC-SHA-256 with a server
 * secret shared by all instances, truncated to 128 bits) of the remote address and the current
 * month, so the hash rotates monthly and old hashes cannot be linked to new ones. The raw address
 * is never stored or logged.
 */
final class ClientKeys {

  /** One initialised MAC per thread: looking the algorithm up costs more than the hash. */
  private final ThreadLocal<Mac> macs;
  private final Set<String> trustedProxies;
  private final Clock clock;

  /**
   * @param trustedProxies addresses of the site's own proxies or load balancers: only from these
   *     is {@code X-Forwarded-For} believed, since anyone else can write any address into it
   */
  ClientKeys(byte[] secret, List<String> trustedProxies, Clock clock) {
    SecretKeySpec key = new SecretKeySpec(secret.clone(), "HmacSHA256");
    this.macs = ThreadLocal.withInitial(() -> {
      try {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(key);
        return mac;
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
      }
    });
    this.trustedProxies = Set.copyOf(trustedProxies);
    this.clock = clock;
  }

  String of(RoutingContext ctx) {
    return hash(address(ctx));
  }

  /**
   * The client's address: the peer's, or, when the peer is a trusted proxy, the nearest address in
   * {@code X-Forwarded-For} that is not itself a trusted proxy.
   */
  String address(RoutingContext ctx) {
    SocketAddress remote = ctx.request().remoteAddress();
    String address = remote == null || remote.hostAddress() == null ? "unknown"
        : remote.hostAddress();
    if (!trustedProxies.contains(address)) {
      return address;
    }
    String forwarded = ctx.request().getHeader("X-Forwarded-For");
    if (forwarded == null) {
      return address;
    }
    String[] hops = forwarded.split(",");
    for (int i = hops.length - 1; i >= 0; i--) {
      String hop = hops[i].trim();
      if (!hop.isEmpty() && !trustedProxies.contains(hop)) {
        return hop.length() > 64 ? hop.substring(0, 64) : hop;
      }
    }
    return address;
  }

  String hash(String address) {
    // doFinal leaves the MAC reset for the next use on this thread.
    Mac mac = macs.get();
    mac.update(YearMonth.now(clock).toString().getBytes(StandardCharsets.US_ASCII));
    mac.update((byte) 0);
    byte[] full = mac.doFinal(address.getBytes(StandardCharsets.UTF_8));
    return HexFormat.of().formatHex(full, 0, 16);
  }
}
