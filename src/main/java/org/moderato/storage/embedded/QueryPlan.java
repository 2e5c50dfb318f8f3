package org.moderato.storage.embedded;

import java.util.stream.Stream;

/**
 * How a {@link SecondaryIndex} would answer one query: the candidate positions (a superset of the
 * matches, each position at most once unless the index is multikey), whether they come in the
 * requested order (so reading can stop at the limit), and a score to pick the best index.
 */
record QueryPlan(String index, double score, boolean ordered, Stream<Object> positions) {}
