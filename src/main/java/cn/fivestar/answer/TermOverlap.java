package cn.fivestar.answer;

import cn.fivestar.knowledge.ChineseAnalysis;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;

/** Bigram overlap between texts: how much of a question a sentence covers, and near-duplicate detection. */
final class TermOverlap {
  private static final Pattern QUESTION_WORDS = Pattern.compile(
      "请问|怎么样|怎么|怎样|如何|为什么|什么|哪些|哪个|哪里|多少|几个|有没有|是不是|是否|我们|你们|吗|呢");
  private final Analyzer bigrams = ChineseAnalysis.bigrams();

  Set<String> terms(String text) {
    return new HashSet<>(ChineseAnalysis.terms(bigrams, "f", text));
  }

  /** Share of the question's bigrams (question words removed) that occur in the text. */
  double coverage(String question, String text) {
    Set<String> q = terms(QUESTION_WORDS.matcher(question).replaceAll(" "));
    if (q.isEmpty()) return 0;
    Set<String> t = terms(text);
    int n = 0;
    for (String x : q) if (t.contains(x)) n++;
    return (double) n / q.size();
  }

  /** Share of the given terms (space-separated words) that occur in the text; 0 when there are none. */
  double anyOf(String terms, String text) {
    if (terms.isBlank()) return 0;
    String[] words = terms.split("\\s+");
    int n = 0;
    for (String w : words) if (text.contains(w)) n++;
    return Math.min(1.0, n / 3.0);
  }

  /** True when two sentences share most of their bigrams (the same fact told twice). */
  boolean similar(String a, String b) {
    return similar(terms(a), terms(b), a, b);
  }

  /** {@link #similar(String, String)} for texts already split into bigrams. */
  static boolean similar(Set<String> x, Set<String> y, String a, String b) {
    if (x.isEmpty() || y.isEmpty()) return a.equals(b);
    int common = 0;
    for (String t : x) if (y.contains(t)) common++;
    return common >= 0.6 * Math.min(x.size(), y.size());
  }

  /** Whether two characters running together in {@code words} (its Han runs) occur in {@code text}. */
  static boolean sharesPair(String words, String text) {
    for (String run : words.split("[^\\p{IsHan}]+")) {
      for (int i = 0; i + 2 <= run.length(); i++) {
        if (text.contains(run.substring(i, i + 2))) return true;
      }
    }
    return false;
  }
}
