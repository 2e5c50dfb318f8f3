package org.moderato.storage;

import java.time.Instant;

/** The pending queue at a glance: how many comments wait, and since when the oldest (or null). */
public record QueueStats(long pending, Instant oldestPending) {}
