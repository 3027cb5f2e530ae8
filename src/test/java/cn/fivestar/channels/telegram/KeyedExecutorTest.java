package cn.fivestar.channels.telegram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class KeyedExecutorTest {

  @Test
  void tasksOfOneKeyRunInOrderAndNeverTogether() throws Exception {
    KeyedExecutor ex = new KeyedExecutor("t", 4, 1000);
    Map<String, List<Integer>> seen = new ConcurrentHashMap<>();
    Map<String, AtomicInteger> running = new ConcurrentHashMap<>();
    AtomicInteger overlaps = new AtomicInteger();
    for (int i = 0; i < 200; i++) {
      String key = "chat" + (i % 5);
      int n = i;
      ex.submit(key, () -> {
        if (running.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet() > 1) overlaps.incrementAndGet();
        seen.computeIfAbsent(key, k -> Collections.synchronizedList(new ArrayList<>())).add(n);
        Thread.yield();
        running.get(key).decrementAndGet();
      });
    }
    assertTrue(ex.awaitIdle(20_000));
    assertEquals(0, overlaps.get());
    for (List<Integer> list : seen.values()) {
      List<Integer> sorted = new ArrayList<>(list);
      Collections.sort(sorted);
      assertEquals(sorted, list);
    }
    ex.shutdown(1000);
  }

  @Test
  void aBlockedKeyLeavesTheOtherWorkersFree() throws Exception {
    KeyedExecutor ex = new KeyedExecutor("t", 2, 100);
    CountDownLatch release = new CountDownLatch(1);
    CountDownLatch otherDone = new CountDownLatch(3);
    ex.submit("slow", () -> {
      try {
        release.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
    ex.submit("slow", otherDone::countDown); // must wait behind the first
    ex.submit("a", otherDone::countDown);
    ex.submit("b", otherDone::countDown);
    ex.submit("c", otherDone::countDown);
    otherDone.await(); // a, b, c done while "slow" is still blocked
    for (int i = 0; i < 1000 && ex.size() > 2; i++) Thread.sleep(10); // c's bookkeeping ends just after it ran
    assertEquals(2, ex.size(), "slow and the task queued behind it remain");
    release.countDown();
    assertTrue(ex.awaitIdle(20_000));
    ex.shutdown(1000);
  }

  @Test
  void aFailingTaskDoesNotStopItsKey() throws Exception {
    KeyedExecutor ex = new KeyedExecutor("t", 1, 10);
    AtomicInteger ran = new AtomicInteger();
    ex.submit("k", () -> {
      throw new IllegalStateException("boom");
    });
    ex.submit("k", ran::incrementAndGet);
    assertTrue(ex.awaitIdle(20_000));
    assertEquals(1, ran.get());
    ex.shutdown(1000);
  }
}
