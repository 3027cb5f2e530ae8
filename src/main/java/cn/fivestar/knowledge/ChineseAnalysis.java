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
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

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

  /**
   * The character bigrams of a Chinese phrase that belong to one word or join a word to a single-character
   * suffix or prefix (残疾|证 → 残疾, 疾证), leaving out those that straddle two words of two or more characters
   * (老年人|乘车 has no 人乘): the bigrams a name or compound is made of.
   */
  public static List<String> compoundBigrams(Analyzer words, String phrase) {
    int n = phrase.length();
    int[] wordLength = new int[n];  // length of the smartcn word covering each character, 0 if none
    boolean[] starts = new boolean[n + 1];
    try (TokenStream ts = words.tokenStream("f", phrase)) {
      OffsetAttribute off = ts.addAttribute(OffsetAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        if (off.startOffset() < n) starts[off.startOffset()] = true;
        for (int i = off.startOffset(); i < off.endOffset() && i < n; i++) {
          wordLength[i] = off.endOffset() - off.startOffset();
        }
      }
      ts.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<String> out = new ArrayList<>();
    for (int i = 0; i + 1 < n; i++) {
      char a = phrase.charAt(i);
      char b = phrase.charAt(i + 1);
      if (!Character.isIdeographic(a) || !Character.isIdeographic(b)) continue;
      if (starts[i + 1] && wordLength[i] >= 2 && wordLength[i + 1] >= 2) continue;
      out.add("" + a + b);
    }
    return out;
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
