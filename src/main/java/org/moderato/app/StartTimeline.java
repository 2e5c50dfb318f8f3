package org.moderato.app;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.slf4j.Logger;

/**
 * When each step of the start finished, counted from the JVM's start, logged once as one line
 * ("started in 2.4 s: ...") so a slow start shows where its time went. Steps may finish on
 * several threads (the store and the models load at once).
 */
final class StartTimeline {

  private record Step(String name, long millis) {}

  private final List<Step> steps = new ArrayList<>();

  /** Records that {@code step} has just finished. */
  synchronized StartTimeline mark(String step) {
    steps.add(new Step(step, ManagementFactory.getRuntimeMXBean().getUptime()));
    return this;
  }

  synchronized void log(Logger log) {
    long total = steps.isEmpty() ? 0 : steps.get(steps.size() - 1).millis();
    log.info("Started in {} ms; steps done at: {}", total, steps.stream()
        .map(s -> s.name() + " " + s.millis() + " ms")
        .collect(Collectors.joining(", ")));
  }
}
