package cn.fivestar.knowledge;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * Builds a Lucene query from free user text without any query syntax, so quotes, *, :, AND, brackets or emoji
 * can never make it throw. Question words carry no topic and are removed; colloquial words are expanded with
 * the official terms the documents use ({@link Thesaurus}).
 */
final class QueryBuilder {
  static final int MAX_QUERY_CHARS = 200;
  private static final int MAX_TERMS_PER_FIELD = 60;

  /** Multi-character phrases that only make a sentence a question. */
  private static final Pattern QUESTION_PHRASES = Pattern.compile(
      "请问|请教|怎么样|怎么办|怎么|怎样|如何|为什么|"
          // "用的是什么形式": the form is what is asked, not a word the answer shares ("形式多样" is no answer).
          + "(?:什么|哪种|啥)(?:样的)?(?:形式|方式)|什么样|什么|哪些|哪个|哪里|哪儿|哪家|多少|几个|几项|几名|几种|"
          + "有没有|是不是|能不能|可不可以|可以吗|是否|一下|我们|你们|咱们|他们|大家"
          // Henan and other colloquial forms of the same: pronouns and question words, not topics.
          + "|咋办|咋弄|咋整|咋样|咋回事|咋|啥样|弄啥|干啥|俺们|俺|恁们|恁|咱|中不中|多久"
          // Spoken fillers that name no topic ("想让大伙一块儿商量着定 有啥法子"); the documents never use them, so
          // left in they would weigh like a subject the documents fail to cover.
          + "|大伙儿|大伙|大家伙|一块儿|一块|法子|事儿|那些|这些|这个|那个|问一下|一点儿|一点|知道|听说|上回"
          // "志愿者平常都干点啥活": how often, and "do some", are no topic either.
          + "|平常|平时|平日里|干点|干些|弄点"
          // Henan 哩 / 嘞 stand for 的 (毕业哩娃): left in, they glue words into bigrams no document holds.
          + "|哩|嘞");
  /** "管不管", "修没修": an A-not-A question asks about A. */
  private static final Pattern A_NOT_A = Pattern.compile("(\\p{IsHan})[不没]\\1");
  private static final Set<String> STOP_TOKENS = Set.of(
      "的", "了", "吗", "呢", "吧", "啊", "呀", "是", "有", "在", "和", "与", "及", "或", "都", "也", "就", "要", "会",
      "能", "想", "去", "来", "给", "把", "被", "让", "对", "这", "那", "我", "你", "他", "她", "它", "谁", "做", "搞",
      "个", "些", "呗", "嘛", "还", "又", "很", "太", "么", "啥", "哩", "嘞", "哈", "喽");

  private final Analyzer words;
  private final Analyzer bigrams;
  private final Thesaurus thesaurus;

  QueryBuilder(Analyzer words, Analyzer bigrams, Thesaurus thesaurus) {
    this.words = words;
    this.bigrams = bigrams;
    this.thesaurus = thesaurus;
  }

  /** Weights of each field in the final score. */
  record Weights(float textWords, float textBigrams, float ctxWords, float ctxBigrams, float expansion) {
    static final Weights DEFAULT = new Weights(1.0f, 1.0f, 0.6f, 0.6f, 0.5f);
  }

  /** Returns null when the text holds nothing searchable. */
  Query build(String userText, Weights w) {
    String q = normalize(userText);
    if (q.isEmpty()) return null;
    String core = stripQuestionWords(q);
    String expansion = String.join(" ", thesaurus.expand(q));
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    int clauses = 0;
    clauses += addField(b, "text" + ChineseAnalysis.WORDS, wordTerms(core), w.textWords());
    clauses += addField(b, "text" + ChineseAnalysis.BIGRAMS, bigramTerms(core), w.textBigrams());
    clauses += addField(b, "ctx" + ChineseAnalysis.WORDS, wordTerms(core), w.ctxWords());
    clauses += addField(b, "ctx" + ChineseAnalysis.BIGRAMS, bigramTerms(core), w.ctxBigrams());
    if (!expansion.isBlank()) {
      clauses += addField(b, "text" + ChineseAnalysis.WORDS, wordTerms(expansion), w.textWords() * w.expansion());
      clauses += addField(b, "text" + ChineseAnalysis.BIGRAMS, bigramTerms(expansion), w.textBigrams() * w.expansion());
    }
    return clauses == 0 ? null : b.build();
  }

  Thesaurus thesaurus() {
    return thesaurus;
  }

  String stripQuestionWords(String text) {
    return A_NOT_A.matcher(QUESTION_PHRASES.matcher(text).replaceAll(" ")).replaceAll("$1");
  }

  /** Every smartcn term of the text, in order (what the index holds). */
  List<String> allWords(String text) {
    return ChineseAnalysis.terms(words, "text" + ChineseAnalysis.WORDS, text);
  }

  /** Every CJK bigram of the text, in order. */
  List<String> allBigrams(String text) {
    return ChineseAnalysis.terms(bigrams, "text" + ChineseAnalysis.BIGRAMS, text);
  }

  /** Distinct terms, particles removed. */
  List<String> content(List<String> terms) {
    Set<String> out = new LinkedHashSet<>();
    for (String t : terms) {
      if (!STOP_TOKENS.contains(t)) out.add(t);
    }
    return new ArrayList<>(out);
  }

  /** Distinct content words of the text (smartcn), question words and particles removed. */
  List<String> wordTerms(String text) {
    return content(allWords(text));
  }

  List<String> bigramTerms(String text) {
    return content(allBigrams(text));
  }

  private static int addField(BooleanQuery.Builder b, String field, List<String> terms, float boost) {
    if (terms.isEmpty() || boost <= 0) return 0;
    BooleanQuery.Builder fb = new BooleanQuery.Builder();
    int n = 0;
    for (String t : terms) {
      if (n >= MAX_TERMS_PER_FIELD) break;
      fb.add(new TermQuery(new Term(field, t)), BooleanClause.Occur.SHOULD);
      n++;
    }
    b.add(new BoostQuery(fb.build(), boost), BooleanClause.Occur.SHOULD);
    return n;
  }

  /** Trims to a bounded length and drops control characters; keeps letters, digits, CJK and punctuation. */
  static String normalize(String text) {
    if (text == null) return "";
    StringBuilder sb = new StringBuilder(Math.min(text.length(), MAX_QUERY_CHARS));
    int count = 0;
    for (int i = 0; i < text.length() && count < MAX_QUERY_CHARS; ) {
      int cp = text.codePointAt(i);
      i += Character.charCount(cp);
      if (Character.isISOControl(cp) || Character.getType(cp) == Character.SURROGATE) {
        sb.append(' ');
      } else {
        sb.appendCodePoint(cp);
      }
      count++;
    }
    return sb.toString().strip();
  }
}
