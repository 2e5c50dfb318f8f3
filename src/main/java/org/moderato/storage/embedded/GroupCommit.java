package org.moderato.storage.embedded;

import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Makes writes durable in groups: each writer, after applying its change in memory, calls
 * {@link #awaitDurable()}; one of the waiting writers becomes the leader, runs the flush (commit +
 * fsync) for everything applied so far, and wakes the others. Writers that arrive while a flush
 * runs are covered by the next one, so many concurrent writes share one fsync and none returns
 * before a flush that started after its change was applied.
 *
 * <p>Called on the embedded store's own I/O threads, never on a Vert.x event loop.
 */
final class GroupCommit {

  /** The flush: must make every change applied before it started durable. */
  interface Flush {
    void run() throws Exception;
  }

  private final Flush flush;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition done = lock.newCondition();
  private long applied;
  private long durable;
  private boolean flushing;

  GroupCommit(Flush flush) {
    this.flush = flush;
  }

  /** Blocks until a flush that started after this call's change was applied has finished. */
  void awaitDurable() {
    lock.lock();
    long mine;
    try {
      mine = ++applied;
      while (durable < mine) {
        if (!flushing) {
          flushing = true;
          long target = applied;
          lock.unlock();
          Exception failure = null;
          try {
            flush.run();
          } catch (Exception e) {
            failure = e;
          } finally {
            lock.lock();
            flushing = false;
            if (failure == null) {
              durable = Math.max(durable, target);
            }
            done.signalAll();
          }
          if (failure != null) {
            throw new IllegalStateException("embedded store could not sync to disk", failure);
          }
        } else {
          done.awaitUninterruptibly();
        }
      }
    } finally {
      lock.unlock();
    }
  }
}
