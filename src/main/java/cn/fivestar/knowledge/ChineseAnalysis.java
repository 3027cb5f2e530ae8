package cn.fivestar.knowledge;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.cjk.CJKBigramFilter;
import org.apache.lucene.analysis.cjk.CJKWidthFilter;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Two views of Chinese text. smartcn segments words (good for ordinary vocabulary); CJK bigrams keep domain terms
 * findable that smartcn splits oddly (一长三员, 红色物业, 平安小分队), since a phrase's bigrams match wherever it
 * occurs. Fields ending in {@code _cn} use smartcn, fields ending in {@code _bi} use bigrams.
 */
public final class ChineseAnalysis {
  public static final String WORDS = "_cn";
  public static final String BIGRAMS = "_bi";

  private ChineseAnalysis() {}

  public static Analyzer words() {
    return new SmartChineseAnalyzer();
  }

  public static Analyzer bigrams() {
    return new Analyzer() {
      @Override
      protected TokenStreamComponents createComponents(String fieldName) {
        Tokenizer source = new StandardTokenizer();
        TokenStream ts = new CJKWidthFilter(source);
        ts = new LowerCaseFilter(ts);
        ts = new CJKBigramFilter(ts);
        return new TokenStreamComponents(source, ts);
      }
    };
  }

  /** The analyzer for indexing: chooses by field-name suffix. */
  public static Analyzer perField(Analyzer words, Analyzer bigrams, List<String> baseFields) {
    Map<String, Analyzer> map = new java.util.HashMap<>();
    for (String f : baseFields) {
      map.put(f + WORDS, words);
      map.put(f + BIGRAMS, bigrams);
    }
    return new PerFieldAnalyzerWrapper(words, map);
  }

  /** The terms an analyzer makes of a text, in order (duplicates kept). */
  public static List<String> terms(Analyzer analyzer, String field, String text) {
    List<String> out = new ArrayList<>();
    try (TokenStream ts = analyzer.tokenStream(field, text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      ts.reset();
      while (ts.incrementToken()) out.add(term.toString());
      ts.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }
}
