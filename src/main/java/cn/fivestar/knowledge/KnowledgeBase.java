package cn.fivestar.knowledge;

import cn.fivestar.infra.FolderLock;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The searchable knowledge base: passages from source folders in a Lucene index under the data folder. The index
 * is built once and reused; it is rebuilt automatically when the source files change (fingerprint of paths and
 * contents), so a search always reflects exactly the given folders. Thread-safe for searching.
 */
public final class KnowledgeBase implements AutoCloseable {
  /** Bump when analysis or passage splitting changes, so old indexes are rebuilt. */
  static final String FORMAT = "kb-10";

  /** What the last build (or reuse) did. */
  public record BuildSummary(boolean rebuilt, int files, int passages, long bytes, long millis,
      List<DocumentLoader.Problem> problems) {}

  private final KnowledgeIndex index;
  private final Thesaurus thesaurus = Thesaurus.load();
  private final BuildSummary summary;
  private volatile QueryBuilder.Weights weights = QueryBuilder.Weights.DEFAULT;
  private volatile Reranker.Weights rerank = Reranker.Weights.DEFAULT;

  private String version = "unknown";

  /** Which build of the index answers: a prefix of its fingerprint (files and format), kept with answer feedback. */
  public String version() {
    return version;
  }

  private KnowledgeBase(KnowledgeIndex index, BuildSummary summary) {
    this.index = index;
    this.summary = summary;
  }

  /**
   * Opens the index of the given source folders under {@code dataDir/index}, building it if missing or stale.
   * {@code progress} receives human-readable progress lines (for stderr).
   */
  public static KnowledgeBase open(Path dataDir, List<Path> sources, boolean force, Consumer<String> progress) {
    try {
      List<Path> folders = sources.stream().map(p -> p.toAbsolutePath().normalize()).toList();
      List<Path> files = DocumentLoader.listFiles(folders);
      Path home = dataDir.resolve("index").resolve(indexName(folders));
      String fingerprint = fingerprint(files);
      Path marker = home.resolve("fingerprint");
      BuildSummary summary;
      KnowledgeIndex idx;
      // Processes started together on one data folder share one build: the first builds, the others wait and then
      // open what it built; nobody opens the index while another swaps it in.
      try (FolderLock lock = FolderLock.acquire(home)) {
        if (!force && Files.exists(marker) && Files.readString(marker).strip().equals(fingerprint)) {
          summary = new BuildSummary(false, files.size(), -1, 0, 0, List.of());
        } else {
          summary = build(home, files, fingerprint, progress);
        }
        idx = KnowledgeIndex.open(home.resolve("lucene"), queryBuilder());
      }
      if (summary.passages() < 0) {
        summary = new BuildSummary(false, files.size(), idx.size(), 0, 0, List.of());
      }
      KnowledgeBase kb = new KnowledgeBase(idx, summary);
      kb.version = fingerprint.substring(0, Math.min(12, fingerprint.length()));
      return kb;
    } catch (IOException e) {
      throw new UncheckedIOException(e.getMessage(), e);
    }
  }

  private static BuildSummary build(Path home, List<Path> files, String fingerprint, Consumer<String> progress)
      throws IOException {
    long start = System.nanoTime();
    int total = files.size();
    int every = Math.max(1, total / 20);
    DocumentLoader.Result loaded = DocumentLoader.load(files, n -> {
      if (total >= 50 && (n % every == 0 || n == total)) progress.accept("indexing: read " + n + "/" + total + " files");
    });
    for (DocumentLoader.Problem p : loaded.problems()) progress.accept("warning: skipped " + p);
    List<Passage> passages = new ArrayList<>();
    long bytes = 0;
    for (SourceDocument d : loaded.documents()) passages.addAll(PassageSplitter.split(d));
    for (Path f : files) bytes += Files.size(f);
    // Build beside the live index and swap, so a crash mid-build never leaves a half-written index in use.
    Files.createDirectories(home);
    Path fresh = Files.createTempDirectory(home, "build-");
    KnowledgeIndex.write(fresh, passages, queryBuilder());
    Path live = home.resolve("lucene");
    deleteTree(live);
    Files.move(fresh, live, StandardCopyOption.ATOMIC_MOVE);
    Files.writeString(home.resolve("fingerprint"), fingerprint, StandardCharsets.UTF_8);
    long millis = (System.nanoTime() - start) / 1_000_000;
    return new BuildSummary(true, total, passages.size(), bytes, millis, loaded.problems());
  }

  private static QueryBuilder queryBuilder() {
    return new QueryBuilder(ChineseAnalysis.words(), ChineseAnalysis.bigrams(), Thesaurus.load());
  }

  private static String indexName(List<Path> folders) {
    return "src-" + sha256(folders.stream().map(Path::toString).sorted().reduce("", (a, b) -> a + "\n" + b))
        .substring(0, 16);
  }

  private static String fingerprint(List<Path> files) throws IOException {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      md.update(FORMAT.getBytes(StandardCharsets.UTF_8));
      for (Path f : files) {
        md.update(f.toString().getBytes(StandardCharsets.UTF_8));
        md.update(Files.readAllBytes(f));
      }
      return HexFormat.of().formatHex(md.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String sha256(String s) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void deleteTree(Path p) throws IOException {
    if (!Files.exists(p)) return;
    try (Stream<Path> s = Files.walk(p)) {
      for (Path x : s.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(x);
    }
  }

  public BuildSummary summary() {
    return summary;
  }

  public int size() {
    return index.size();
  }

  /** Top passages for free user text; never throws on odd input, returns an empty list when nothing matches. */
  public List<Hit> search(String text, int k) {
    return search(text, k, SearchFilter.NONE);
  }

  public List<Hit> search(String text, int k, SearchFilter filter) {
    try {
      return index.search(text, k, filter, weights, rerank);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The official terms the documents use for what the question says ("吵架" → 矛盾纠纷 调解; a star → its work
   * areas); empty when none apply. Lets answer selection recognise relevant sentences that share no words with
   * the question.
   */
  public List<String> relatedTerms(String question) {
    return thesaurus.expand(question);
  }

  /**
   * Words of the question the knowledge base has never seen and cannot relate to anything it has (上海, 发烧):
   * evidence, beside term coverage, that a question is about something else.
   */
  public List<String> unknownWords(String question) {
    try {
      return index.unknownWords(question);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** All passages matching a filter, in document order (e.g. every criteria passage of one star). */
  public List<Passage> passages(SearchFilter filter) {
    try {
      return index.all(filter);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** For tuning experiments only. */
  void setWeights(QueryBuilder.Weights w, Reranker.Weights r) {
    this.weights = w;
    this.rerank = r;
  }

  @Override
  public void close() {
    try {
      index.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
