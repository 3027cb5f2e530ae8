package cn.fivestar.cases.bench;

import cn.fivestar.infra.Database;
import cn.fivestar.app.Main;
import cn.fivestar.cases.CaseFilter;
import cn.fivestar.cases.CaseKind;
import cn.fivestar.cases.CaseRecord;
import cn.fivestar.cases.CaseService;
import cn.fivestar.cases.CaseStatus;
import cn.fivestar.cases.NewCase;
import cn.fivestar.cases.Taxonomy;
import cn.fivestar.cases.WorkCalendar;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Case store benchmark (not a test; see bench/README.md): committed cases per second one transaction each
 * (1 and 8 threads) and batched, then list and stats times on a store of N cases (default 100,000) with a realistic
 * mix of statuses. Usage: CasesBench [N] [DIR]; on PostgreSQL with FIVESTAR_DB_URL (bench/StoreBench.sh runs both).
 */
public final class CasesBench {
  private static final String[] CATEGORIES = {"矛盾纠纷", "治安消防", "环境卫生", "设施维修", "物业停车", "养老助残", "就业帮扶",
      "党务作风", "其他"};
  private static final String[] TEXTS = {"楼道灯不亮，晚上看不见路", "下水道堵了，污水漫到路上", "邻居装修噪音扰民",
      "电动车在楼道充电，很危险", "小区门口乱停车堵住消防通道", "家里老人行动不便，想申请助餐", "想参加技能培训找工作",
      "村口垃圾好几天没人清运", "路灯坏了一个多星期"};
  private static final String[] PLACES = {"幸福社区3号楼", "阳光花园8号楼", "李庄村二组", "工人新村5号楼", "人民路12号"};
  private final Random random = new Random(42);
  private int seq;

  public static void main(String[] args) throws Exception {
    int total = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    Path dir = args.length > 1 ? Path.of(args[1]) : Files.createTempDirectory("cases-bench");
    new CasesBench().run(total, dir);
  }

  private NewCase next() {
    int i = seq++;
    String text = TEXTS[random.nextInt(TEXTS.length)] + "（第" + i + "件）";
    return new NewCase("telegram", "u" + random.nextInt(20_000), "c" + i, "居民" + i,
        random.nextInt(4) == 0 ? "138" + String.format("%08d", i) : null, text, PLACES[random.nextInt(PLACES.length)],
        CATEGORIES[random.nextInt(CATEGORIES.length)], CaseKind.values()[random.nextInt(CaseKind.values().length)],
        List.of());
  }

  private void run(int total, Path dir) throws Exception {
    System.out.printf(Locale.ROOT, "data dir %s, target %,d cases, %d CPUs, java %s%n", dir, total,
        Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
    List<String> ids = new ArrayList<>();
    try (CaseService cases = CaseService.open(dir)) {
      for (int i = 0; i < 500; i++) ids.add(cases.create(next()).id());  // warm-up

      int single = 5_000;
      long t0 = System.nanoTime();
      for (int i = 0; i < single; i++) ids.add(cases.create(next()).id());
      report("create, one commit each, 1 thread", single, t0);

      int threads = 8;
      int perThread = 625;
      List<NewCase> work = new ArrayList<>();
      for (int i = 0; i < threads * perThread; i++) work.add(next());
      ExecutorService pool = Executors.newFixedThreadPool(threads);
      t0 = System.nanoTime();
      List<Future<List<String>>> futures = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        List<NewCase> slice = work.subList(t * perThread, (t + 1) * perThread);
        futures.add(pool.submit(() -> slice.stream().map(c -> cases.create(c).id()).toList()));
      }
      for (Future<List<String>> f : futures) ids.addAll(f.get());
      report("create, one commit each, 8 threads", threads * perThread, t0);
      pool.shutdown();

      // the bulk was received a month ago, so the overdue list and the rates have something to show
      int batched = 0;
      t0 = System.nanoTime();
      try (CaseService earlier = new CaseService(Database.configured(dir), Taxonomy.defaults(), WorkCalendar.defaults(),
          Clock.offset(Clock.system(CaseService.ZONE), Duration.ofDays(-30)))) {
        while (ids.size() < total) {
          List<NewCase> batch = new ArrayList<>();
          for (int i = 0; i < Math.min(1_000, total - ids.size()); i++) batch.add(next());
          for (CaseRecord r : earlier.createAll(batch)) ids.add(r.id());
          batched += batch.size();
        }
      }
      report("create, batches of 1,000 per commit", batched, t0);

      // a realistic mix: some handled to the end and rated, some in progress, some merged
      t0 = System.nanoTime();
      int updates = 0;
      for (int i = 0; i < ids.size(); i += 20) {
        String id = ids.get(i);
        cases.assign(id, "网格员" + (i % 50), "调度员");
        cases.reply(id, "网格员" + (i % 50), "已处理");
        cases.transition(id, CaseStatus.CLOSED, "调度员", null);
        updates += 3;
      }
      for (int i = 7; i < ids.size(); i += 20) {
        cases.assign(ids.get(i), "网格员" + (i % 50), "调度员");
        cases.transition(ids.get(i), CaseStatus.IN_PROGRESS, "网格员" + (i % 50), null);
        updates += 2;
      }
      for (int i = 11; i + 1 < ids.size(); i += 50) {
        cases.merge(ids.get(i), ids.get(i + 1), "调度员");
        updates++;
      }
      report("updates (assign/reply/close/merge), one commit each", updates, t0);

      System.out.printf(Locale.ROOT, "store holds %,d cases%n", ids.size());
      time("API list(all)", 3, () -> cases.list(CaseFilter.all()).size());
      time("API list(status=in_progress)", 3, () -> cases.list(CaseFilter.all().withStatus(CaseStatus.IN_PROGRESS)).size());
      time("API list(overdue)", 3, () -> cases.list(CaseFilter.all().withOverdue(true)).size());
      time("API stats(all)", 5, () -> (int) cases.stats(null, null).overall().total());
      time("API findSimilarOpen", 3, () -> cases.findSimilarOpen("3号楼楼道灯不亮", "幸福社区3号楼", 5).size());
    }
    time("CLI cases list --json (whole process path, incl. open)", 3,
        () -> Main.execute("--data", dir.toString(), "cases", "list", "--json"));
    time("CLI cases list (text table)", 3, () -> Main.execute("--data", dir.toString(), "cases", "list"));
    time("CLI cases list --status in_progress --json", 3,
        () -> Main.execute("--data", dir.toString(), "cases", "list", "--status", "in_progress", "--json"));
    time("CLI cases list --overdue --json", 3,
        () -> Main.execute("--data", dir.toString(), "cases", "list", "--overdue", "--json"));
    time("CLI stats --json", 5, () -> Main.execute("--data", dir.toString(), "stats", "--json"));
  }

  private static void report(String what, int n, long t0) {
    double s = (System.nanoTime() - t0) / 1e9;
    System.out.printf(Locale.ROOT, "%-55s %,8d in %6.2f s = %,9.0f /s%n", what, n, s, n / s);
  }

  interface Job {
    int run() throws Exception;
  }

  /** Runs job several times with stdout silenced; prints the median and best wall time. */
  private static void time(String what, int runs, Job job) throws Exception {
    PrintStream out = System.out;
    long[] ms = new long[runs];
    int result = 0;
    try {
      System.setOut(new PrintStream(OutputStream.nullOutputStream()));
      for (int i = 0; i < runs; i++) {
        long t0 = System.nanoTime();
        result = job.run();
        ms[i] = (System.nanoTime() - t0) / 1_000_000;
      }
    } finally {
      System.setOut(out);
    }
    Arrays.sort(ms);
    System.out.printf(Locale.ROOT, "%-55s median %5d ms, best %5d ms (result %,d)%n", what, ms[runs / 2], ms[0], result);
  }
}
