package org.moderato.storage;

import io.vertx.core.Future;

/**
 * Server secrets shared by every instance (cursor signing, form tokens, client hashing): created
 * at random by whichever instance needs one first, then read by all.
 */
public interface SecretRepository {

  Future<byte[]> secret(String name);
}
