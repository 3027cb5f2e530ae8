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
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The searchable knowledge base: passages from source folders in a Lucene index under the data folder. The index
 * is built once and reused; it is rebuilt automatically when the source files change (fingerprint of paths and
 * contents), so a search always reflects exactly the given folders. Thread-safe for searching.
 *
 * <p>{@link #reloadIfChanged} (run by a {@link KnowledgeReloader} in long-running commands) rebuilds a changed
 * index and swaps it in atomically: the current index sits behind an atomic reference, every call retains the
 * generation it started on, so searches in flight finish on the old index, which is closed when its last user
 * lets go. No query fails during a reload.
 */
public final class KnowledgeBase implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(KnowledgeBase.class);

  /** Bump when analysis, passage splitting or the files read change, so old indexes are rebuilt. */
  static final String FORMAT = "kb-11";

  /** What the last build (or reuse) did. */
  public record BuildSummary(boolean rebuilt, int files, int passages, long bytes, long millis,
      List<DocumentLoader.Problem> problems) {}

  /**
   * One built index with what describes it. Counted references: one for being current, one per call in flight;
   * the index closes at zero.
   */
  private static final class Generation {
    final KnowledgeIndex index;
    final BuildSummary summary;
    final String fingerprint;
    /** Paths, sizes and modification times of the files: a cheap first check before reading every file. */
    volatile String stamp;
    private final AtomicInteger refs = new AtomicInteger(1);

    Generation(KnowledgeIndex index, BuildSummary summary, String fingerprint, String stamp) {
      this.index = index;
      this.summary = summary;
      this.fingerprint = fingerprint;
      this.stamp = stamp;
    }

    boolean retain() {
      for (;;) {
        int r = refs.get();
        if (r == 0) return false;
        if (refs.compareAndSet(r, r + 1)) return true;
      }
    }

    void release() {
      if (refs.decrementAndGet() == 0) {
        try {
          index.close();
        } catch (IOException e) {
          log.warn("closing an old knowledge index failed: {}", e.toString());
        }
      }
    }

    String version() {
      return fingerprint.substring(0, Math.min(12, fingerprint.length()));
    }
  }

  private final Path dataDir;
  private final List<Path> folders;
  private final AtomicReference<Generation> current;
  private final AtomicBoolean closed = new AtomicBoolean();
  private final Object reloading = new Object();
  private final Object swapping = new Object();
  private final Thesaurus thesaurus = Thesaurus.load();
  private volatile QueryBuilder.Weights weights = QueryBuilder.Weights.DEFAULT;
  private volatile Reranker.Weights rerank = Reranker.Weights.DEFAULT;

  /**
   * Which build of the index answers: a prefix of its fingerprint (files and format), kept with answer feedback.
   * Changes when a reload swaps in a new index.
   */
  public String version() {
    return current.get().version();
  }

  private KnowledgeBase(Path dataDir, List<Path> folders, Generation first) {
    this.dataDir = dataDir;
    this.folders = folders;
    this.current = new AtomicReference<>(first);
  }

  /**
   * Opens the index of the given source folders under {@code dataDir/index}, building it if missing or stale.
   * {@code progress} receives human-readable progress lines (for stderr).
   */
  public static KnowledgeBase open(Path dataDir, List<Path> sources, boolean force, Consumer<String> progress) {
    try {
      List<Path> folders = sources.stream().map(p -> p.toAbsolutePath().normalize()).toList();
      List<Path> files = DocumentLoader.listFiles(folders);
      return new KnowledgeBase(dataDir, folders,
          generation(dataDir, folders, files, fingerprint(files), stamp(files), force, progress));
    } catch (IOException e) {
      throw new UncheckedIOException(e.getMessage(), e);
    }
  }

  private static Generation generation(Path dataDir, List<Path> folders, List<Path> files, String fingerprint,
      String stamp, boolean force, Consumer<String> progress) throws IOException {
    Path home = dataDir.resolve("index").resolve(indexName(folders));
    Path marker = home.resolve("fingerprint");
    BuildSummary summary;
    KnowledgeIndex idx;
    // Processes started together on one data folder share one build: the first builds, the others wait and then
    // open what it built; nobody opens the index while another swaps it in.
    try (FolderLock lock = FolderLock.acquire(home)) {
      if (!force && Files.exists(marker) && Files.readString(marker).strip().equals(fingerprint)
          && Files.isDirectory(home.resolve(liveName(fingerprint)))) {
        summary = new BuildSummary(false, files.size(), -1, 0, 0, List.of());
      } else {
        summary = build(home, files, fingerprint, progress);
      }
      idx = KnowledgeIndex.open(home.resolve(liveName(fingerprint)), queryBuilder());
    }
    if (summary.passages() < 0) {
      summary = new BuildSummary(false, files.size(), idx.size(), 0, 0, List.of());
    }
    return new Generation(idx, summary, fingerprint, stamp);
  }

  /**
   * Rebuilds and swaps in the index when the source files changed since the current one was built (added,
   * edited or removed files); returns whether it did. Searches keep running on the current index meanwhile, and
   * those in flight at the swap finish on it. A failed build leaves the current index in place (the exception
   * says why). One reload at a time.
   */
  public boolean reloadIfChanged(Consumer<String> progress) {
    synchronized (reloading) {
      if (closed.get()) return false;
      try {
        List<Path> files = DocumentLoader.listFiles(folders);
        String stamp = stamp(files);
        Generation g = current.get();
        if (stamp.equals(g.stamp)) return false;
        String fingerprint = fingerprint(files);
        if (fingerprint.equals(g.fingerprint)) {
          g.stamp = stamp; // touched, not changed
          return false;
        }
        progress.accept("knowledge: the source files changed (" + files.size() + " files now); rebuilding in the "
            + "background, answering from the current index meanwhile");
        long start = System.nanoTime();
        Generation fresh = generation(dataDir, folders, files, fingerprint, stamp, false, progress);
        Generation old;
        synchronized (swapping) {
          if (closed.get()) {
            fresh.release();
            return false;
          }
          old = current.getAndSet(fresh);
        }
        old.release();
        progress.accept(String.format(Locale.ROOT,
            "knowledge: reloaded in %d ms: %d files, %d passages, version %s (was %s)%s",
            (System.nanoTime() - start) / 1_000_000, files.size() - fresh.summary.problems().size(),
            fresh.summary.passages(), fresh.version(), old.version(),
            fresh.summary.problems().isEmpty() ? "" : "; skipped " + fresh.summary.problems().size() + " file(s)"));
        return true;
      } catch (IOException e) {
        throw new UncheckedIOException(e.getMessage(), e);
      }
    }
  }

  /** The current generation, retained: the caller releases it. */
  private Generation acquire() {
    for (;;) {
      Generation g = current.get();
      if (g.retain()) return g;
      if (closed.get()) throw new IllegalStateException("the knowledge base is closed");
    }
  }

  private <T> T withIndex(IndexCall<T> call) {
    Generation g = acquire();
    try {
      return call.apply(g.index);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      g.release();
    }
  }

  private interface IndexCall<T> {
    T apply(KnowledgeIndex index) throws IOException;
  }

  /** The live index folder of a fingerprint: each build writes its own, so a reader never sees files replaced. */
  private static String liveName(String fingerprint) {
    return "lucene-" + fingerprint.substring(0, 16);
  }

  private static BuildSummary build(Path home, List<Path> files, String fingerprint, Consumer<String> progress)
      throws IOException {
    long start = System.nanoTime();
    int total = files.size();
    int every = Math.max(1, total / 20);
    long[] lastLine = {System.nanoTime()};
    DocumentLoader.Result loaded = DocumentLoader.load(files, n -> {
      long now = System.nanoTime();
      // Every 5 % of a large folder, and at least every 5 seconds of a slow one (big PDFs).
      if ((total >= 50 && (n % every == 0 || n == total)) || now - lastLine[0] > 5_000_000_000L) {
        progress.accept("indexing: read " + n + "/" + total + " files");
        lastLine[0] = now;
      }
    });
    for (DocumentLoader.Problem p : loaded.problems()) progress.accept("warning: skipped " + p);
    List<Passage> passages = new ArrayList<>();
    long bytes = 0;
    for (SourceDocument d : loaded.documents()) passages.addAll(PassageSplitter.split(d));
    for (Path f : files) bytes += Files.size(f);
    if (passages.size() >= 2000 || (System.nanoTime() - start) > 5_000_000_000L) {
      progress.accept("indexing: analysing " + passages.size() + " passages");
    }
    // Build beside the live index and move it into place under its own name, so a crash mid-build never leaves a
    // half-written index in use and readers of the previous index (this process or another) keep their files.
    Files.createDirectories(home);
    Path fresh = Files.createTempDirectory(home, "build-");
    KnowledgeIndex.write(fresh, passages, queryBuilder());
    Path live = home.resolve(liveName(fingerprint));
    deleteTree(live);
    Files.move(fresh, live, StandardCopyOption.ATOMIC_MOVE);
    Files.writeString(home.resolve("fingerprint"), fingerprint, StandardCharsets.UTF_8);
    removeOldIndexes(home, live);
    long millis = (System.nanoTime() - start) / 1_000_000;
    return new BuildSummary(true, total, passages.size(), bytes, millis, loaded.problems());
  }

  /**
   * Deletes earlier index folders (and builds left by a crash). Best effort: where the system refuses to delete
   * files still open (Windows), they are left for a later build.
   */
  private static void removeOldIndexes(Path home, Path live) {
    try (Stream<Path> s = Files.list(home)) {
      for (Path p : s.toList()) {
        String n = p.getFileName().toString();
        if (!p.equals(live) && Files.isDirectory(p) && (n.startsWith("lucene") || n.startsWith("build-"))) {
          try {
            deleteTree(p);
          } catch (IOException e) {
            log.debug("old index {} not removed yet: {}", p, e.toString());
          }
        }
      }
    } catch (IOException e) {
      log.debug("listing {} failed: {}", home, e.toString());
    }
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

  private static String stamp(List<Path> files) throws IOException {
    StringBuilder b = new StringBuilder(FORMAT);
    for (Path f : files) {
      b.append('\n').append(f).append('\t').append(Files.size(f)).append('\t')
          .append(Files.getLastModifiedTime(f).toMillis());
    }
    return b.toString();
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

  /** What building (or reusing) the current index did. */
  public BuildSummary summary() {
    return current.get().summary;
  }

  public int size() {
    return withIndex(KnowledgeIndex::size);
  }

  /** Top passages for free user text; never throws on odd input, returns an empty list when nothing matches. */
  public List<Hit> search(String text, int k) {
    return search(text, k, SearchFilter.NONE);
  }

  public List<Hit> search(String text, int k, SearchFilter filter) {
    return withIndex(i -> i.search(text, k, filter, weights, rerank));
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
    return withIndex(i -> i.unknownWords(question));
  }

  /**
   * The bigrams of a phrase's words that no document contains (残疾证 → 疾证 when the documents never name the
   * certificate): the phrase names something the knowledge base knows nothing about.
   */
  public List<String> unseenBigrams(String phrase) {
    return withIndex(i -> i.unseenBigrams(phrase));
  }

  /** Whether any passage holds the word, whatever its case: for Latin words ("wifi"), which no bigram covers. */
  public boolean mentions(String word) {
    String w = word.toLowerCase(Locale.ROOT);
    return passages(SearchFilter.NONE).stream()
        .anyMatch(p -> (p.title() + p.text()).toLowerCase(Locale.ROOT).contains(w));
  }

  /**
   * How much of a question a text covers (0..1), measured as {@link Hit#coverage()} is for passages: lets the
   * answerer check that the sentences it quotes, not just the passage around them, address the question.
   */
  public double coverage(String question, String text) {
    return withIndex(i -> i.coverage(question, text));
  }

  /** All passages matching a filter, in document order (e.g. every criteria passage of one star). */
  public List<Passage> passages(SearchFilter filter) {
    return withIndex(i -> i.all(filter));
  }

  /** For tuning experiments only. */
  void setWeights(QueryBuilder.Weights w, Reranker.Weights r) {
    this.weights = w;
    this.rerank = r;
  }

  /** Closes the index once the calls in flight are done; a reload still running is discarded. */
  @Override
  public void close() {
    synchronized (swapping) {
      if (!closed.compareAndSet(false, true)) return;
      current.get().release();
    }
  }
}
