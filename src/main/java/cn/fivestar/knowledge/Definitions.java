package cn.fivestar.knowledge;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognises a passage that explains a term, for "X是什么意思" questions. Policy texts coin abbreviations and spell
 * them out in one of three ways: a parenthesis right after the term (“三净三有”（地面净、墙壁净、门窗净…）), a
 * clause starting with 即/是指 (“一长三员”…，即社区“两委”成员任网格长…), or a list whose items follow the
 * abbreviation's characters (亮赛比: 亮出承诺、赛出实绩、比出干劲) or its counts (三净: three items with 净).
 * A role term is also defined by what is made it (把“支部过硬星”作为“主星”).
 */
public final class Definitions {
  private static final String QUESTION_WORDS =
      "是什么(?!时候|样|地方)|什么是|什么意思|意思|是指|指什么|指的是|含义|怎么理解|是[^为]?啥|啥是|弄啥|干啥的";
  private static final Pattern QUESTION = Pattern.compile(QUESTION_WORDS);
  private static final Pattern NOISE = Pattern.compile("[“”\"‘’\\s？?。！!，,：:]|" + QUESTION_WORDS + "|创建");
  private static final Pattern QUOTED = Pattern.compile("[“\"‘'「『]([^”\"’'」』]{2,12})[”\"’'」』]");
  private static final Pattern EXPLAINS = Pattern.compile("(?<![立随])即(?![将时使便])|就是|是指|指的是|意思是|也就是");
  private static final Pattern CLAUSES = Pattern.compile("[，。；：,;:！？!?“”‘’\"（）()【】《》\\s]+");
  private static final String NUMERALS = "一二两三四五六七八九十";
  /** How far after the term an explaining word may start ("…”网格化社会治理工作模式，即…"). */
  private static final int EXPLAIN_WINDOW = 20;
  private static final int MAX_TERM = 16;

  private Definitions() {}

  /**
   * The terms a "X是什么意思" question asks about: its quoted phrases, or else the whole question once question
   * words are removed. Empty when the text is not a definition question.
   */
  public static List<String> asked(String question) {
    if (!QUESTION.matcher(question).find()) return List.of();
    List<String> out = new ArrayList<>();
    Matcher m = QUOTED.matcher(question);
    while (m.find()) out.add(m.group(1));
    String stripped = strip(question);
    // Terms are short; a long unquoted question is not one (and would make matching slow).
    if (out.isEmpty() && stripped.length() >= 2 && stripped.length() <= MAX_TERM) out.add(stripped);
    return out;
  }

  /** The text without quotes, punctuation and definition-question words ("红色物业是什么？" → 红色物业). */
  static String strip(String text) {
    return NOISE.matcher(text).replaceAll("");
  }

  /** Whether {@code text} spells out {@code term} (or, for an unquoted question, its longest part found there). */
  public static boolean explains(String text, String term) {
    String t = longestSharedPart(term, text);
    // A two-character fragment of a longer question ("社区") is explained too often to mean anything.
    if (t.length() < Math.min(3, term.length()) || t.length() < 2) return false;
    return explainedAfter(text, t) || listFollows(text, t);
  }

  /**
   * Whether one sentence spells {@code term} out by itself: the term followed by a parenthesis or 即-clause, or a
   * list shaped like the abbreviation — which may follow the sentence that names the term.
   */
  public static boolean spellsOut(String sentence, String term) {
    if (term.length() < 2) return false;
    if (sentence.contains(term) && explainedAfter(sentence, term)) return true;
    // "把“支部过硬星”作为“主星”": the thing made the term is what the term means here.
    if (sentence.contains(term)
        && Pattern.compile("[把将][^，。；]{1,24}作为[“\"]?" + Pattern.quote(term)).matcher(sentence).find()) {
      return true;
    }
    // A list shaped like counts ("两委" ~ any two items with 委) is too common to trust without the term itself.
    boolean counted = term.chars().anyMatch(c -> NUMERALS.indexOf(c) >= 0);
    return (!counted || sentence.contains(term)) && listFollows(sentence, term);
  }

  /** The longest substring of {@code term} that occurs in {@code text}. */
  private static String longestSharedPart(String term, String text) {
    for (int len = term.length(); len >= 2; len--) {
      for (int i = 0; i + len <= term.length(); i++) {
        String part = term.substring(i, i + len);
        if (text.contains(part)) return part;
      }
    }
    return "";
  }

  private static boolean explainedAfter(String text, String term) {
    for (int at = text.indexOf(term); at >= 0; at = text.indexOf(term, at + 1)) {
      int end = at + term.length();
      while (end < text.length() && "”\"’'」』".indexOf(text.charAt(end)) >= 0) end++;
      if (end < text.length() && (text.charAt(end) == '（' || text.charAt(end) == '(')) return true;
      // A glossary's "“红色物业”指在党组织引领下…": 指 right after the term.
      if (end < text.length() && text.charAt(end) == '指' && !text.startsWith("指导", end)) return true;
      String after = text.substring(end, Math.min(text.length(), end + EXPLAIN_WINDOW));
      Matcher m = EXPLAINS.matcher(after);
      // The explaining word belongs to the term's clause, or opens the next one ("…模式，即…"); a 就是 further on
      // ("以“五星支部”创建为题交流经验，这就是“座谈会”") explains something else.
      if (m.find() && explainsTerm(after.substring(0, m.start()))) return true;
    }
    return false;
  }

  private static boolean explainsTerm(String between) {
    int breaks = 0;
    for (int i = 0; i < between.length(); i++) if ("，,；;。".indexOf(between.charAt(i)) >= 0) breaks++;
    return breaks == 0 || breaks == 1 && "，,".indexOf(between.charAt(between.length() - 1)) >= 0;
  }

  /** A list ("a、b、c") somewhere in the text whose items follow the term's characters or counts. */
  private static boolean listFollows(String text, String term) {
    List<List<String>> lists = new ArrayList<>();
    for (String clause : CLAUSES.split(text)) {
      String[] items = clause.split("、");
      if (items.length >= 2) lists.add(List.of(items));
    }
    if (lists.isEmpty()) return false;
    boolean counted = term.chars().anyMatch(c -> NUMERALS.indexOf(c) >= 0);
    // Two characters spread over any list ("主星引领、明星带动" for 主星) prove nothing; 亮赛比 over three items does.
    return counted ? countsMatch(lists, term) : term.length() >= 3 && lists.stream().anyMatch(l -> acronymOf(l, term));
  }

  /** 亮赛比 ~ 亮出承诺、赛出实绩、比出干劲: consecutive items, each starting with the next character. */
  private static boolean acronymOf(List<String> items, String term) {
    for (int start = 0; start + term.length() <= items.size(); start++) {
      boolean all = true;
      for (int i = 0; i < term.length() && all; i++) {
        int at = items.get(start + i).indexOf(term.charAt(i));
        all = at >= 0 && at <= 1;
      }
      if (all) return true;
    }
    return false;
  }

  /** 三净三有 ~ "地面净、墙壁净、门窗净" and "有文化、有活动、有服务": each counted character has its list. */
  private static boolean countsMatch(List<List<String>> lists, String term) {
    int groups = 0;
    for (int i = 0; i + 1 < term.length(); i++) {
      int n = count(term.charAt(i));
      char key = term.charAt(i + 1);
      if (n < 2 || NUMERALS.indexOf(key) >= 0) continue;
      groups++;
      boolean found = lists.stream().anyMatch(l -> l.stream().filter(item -> item.indexOf(key) >= 0).count() >= n);
      if (!found) return false;
    }
    return groups > 0;
  }

  private static int count(char c) {
    int i = NUMERALS.indexOf(c);
    if (i < 0) return 0;
    return i <= 1 ? i + 1 : i; // 一=1, 二=2, 两=2, 三=3 … 十=10
  }
}
