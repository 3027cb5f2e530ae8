package cn.fivestar.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CaseNumbersTest {
  @TempDir Path dir;

  @Test
  void trackingNumbersAreDatePlusDailySequence() {
    MutableClock clock = new MutableClock(CaseTestSupport.MONDAY_9AM);
    try (CaseService cases = CaseTestSupport.open(dir, clock)) {
      assertEquals("20260105-0001", cases.create(CaseTestSupport.resident("a", "井盖丢了", "幸福路")).id());
      assertEquals("20260105-0002", cases.create(CaseTestSupport.resident("b", "井盖丢了", "幸福路")).id());
      clock.advance(Duration.ofDays(1));
      assertEquals("20260106-0001", cases.create(CaseTestSupport.resident("c", "井盖丢了", "幸福路")).id());
      // the local (Beijing) date decides the day: 07:30 on the 7th in Henan is still the 6th in UTC
      clock.set(java.time.LocalDateTime.of(2026, 1, 7, 7, 30));
      assertEquals("20260107-0001", cases.create(CaseTestSupport.resident("d", "井盖丢了", "幸福路")).id());
    }
  }

  @Test
  void uniqueUnderConcurrentCreationFromEightThreadsAndTwoServices() throws Exception {
    MutableClock clock = new MutableClock(CaseTestSupport.MONDAY_9AM);
    int threads = 8;
    int perThread = 40;
    try (CaseService a = CaseTestSupport.open(dir, clock); CaseService b = CaseTestSupport.openSeparate(dir, clock)) {
      ExecutorService pool = Executors.newFixedThreadPool(threads);
      List<Future<List<String>>> futures = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        CaseService svc = t % 2 == 0 ? a : b;  // two pools on one store, like the bot and a CLI (or two replicas) at once
        int thread = t;
        Callable<List<String>> job = () -> {
          List<String> ids = new ArrayList<>();
          for (int i = 0; i < perThread; i++) {
            ids.add(svc.create(CaseTestSupport.resident("t" + thread, "线程" + thread + "第" + i + "件", "1号楼")).id());
          }
          return ids;
        };
        futures.add(pool.submit(job));
      }
      Set<String> all = new HashSet<>();
      int total = 0;
      for (Future<List<String>> f : futures) {
        for (String id : f.get()) {
          total++;
          all.add(id);
        }
      }
      pool.shutdown();
      assertEquals(threads * perThread, total);
      assertEquals(total, all.size(), "no tracking number handed out twice");
      Set<String> expected = new HashSet<>();
      IntStream.rangeClosed(1, total).forEach(n -> expected.add(String.format("20260105-%04d", n)));
      assertEquals(expected, all, "a gapless daily sequence");
      assertEquals(total, a.list(CaseFilter.all()).size());
      assertEquals(total, CaseTestSupport.count(dir, "SELECT COUNT(*) FROM case_history WHERE action = 'created'"));
    }
  }

  @Test
  void typedNumbersAreUnderstood() {
    MutableClock clock = new MutableClock(CaseTestSupport.MONDAY_9AM);
    try (CaseService cases = CaseTestSupport.open(dir, clock)) {
      String id = cases.create(CaseTestSupport.resident("a", "井盖丢了", "幸福路")).id();
      assertTrue(cases.find("２０２６０１０５－０００１").isPresent(), "full-width digits");
      assertTrue(cases.find("#20260105-0001").isPresent());
      assertTrue(cases.find(" 202601050001 ").isPresent(), "without the dash");
      assertEquals(id, cases.get("202601050001").id());
      assertTrue(cases.find("20260105-0002").isEmpty());
      assertTrue(cases.find("").isEmpty());
    }
  }
}
