package org.moderato.storage.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class GroupCommitTest {

  @Test
  void aLoneWriterFlushesOnce() {
    AtomicInteger flushes = new AtomicInteger();
    GroupCommit commit = new GroupCommit(flushes::incrementAndGet);
    commit.awaitDurable();
    assertThat(flushes).hasValue(1);
  }

  @Test
  void concurrentWritersShareFlushesAndNoneReturnsBeforeOneThatCoversIt() throws Exception {
    AtomicInteger flushes = new AtomicInteger();
    AtomicInteger appliedBeforeFlush = new AtomicInteger();
    AtomicInteger applied = new AtomicInteger();
    CountDownLatch firstFlushStarted = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    GroupCommit commit = new GroupCommit(() -> {
      appliedBeforeFlush.set(applied.get());
      if (flushes.incrementAndGet() == 1) {
        firstFlushStarted.countDown();
        release.await();
      }
    });
    List<Thread> writers = new ArrayList<>();
    List<Integer> durableAt = java.util.Collections.synchronizedList(new ArrayList<>());
    Thread first = new Thread(() -> {
      applied.incrementAndGet();
      commit.awaitDurable();
    });
    first.start();
    firstFlushStarted.await();
    for (int i = 0; i < 8; i++) {
      Thread t = new Thread(() -> {
        int mine = applied.incrementAndGet();
        commit.awaitDurable();
        durableAt.add(mine <= appliedBeforeFlush.get() ? 1 : 0);
      });
      writers.add(t);
      t.start();
    }
    while (applied.get() < 9) {
      Thread.onSpinWait();
    }
    release.countDown();
    first.join();
    for (Thread t : writers) {
      t.join();
    }
    assertThat(durableAt).hasSize(8).containsOnly(1);
    assertThat(flushes.get()).isBetween(2, 9);
  }

  @Test
  void aFailedFlushFailsTheWriterAndTheNextOneRetries() {
    AtomicInteger attempts = new AtomicInteger();
    GroupCommit commit = new GroupCommit(() -> {
      if (attempts.incrementAndGet() == 1) {
        throw new java.io.IOException("disk full");
      }
    });
    org.assertj.core.api.Assertions.assertThatThrownBy(commit::awaitDurable)
        .hasMessageContaining("sync");
    commit.awaitDurable();
    assertThat(attempts).hasValue(2);
  }
}
