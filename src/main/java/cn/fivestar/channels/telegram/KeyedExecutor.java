package cn.fivestar.channels.telegram;

import cn.fivestar.infra.PersonalData;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs tasks on a shared pool of workers, one at a time per key (a chat), in submission order. A slow chat holds
 * one worker, never the others; after each task a chat goes to the back of the pool's queue so busy chats take
 * turns. {@link #submit} blocks when {@code maxQueued} tasks are waiting, which slows polling down instead of
 * piling updates up in memory.
 */
public final class KeyedExecutor {
  private static final Logger log = LoggerFactory.getLogger(KeyedExecutor.class);

  private final ExecutorService pool;
  private final Semaphore room;
  private final Map<String, Deque<Runnable>> queues = new HashMap<>();
  private int queued;

  public KeyedExecutor(String name, int workers, int maxQueued) {
    AtomicInteger n = new AtomicInteger();
    this.pool = Executors.newFixedThreadPool(workers, r -> {
      Thread t = new Thread(r, name + "-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
    this.room = new Semaphore(maxQueued);
  }

  /** Queues a task for a key; blocks while the executor is full. */
  public void submit(String key, Runnable task) throws InterruptedException {
    room.acquire();
    enqueue(key, () -> {
      try {
        task.run();
      } finally {
        room.release();
      }
    });
  }

  /** Queues a task without waiting for room (for work created by tasks themselves, which must not wait on them). */
  public void submitNow(String key, Runnable task) {
    enqueue(key, task);
  }

  private synchronized void enqueue(String key, Runnable task) {
    if (pool.isShutdown()) throw new IllegalStateException("executor is shut down");
    Deque<Runnable> q = queues.computeIfAbsent(key, k -> new ArrayDeque<>());
    q.addLast(task);
    queued++;
    if (q.size() == 1) pool.execute(() -> runNext(key));
  }

  private void runNext(String key) {
    Runnable task;
    synchronized (this) {
      task = queues.get(key).peekFirst();
    }
    try {
      task.run();
    } catch (RuntimeException | Error e) {
      log.error("task for {} failed: {}", key, PersonalData.mask(String.valueOf(e)));
    } finally {
      synchronized (this) {
        Deque<Runnable> q = queues.get(key);
        q.pollFirst();
        queued--;
        if (!q.isEmpty() && pool.isShutdown()) {
          log.warn("{} task(s) for {} not run: shutting down", q.size(), key);
          queued -= q.size();
          q.clear();
        }
        if (q.isEmpty()) {
          queues.remove(key);
          notifyAll();
        } else {
          pool.execute(() -> runNext(key));
        }
      }
    }
  }

  /** Tasks queued or running. */
  public synchronized int size() {
    return queued;
  }

  /** Waits until every queued task has run, at most {@code timeoutMillis}; returns whether it got there. */
  public synchronized boolean awaitIdle(long timeoutMillis) throws InterruptedException {
    long deadline = System.currentTimeMillis() + timeoutMillis;
    while (queued > 0) {
      long left = deadline - System.currentTimeMillis();
      if (left <= 0) return false;
      wait(left);
    }
    return true;
  }

  /** Stops taking tasks; tasks already running finish (waited for up to {@code timeoutMillis}). */
  public void shutdown(long timeoutMillis) throws InterruptedException {
    synchronized (this) {
      pool.shutdown();
    }
    pool.awaitTermination(timeoutMillis, TimeUnit.MILLISECONDS);
  }
}
