package org.moderato.threads;

import io.vertx.core.buffer.Buffer;

/**
 * A thread page encoded once, ready to send: the JSON bytes and a strong ETag derived from them,
 * so every instance gives the same page the same tag. Immutable; the buffer must not be written.
 */
public record RenderedPage(Buffer body, String etag) {}
