package cn.fivestar.knowledge;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.analysis.core.KeywordAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

/** The Lucene index of passages on disk: written once per build, then searched by many threads. */
final class KnowledgeIndex implements Closeable {
  private final Directory dir;
  private final DirectoryReader reader;
  private final IndexSearcher searcher;
  private final QueryBuilder queries;
  private final Reranker reranker;
  private final int docCount;
  private final org.apache.lucene.analysis.Analyzer wordAnalyzer = ChineseAnalysis.words();
  /**
   * Every passage with its stored term lists, read once at open: decompressing stored fields was the largest
   * cost of a search, and even a 10,000-passage corpus takes only tens of MB here.
   */
  private final Reranker.Candidate[] byDoc;

  /** BM25 candidates considered by the reranker. */
  static final int CANDIDATES = 20;

  private KnowledgeIndex(Directory dir, QueryBuilder queries) throws IOException {
    this.reranker = new Reranker(queries, t -> idf("text" + ChineseAnalysis.WORDS, t),
        t -> idf("text" + ChineseAnalysis.BIGRAMS, t));
    this.dir = dir;
    this.reader = DirectoryReader.open(dir);
    this.docCount = Math.max(1, reader.numDocs());
    this.byDoc = new Reranker.Candidate[reader.maxDoc()];
    var stored = reader.storedFields();
    for (int i = 0; i < byDoc.length; i++) {
      Document d = stored.document(i);
      byDoc[i] = new Reranker.Candidate(toPassage(d), 0f, split(d.get("words")), split(d.get("bigrams")));
    }
    this.searcher = new IndexSearcher(reader);
    this.queries = queries;
  }

  static void write(Path path, List<Passage> passages, QueryBuilder terms) throws IOException {
    try (Directory d = FSDirectory.open(path);
        // Text fields arrive as pre-analysed token lists, so the writer's own analyzer is never used for them.
        IndexWriter w = new IndexWriter(d, new IndexWriterConfig(new KeywordAnalyzer())
            .setOpenMode(IndexWriterConfig.OpenMode.CREATE)
            .setRAMBufferSizeMB(64))) {
      Map<String, List<String>> ctxWords = new ConcurrentHashMap<>();
      Map<String, List<String>> ctxBigrams = new ConcurrentHashMap<>();
      // Analysis dominates a build and both analyzers and IndexWriter are thread-safe: use every core.
      passages.parallelStream().forEach(p -> {
        try {
          w.addDocument(toDocument(p, terms, ctxWords, ctxBigrams));
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
      w.commit();
    }
  }

  /** {@code ctxWords}/{@code ctxBigrams} cache the analysis of title + heading, shared by a section's passages. */
  private static Document toDocument(Passage p, QueryBuilder terms, Map<String, List<String>> ctxWords,
      Map<String, List<String>> ctxBigrams) {
    Document d = new Document();
    String ctx = p.title() + "\n" + p.heading();
    // The heading is part of what a passage is about ("花园路街道…" over a paragraph that only says "街道").
    String body = p.heading() + "\n" + p.text();
    List<String> bodyWords = terms.allWords(body);
    List<String> bodyBigrams = terms.allBigrams(body);
    d.add(new TextField("text" + ChineseAnalysis.WORDS, new TermListTokenStream(bodyWords)));
    d.add(new TextField("text" + ChineseAnalysis.BIGRAMS, new TermListTokenStream(bodyBigrams)));
    d.add(new TextField("ctx" + ChineseAnalysis.WORDS,
        new TermListTokenStream(ctxWords.computeIfAbsent(ctx, terms::allWords))));
    d.add(new TextField("ctx" + ChineseAnalysis.BIGRAMS,
        new TermListTokenStream(ctxBigrams.computeIfAbsent(ctx, terms::allBigrams))));
    d.add(new StringField("star", p.star(), Field.Store.YES));
    d.add(new StringField("kind", p.kind(), Field.Store.YES));
    d.add(new StoredField("place", p.place()));
    d.add(new StoredField("source", p.source()));
    d.add(new StoredField("title", p.title()));
    d.add(new StoredField("heading", p.heading()));
    d.add(new StoredField("text", p.text()));
    d.add(new StoredField("position", p.position()));
    // Analysed once here so reranking at query time only splits strings (smartcn is slow per call).
    d.add(new StoredField("words", String.join(" ", terms.content(bodyWords))));
    d.add(new StoredField("bigrams", String.join(" ", terms.content(bodyBigrams))));
    return d;
  }

  static KnowledgeIndex open(Path path, QueryBuilder queries) throws IOException {
    return new KnowledgeIndex(FSDirectory.open(path), queries);
  }

  /**
   * Inverse document frequency of a term in a field. A term absent from the corpus gets the highest weight, so
   * a question about things the documents never mention keeps a low coverage.
   */
  private double idf(String field, String term) {
    try {
      int df = reader.docFreq(new Term(field, term));
      return Math.log(1 + (docCount - df + 0.5) / (df + 0.5));
    } catch (IOException e) {
      return 1.0;
    }
  }

  /** Content words of the question that no passage contains and no thesaurus rule explains. */
  List<String> unknownWords(String question) throws IOException {
    String core = QueryBuilder.normalize(question);
    List<String> out = new ArrayList<>();
    for (String w : queries.wordTerms(queries.stripQuestionWords(core))) {
      if (w.length() < 2 || !w.codePoints().allMatch(Character::isIdeographic)) continue;
      if (reader.docFreq(new Term("text" + ChineseAnalysis.WORDS, w)) == 0
          && queries.thesaurus().synonymsOf(w, core).isEmpty()) {
        out.add(w);
      }
    }
    return out;
  }

  /** The bigrams of a phrase's words (see {@link ChineseAnalysis#compoundBigrams}) that no passage contains. */
  List<String> unseenBigrams(String phrase) throws IOException {
    List<String> out = new ArrayList<>();
    for (String b : ChineseAnalysis.compoundBigrams(wordAnalyzer, QueryBuilder.normalize(phrase))) {
      if (reader.docFreq(new Term("text" + ChineseAnalysis.BIGRAMS, b)) == 0) out.add(b);
    }
    return out;
  }

  double coverage(String query, String text) {
    return reranker.coverage(query, text);
  }

  int size() {
    return reader.numDocs();
  }

  List<Hit> search(String text, int k, SearchFilter filter, QueryBuilder.Weights weights, Reranker.Weights rw)
      throws IOException {
    Query q = queries.build(text, weights);
    if (q == null || k <= 0) return List.of();
    Query scoped = filter.isEmpty() ? q : withFilter(q, filter);
    TopDocs top = searcher.search(scoped, Math.max(k, CANDIDATES));
    List<Reranker.Candidate> candidates = new ArrayList<>(top.scoreDocs.length);
    for (ScoreDoc sd : top.scoreDocs) {
      Reranker.Candidate c = byDoc[sd.doc];
      candidates.add(new Reranker.Candidate(c.passage(), sd.score, c.words(), c.bigrams()));
    }
    return reranker.rerank(text, candidates, k, rw);
  }

  private static Query withFilter(Query q, SearchFilter f) {
    BooleanQuery.Builder b = new BooleanQuery.Builder().add(q, BooleanClause.Occur.MUST);
    if (!f.star().isEmpty()) b.add(new TermQuery(new Term("star", f.star())), BooleanClause.Occur.FILTER);
    if (!f.kind().isEmpty()) b.add(new TermQuery(new Term("kind", f.kind())), BooleanClause.Occur.FILTER);
    return b.build();
  }

  private static java.util.Set<String> split(String terms) {
    return terms == null || terms.isEmpty() ? java.util.Set.of() : new java.util.HashSet<>(List.of(terms.split(" ")));
  }

  private static Passage toPassage(Document d) {
    return new Passage(d.get("source"), d.get("title"), d.get("heading"), d.get("text"),
        d.getField("position").numericValue().intValue(), d.get("star"), d.get("kind"), d.get("place"));
  }

  /** Every passage of the given kind (and star, if set), in reading order: used to list criteria. */
  List<Passage> all(SearchFilter filter) throws IOException {
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    b.add(new org.apache.lucene.search.MatchAllDocsQuery(), BooleanClause.Occur.MUST);
    if (!filter.star().isEmpty()) b.add(new TermQuery(new Term("star", filter.star())), BooleanClause.Occur.FILTER);
    if (!filter.kind().isEmpty()) b.add(new TermQuery(new Term("kind", filter.kind())), BooleanClause.Occur.FILTER);
    TopDocs top = searcher.search(b.build(), Math.max(1, reader.maxDoc()));
    List<Passage> out = new ArrayList<>(top.scoreDocs.length);
    for (ScoreDoc sd : top.scoreDocs) out.add(byDoc[sd.doc].passage());
    // Documents are indexed in parallel, so restore reading order explicitly.
    out.sort(java.util.Comparator.comparing(Passage::source).thenComparingInt(Passage::position));
    return out;
  }

  @Override
  public void close() throws IOException {
    reader.close();
    dir.close();
  }
}
