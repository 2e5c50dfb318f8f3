package org.moderato.storage;

import java.time.Instant;
import java.util.List;

/**
 * One submission as campaign detection remembers it for a day: who (lower-cased name and client
 * key), when, its MinHash signature and band keys, and the link domains it carried.
 */
public record Sighting(String id, String name, String clientKey, Instant at, String signature,
    List<String> bands, List<String> domains) {

  public Sighting {
    bands = List.copyOf(bands);
    domains = List.copyOf(domains);
  }
}
