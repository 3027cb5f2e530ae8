import cn.fivestar.answer.Answerer;
import cn.fivestar.app.Answerers;
import cn.fivestar.knowledge.KnowledgeBase;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Stream;

/**
 * Index build throughput and search / extractive-ask latency, on a folder (the seeds) and on a synthetic corpus
 * of about 10,000 passages made by recombining the folder's sentences. Run from the repo root after packaging:
 *   java -cp target/fivestar-bot.jar bench/KnowledgeBench.java ../shared/seeds
 */
public class KnowledgeBench {
  static final List<String> QUERIES = List.of("怎么争创平安法治星？", "冯春社区划分了几个网格？", "一长三员是什么",
      "小区里有人吵架打起来了，找谁处理？", "老人吃饭难怎么解决", "花园路街道有多少名党员", "明天会下雨吗",
      "共建共享星有什么好的做法", "技能培训", "红色物业");

  public static void main(String[] args) throws Exception {
    Path seeds = Path.of(args.length > 0 ? args[0] : "../shared/seeds");
    Path work = Files.createTempDirectory("kbench");
    run("seeds", seeds, work.resolve("d1"));
    Path synthetic = synthesize(seeds, work.resolve("synthetic"), 10_000);
    run("synthetic", synthetic, work.resolve("d2"));
  }

  static void run(String name, Path folder, Path data) {
    long bytes = size(folder);
    // The first build in a JVM pays for JIT warm-up and smartcn's dictionaries; later ones show steady state.
    for (int round = 1; round <= 3; round++) {
      long t0 = System.nanoTime();
      try (KnowledgeBase kb = KnowledgeBase.open(data, List.of(folder), true, s -> {})) {
        double secs = (System.nanoTime() - t0) / 1e9;
        System.out.printf(Locale.ROOT, "%s build %d: %d passages, %.2f MB in %.2f s = %.2f MB/s%n",
            name, round, kb.size(), bytes / 1048576.0, secs, bytes / 1048576.0 / secs);
      }
    }
    try (KnowledgeBase kb = KnowledgeBase.open(data, List.of(folder), false, s -> {})) {
      for (int i = 0; i < 200; i++) kb.search(QUERIES.get(i % QUERIES.size()), 5); // warm-up
      long[] search = new long[2000];
      for (int i = 0; i < search.length; i++) {
        long s = System.nanoTime();
        kb.search(QUERIES.get(i % QUERIES.size()), 5);
        search[i] = System.nanoTime() - s;
      }
      report(name + " search top-5", search);
      Answerer answerer = Answerers.create(kb);
      for (int i = 0; i < 100; i++) answerer.answer(QUERIES.get(i % QUERIES.size()), List.of());
      long[] ask = new long[1000];
      for (int i = 0; i < ask.length; i++) {
        long s = System.nanoTime();
        answerer.answer(QUERIES.get(i % QUERIES.size()), List.of());
        ask[i] = System.nanoTime() - s;
      }
      report(name + " ask (extractive)", ask);
    }
  }

  static void report(String what, long[] nanos) {
    long[] s = nanos.clone();
    Arrays.sort(s);
    System.out.printf(Locale.ROOT, "  %s: p50 %.2f ms, p99 %.2f ms (n=%d)%n",
        what, s[s.length / 2] / 1e6, s[(int) (s.length * 0.99)] / 1e6, s.length);
  }

  /** Writes files whose paragraphs are random recombinations of the source sentences (~10k passages). */
  static Path synthesize(Path seeds, Path out, int passages) throws Exception {
    List<String> sentences = new ArrayList<>();
    try (Stream<Path> files = Files.list(seeds)) {
      for (Path f : files.toList()) {
        String text = Files.readString(f, StandardCharsets.UTF_8).replaceAll("\\s+", "");
        for (String s : text.split("(?<=[。！？])")) if (s.length() > 10) sentences.add(s);
      }
    }
    Files.createDirectories(out);
    Random r = new Random(42);
    int perFile = 100;
    for (int f = 0; f < passages / perFile; f++) {
      StringBuilder b = new StringBuilder("# 合成文档 " + f + "\n\n");
      for (int p = 0; p < perFile; p++) {
        StringBuilder para = new StringBuilder();
        while (para.length() < 150) para.append(sentences.get(r.nextInt(sentences.size())));
        b.append("## 小节 ").append(p).append("\n\n").append(para).append("\n\n");
      }
      Files.writeString(out.resolve("doc-" + f + ".md"), b.toString(), StandardCharsets.UTF_8);
    }
    return out;
  }

  static long size(Path folder) {
    try (Stream<Path> s = Files.walk(folder)) {
      return s.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
    } catch (Exception e) {
      throw new RuntimeException(e);
    }
  }
}
