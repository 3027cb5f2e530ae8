package cn.fivestar.knowledge;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.cjk.CJKBigramFilter;
import org.apache.lucene.analysis.cjk.CJKWidthFilter;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Two views of Chinese text. smartcn segments words (good for ordinary vocabulary); CJK bigrams keep domain terms
 * findable that smartcn splits oddly (一长三员, 红色物业, 平安小分队), since a phrase's bigrams match wherever it
 * occurs. Fields ending in {@code _cn} hold smartcn terms, fields ending in {@code _bi} bigrams.
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
