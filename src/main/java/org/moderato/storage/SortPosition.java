package org.moderato.storage;

import java.time.Instant;

/**
 * Where a page ended, for keyset paging: the sort's primary value (reply count or risk; zero for
 * sorts by time), the creation time and the id, which together are unique and stable.
 */
public record SortPosition(double primary, Instant createdAt, String id) {}
