package cn.fivestar.answer;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Rewrites a short follow-up into a self-contained question using the person's previous question:
 * "那幸福和谐星呢？" after "平安法治星有哪些任务？" becomes "幸福和谐星有哪些任务？"; "具体怎么做的？" is appended
 * to the previous question.
 */
final class FollowUps {
  private static final Pattern ELLIPTIC = Pattern.compile("^(那|那么|还有|再说说)?.{1,10}(呢|怎么样)[？?。！!\\s]*$");
  private static final Pattern MORE = Pattern.compile(
      "具体|详细|详细点|怎么做的|怎么搞的|举个例子|举例|还有吗|还有呢|还有哪些|然后呢|效果|展开|多说|再说|为什么");
  private static final int SHORT = 14;

  private FollowUps() {}

  static String rewrite(String question, List<String> history) {
    String q = question.strip();
    if (history == null || history.isEmpty() || q.length() > SHORT) return q;
    String previous = history.get(history.size() - 1).strip();
    if (previous.isEmpty()) return q;
    String star = Stars.find(q);
    if (star != null && ELLIPTIC.matcher(q).matches()) {
      return Stars.find(previous) != null ? Stars.replace(previous, star) : star + " " + previous;
    }
    if (ELLIPTIC.matcher(q).matches() || MORE.matcher(q).find()) {
      return previous + " " + q;
    }
    return q;
  }
}
