package cn.fivestar.conversation;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Whether a question leans on the one before it, decided by meaning rather than length and a final 呢: it lacks a
 * subject of its own ("那幸福和谐星呢？", "具体怎么做的？", "那个送餐队是谁弄的"). "明天天气怎么样？" names its own
 * subject and is answered on its own.
 */
final class FollowUp {
  private FollowUp() {}

  /** A question short enough to lean on the previous one when it cannot be answered on its own. */
  static boolean mayLeanOnPrevious(String question, List<String> history) {
    return history != null && !history.isEmpty() && MessageText.length(MessageText.answer(question)) <= SHORT;
  }

  /** Opens by turning back to what was said: 那…, 那么…, 还有…, 另外…. */
  private static final Pattern TURNS_BACK = Pattern.compile("^(?:那|那么|那你|那咱|那俺|还有|另外|再说说|再问一下|再问下)");
  /** Asks for more of the same: details, examples, the rest. */
  private static final Pattern MORE = Pattern.compile(
      "具体|详细|怎么做的|怎么搞的|咋弄的|咋搞的|咋做的|怎么弄的|举个例子|举例|还有吗|还有呢|还有哪些|还有啥|然后呢|效果|展开|多说|"
          + "为什么|为啥|有啥用|管用吗|靠谱|例子|经验|案例|哪个社区|哪个村|谁弄的|谁组织|在哪"
          // "具体有啥成效 有数没", "别的地方评上多少了", "都改了啥": the results, the figures, the other places.
          + "|成效|成果|有数没|别的地方|其他地方|别处|改了啥|干了啥|弄了啥");
  /** Points back at something named before. */
  private static final Pattern ANAPHORA = Pattern.compile(
      "那个|这个|那些|这些|这次|那次|他们|她们|它们|那里|那儿|这里|这儿|那边|这边|上面说的|刚才说的|刚才问的|刚问的|你说的"
          // "她腿脚不中 能给送到家不": opening with he/she means the person the previous question was about.
          + "|^[他她它]"
          // "刚才说哩第二个呢": an item of the last answer by its number.
          + "|第[一二三四五六七八九十\\d]{1,2}(?:个|条|项|种|点)(?:呢|是|咋|怎|具体|说说|讲讲|$)");
  /** "平安法治星呢", "村里呢": an ellipsis that takes the rest from the previous question. */
  private static final Pattern ELLIPSIS = Pattern.compile("^.{1,15}呢$");
  private static final int SHORT = 16;

  /** Opens by turning back to the earlier exchange ("那写字楼里的两新组织呢 …"), however long it goes on. */
  static boolean turnsBack(String question, List<String> history) {
    return history != null && !history.isEmpty() && TURNS_BACK.matcher(MessageText.answer(question)).find();
  }

  /** True when {@code question} only makes sense with the previous question ({@code history} oldest first). */
  static boolean leansOnPrevious(String question, List<String> history) {
    if (history == null || history.isEmpty()) return false;
    // "刚才说哩…咋弄哩": the dialect's 哩 and 嘞 are 的.
    String q = MessageText.answer(question).replaceAll("(?<=\\p{IsHan})[哩嘞]", "的");
    // "是哪个地方先这么搞的 我想找找他们的材料看看", "还有别的做法没 光一年比一回也不顶用…": about what was just
    // said, however long.
    // "那宜业兴业星呢 我们同事分到这颗 也说说": the same about another star, with a remark.
    // "出自哪篇报道 俺方案里得注上": where the last answer comes from.
    if (cn.fivestar.answer.FollowUps.asksWhereDone(question) || cn.fivestar.answer.FollowUps.asksOtherWays(q)
        || cn.fivestar.answer.FollowUps.turnsToStar(question.strip()) || cn.fivestar.answer.FollowUps.asksSource(q)
        // "这算哪颗星哩 俺听他们天天说创星": the star of what was just shown.
        || cn.fivestar.answer.FollowUps.asksStarOfShown(question)) {
      return true;
    }
    if (q.isEmpty() || MessageText.length(q) > SHORT) return false;
    return TURNS_BACK.matcher(q).find() || MORE.matcher(q).find() || ANAPHORA.matcher(q).find()
        || ELLIPSIS.matcher(q).matches();
  }
}
