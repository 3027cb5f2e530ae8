package cn.fivestar.knowledge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Source folders change under a running knowledge base: it rebuilds in the background and swaps atomically. */
class ReloadTest {
  @TempDir Path tmp;
  Path docs;
  Path data;

  @BeforeEach
  void corpus() throws IOException {
    docs = Files.createDirectories(tmp.resolve("docs"));
    data = tmp.resolve("data");
    write("water.md", "# 停水通知\n\n## 时间\n幸福路片区因管网改造，本周六上午八点至下午五点停水，请居民提前储水。\n");
    write("service.md", "# 便民服务\n\n社区卫生服务站周六上午开放，提供量血压和测血糖服务。\n");
  }

  private void write(String name, String text) throws IOException {
    Files.writeString(docs.resolve(name), text, StandardCharsets.UTF_8);
  }

  @Test
  void unchangedFoldersDoNotRebuild() throws IOException {
    try (KnowledgeBase kb = KnowledgeBase.open(data, List.of(docs), false, s -> {})) {
      String version = kb.version();
      assertFalse(kb.reloadIfChanged(s -> {}));
      // touched but not changed: same contents, nothing to do
      Files.setLastModifiedTime(docs.resolve("water.md"),
          java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() + 5000));
      assertFalse(kb.reloadIfChanged(s -> {}));
      assertEquals(version, kb.version());
    }
  }

  @Test
  void addedEditedAndRemovedFilesAreReindexedWhileQueriesRunInSeveralThreads() throws Exception {
    List<String> log = Collections.synchronizedList(new ArrayList<>());
    try (KnowledgeBase kb = KnowledgeBase.open(data, List.of(docs), false, log::add)) {
      String before = kb.version();
      assertTrue(first(kb, "停水时间").orElseThrow().text().contains("下午五点"));

      AtomicBoolean stop = new AtomicBoolean();
      AtomicInteger queries = new AtomicInteger();
      ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
      AtomicBoolean sawNew = new AtomicBoolean();
      List<Thread> threads = new ArrayList<>();
      CountDownLatch running = new CountDownLatch(4);
      for (int t = 0; t < 4; t++) {
        Thread th = new Thread(() -> {
          running.countDown();
          while (!stop.get()) {
            try {
              Optional<Hit> h = first(kb, "停水时间");
              kb.passages(SearchFilter.NONE);
              kb.unknownWords("幸福路停水");
              kb.coverage("停水时间", "本周六停水");
              assertTrue(h.isPresent(), "a query found nothing mid-reload");
              if (h.get().text().contains("晚上十点")) sawNew.set(true);
              queries.incrementAndGet();
            } catch (Throwable e) {
              failures.add(e);
            }
          }
        }, "query-" + t);
        th.start();
        threads.add(th);
      }
      running.await();

      try (KnowledgeReloader reloader = KnowledgeReloader.start(kb, Duration.ofMillis(200), log::add)) {
        // edited, added and removed at once
        write("water.md", "# 停水通知\n\n## 时间\n幸福路片区管网改造延期，停水改为下周一上午八点至晚上十点，请居民提前储水。\n");
        write("parking.md", "# 停车管理\n\n小区新划车位一百二十个，业主凭行驶证到物业登记。\n");
        Files.delete(docs.resolve("service.md"));
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (!sawNew.get() && System.nanoTime() < deadline) Thread.sleep(50);
      }
      int atSwap = queries.get();
      Thread.sleep(300);
      stop.set(true);
      for (Thread th : threads) th.join();

      assertTrue(failures.isEmpty(), "queries failed: " + failures);
      assertTrue(sawNew.get(), "results never switched to the new content; log: " + log);
      assertTrue(queries.get() > atSwap, "queries kept running after the swap");
      assertNotEquals(before, kb.version());
      assertTrue(first(kb, "停水时间").orElseThrow().text().contains("晚上十点"));
      assertEquals("parking.md", first(kb, "新划车位怎么登记").orElseThrow().source());
      assertTrue(kb.search("卫生服务站量血压", 5).stream().noneMatch(h -> h.source().equals("service.md")),
          "a removed file is still found");
      assertTrue(log.stream().anyMatch(s -> s.startsWith("knowledge: the source files changed")), log.toString());
      assertTrue(log.stream().anyMatch(s -> s.startsWith("knowledge: reloaded")), log.toString());
      assertFalse(kb.reloadIfChanged(log::add), "nothing changed since");
    }
    // the previous build's index folder was removed: only the live one is left
    try (var s = Files.walk(data.resolve("index"), 2)) {
      assertEquals(1, s.filter(p -> p.getFileName().toString().startsWith("lucene")).count());
    }
  }

  @Test
  void aFailedRebuildKeepsTheCurrentIndex() throws IOException {
    try (KnowledgeBase kb = KnowledgeBase.open(data, List.of(docs), false, s -> {})) {
      String version = kb.version();
      Path moved = tmp.resolve("elsewhere");
      Files.move(docs, moved); // the folder is gone: listing it fails
      assertThrows(RuntimeException.class, () -> kb.reloadIfChanged(s -> {}));
      assertEquals(version, kb.version());
      assertTrue(first(kb, "停水时间").isPresent());
    }
  }

  @Test
  void reloadIntervalFromTheEnvironment() {
    assertEquals(Optional.of(Duration.ofSeconds(30)), KnowledgeReloader.interval(null));
    assertEquals(Optional.of(Duration.ofSeconds(5)), KnowledgeReloader.interval(" 5 "));
    assertEquals(Optional.empty(), KnowledgeReloader.interval("0"));
    assertThrows(IllegalArgumentException.class, () -> KnowledgeReloader.interval("-1"));
    assertThrows(IllegalArgumentException.class, () -> KnowledgeReloader.interval("often"));
  }

  @Test
  void closedKnowledgeBaseRefusesQueriesAndReloads() {
    KnowledgeBase kb = KnowledgeBase.open(data, List.of(docs), false, s -> {});
    kb.close();
    kb.close(); // twice is harmless
    assertThrows(IllegalStateException.class, () -> kb.search("停水", 3));
    assertFalse(kb.reloadIfChanged(s -> {}));
  }

  private static Optional<Hit> first(KnowledgeBase kb, String q) {
    return kb.search(q, 1).stream().findFirst();
  }
}
