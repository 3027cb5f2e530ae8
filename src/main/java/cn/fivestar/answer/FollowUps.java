package cn.fivestar.answer;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Rewrites a follow-up into a self-contained question using the person's earlier questions. The caller decides
 * whether a question is a follow-up (the conversation passes history only then, judged by meaning: the question
 * lacks a subject of its own); here it is only rewritten: "那幸福和谐星呢？" after "平安法治星有哪些任务？" becomes
 * "幸福和谐星有哪些任务？" (the latest question naming a star is the one rewritten), anything else is appended to the
 * previous question when it asks for more of it ("具体怎么做的？", "有没有村里的例子"); a question standing on its
 * own stays as it is.
 */
public final class FollowUps {
  private static final Pattern ELLIPTIC = Pattern.compile("^(那|那么|还有|再说说)?.{1,15}(呢|怎么样)[？?。！!\\s]*$");
  /** "那宜业兴业星呢 我们同事分到这颗 也说说": a star named with 呢, then the person's own remark. */
  private static final Pattern STAR_TURN = Pattern.compile("^(?:那|那么|还有)?[^，,\\s]{0,8}星呢(?:[，,。\\s].*)?$");
  private static final Pattern TELL_ABOUT = Pattern.compile("说说|讲讲|介绍|聊聊|说一下|讲一下");
  /** Asking for more of what was just answered (details, examples, who, where). */
  private static final Pattern MORE = Pattern.compile(
      "具体|详细|怎么做的|怎么搞的|咋弄的|咋做的|举个例子|举例|例子|经验|案例|还有吗|还有呢|还有哪些|然后呢|效果|展开|多说|再说|"
          + "为什么|为啥|哪个街道|哪个社区|哪个村|谁弄的|谁组织|谁办的|在哪|靠谱|那个|这个|这次|那次|^[他她它]"
          + "|成效|成果|有数没|别[的哩]地方|其他地方|别处|改了啥|干了啥|弄了啥|还有别[的哩]|别[的哩]做法|别[的哩]办法|其他做法|其他办法");
  /**
   * "这是哪个地方搞哩", "是哪个街道先这么弄的": which place did what was just said; what comes before the question
   * may only point back (这, 那个, 刚才说的), else it names a subject of its own ("议事亭是哪个街道弄的").
   */
  private static final Pattern WHERE_DONE = Pattern.compile(
      "^(.*?)(?:是|在)?(?:哪个|哪些|哪几个|哪|啥)(?:地方|街道|社区|村|区|县|镇|单位|院|小区|楼院)(?:先|最先|最早|开始|带头)?"
          + "(?:这么|这样|那么)?(?:搞|弄|做|干|整|办|开展|推|试|实行|想出)"
          // "这个在哪搞的": where, with no kind of place.
          + "|^(.*?)在(?:哪儿|哪里|哪)(?:搞|弄|做|办|开展|试)(?:的|哩|嘞|了)"
          // "那是哪个社区": the place alone.
          // "具体在哪个社区 俺想带人去学学": with the person's own remark after it.
          + "|^(.*?)(?:是|在)(?:哪个|哪)(?:地方|街道|社区|村|区|县|镇|单位|院|小区)(?:的|哩|嘞|啊|呀)?(?:[？?。！!，,\\s].*)?$");
  private static final Pattern POINTS_BACK =
      Pattern.compile("这么|这样|刚才|上面|你说的|恁说的|说的|问问|请问|有没有|有木有|具体|到底|这|那|个|是|些|的|俺|咱|恁|你|[\\s，,、。？?！!]");
  private static final Pattern OTHER_WAYS = Pattern.compile(
      "^(?:那)?(?:还有|有没有|有木有)(?:没有|啥|什么)?(?:别[的哩嘞]|其他|其它)(?:[的哩嘞])?"
          // "还有别哩跟单位结对哩例子没": what kind of example, between.
          + "\\p{IsHan}{0,8}?(?:做法|办法|法子|招|路子|经验|例子|活动)"
          // "还有啥别的不 俺就周末有空": more of the same, whatever follows.
          // "还有别哩不": Henan 哩 for 的.
          + "|^(?:那)?还有(?:啥|什么)?(?:别[的哩嘞]|其他|其它)(?:[的哩嘞])?(?:[不没吗么嘛呢]|\\s|$)");
  private static final Pattern EFFECT = Pattern.compile("效果|成效|成果|管用|顶用|有用[没不吗]|见效|起作用|弄上去|评上|有啥变化|变化大");
  /** Longer questions stand on their own (the conversation passes history only for a follow-up anyway). */
  private static final int SHORT = 32;
  /** "效果咋样 真管用不": a short question asking for more of the subject leans on it too. */
  private static final int ASKS_MORE_CHARS = 16;

  private FollowUps() {}

  static String rewrite(String question, List<String> history) {
    String q = question.strip();
    // "还有啥别的不 俺就周末有空 想带着娃一块去": however long, more of the same subject.
    boolean otherWays = asksOtherWays(q);
    if (history == null || history.isEmpty() || q.length() > SHORT && !otherWays) return q;
    String previous = subject(history);
    if (previous.isEmpty()) return q;
    // The remark after "还有别的吗" ("光学习开会上头不认啊") is the person's view, not a subject to search for.
    if (otherWays) return previous + " " + otherWaysAsked(q);
    String star = Stars.find(q);
    // "那宜业兴业星呢 我们同事分到这颗 也说说": tell about that star, whatever the last question asked.
    if (star != null && STAR_TURN.matcher(q).matches() && TELL_ABOUT.matcher(q).find()) return star + "有哪些任务，怎么争创？";
    if (star != null && turnsToStar(q)) {
      for (int i = history.size() - 1; i >= 0; i--) {
        if (Stars.find(history.get(i)) != null) return Stars.replace(history.get(i).strip(), star);
      }
      return star + "有哪些任务，怎么争创？";
    }
    // "那农村呢 产业兴旺星有啥例子没" after a question about another star asks about the star it names.
    boolean otherStar = star != null && Stars.find(previous) != null && !star.equals(Stars.find(previous));
    if (!otherStar && (ELLIPTIC.matcher(q).matches() || MORE.matcher(q).find())) return previous + " " + q;
    return q;
  }

  /**
   * The part of a follow-up before it asks for more: "效果咋样 真管用不 别是光挂个名" names no subject of its own, and
   * what follows the asking words is comment ("那股票效果咋样" names one before them).
   */
  static String beforeAskingMore(String question) {
    var m = MORE.matcher(question);
    return m.find() ? question.substring(0, m.start()) : question;
  }

  /** The question asked about the subject of the earlier ones ("验收了多少家" after a question on 清廉二七). */
  public static String withSubject(String question, List<String> history) {
    String previous = subject(history);
    return previous.isEmpty() ? question : previous + " " + question.strip();
  }

  /** The words of a short question that only ask (which, how many, whether), not what about. */
  private static final Pattern ASKING_WORDS = Pattern.compile(
      "哪个|哪些|哪里|哪儿|哪|多少|几个|几|什么|啥|怎么|咋|怎样|如何|有没有|有木有|是不是|能不能|中不中|没有|没|吗|呢|哩|嘞|了|的|是|有|在"
          + "|那个|这个|那|这|都|也|还|俺|我|咱|恁|你|您|们|一级|一下|社区|村|街道|地方");

  /** Whether an answer holds a word the question asks about beyond its asking words ("验收了多少家" → 验收). */
  public static boolean echoes(String question, String answer) {
    return TermOverlap.sharesPair(ASKING_WORDS.matcher(question).replaceAll(" "), answer);
  }

  private static String otherWaysAsked(String question) {
    var m = OTHER_WAYS.matcher(question);
    return m.find() ? m.group().strip() : question;
  }

  /** "还有别的做法没 光一年比一回也不顶用…": asking for other ways of doing what was just answered, however long. */
  public static boolean asksOtherWays(String question) {
    return OTHER_WAYS.matcher(question).find();
  }

  private static final Pattern SOURCE = Pattern.compile(
      "出自|出处|哪篇|哪个报道|啥报道|什么报道|哪份材料|哪个材料|从哪(?:儿|里)?看(?:来|的|到)|哪看来|消息来源|来源是|引自|哪个文件上");

  /** "出自哪篇报道 俺方案里得注上", "这些都是从哪看来哩": where what was just said comes from. */
  public static boolean asksSource(String question) {
    return SOURCE.matcher(question).find();
  }

  /** Whether the question asks what came of what was just described ("效果咋样 真管用不", "有弄上去哩没"). */
  public static boolean asksEffect(String question) {
    return EFFECT.matcher(question).find();
  }

  /** "那幸福和谐星呢？", "那宜业兴业星呢 我们同事分到这颗 也说说": the same question about another star. */
  public static boolean turnsToStar(String q) {
    return Stars.find(q) != null && (ELLIPTIC.matcher(q).matches() || STAR_TURN.matcher(q).matches());
  }

  /** "具体咋弄哩 谁牵哩头": how what was just shown was done, by whom — nothing else named. */
  private static final Pattern DETAILS = Pattern.compile(
      "具体|详细|怎么做的|怎么搞的|咋[弄做搞办][的哩嘞]|谁牵[的哩]?头|谁组织|谁[弄办搞][的哩]|谁出[的哩]?面|谁负责"
          // "有没有具体例子 都改了啥": its examples, what it changed.
          + "|例子|案例|[改干弄做办](?:了|成)?(?:些)?啥");

  static boolean asksDetails(String question) {
    String q = question.strip();
    if (q.replaceAll("\\s", "").length() > ASKS_MORE_CHARS || !DETAILS.matcher(q).find()) return false;
    // "街道咋督导的 具体点" names what it asks about (督导): a question of its own.
    String rest = POINTS_BACK.matcher(DETAILS.matcher(q).replaceAll(" ")).replaceAll("");
    return rest.replaceAll("[点下说讲呢啊吧呀哈都了]", "").isEmpty();
  }

  /**
   * "这算哪颗星哩 俺听他们天天说创星": which star what was just shown counts for — the asking clause comes first and
   * names nothing.
   */
  public static boolean asksStarOfShown(String question) {
    // "那帮失业的居民找工作 搞技能培训呢 算哪颗": a subject told first is what is asked about.
    for (String clause : question.strip().split("[\\s，,。？?！!]+")) {
      if (!AskedThing.asksWhichStar(clause)) {
        if (!POINTS_BACK.matcher(clause).replaceAll("").isEmpty()) return false;
        continue;
      }
      String rest = POINTS_BACK.matcher(clause.replaceAll("算|属于|归|对应|哪一?颗星?|哪个星|星|哩|呢|啊|的|嘞", "")).replaceAll("");
      return rest.isEmpty();
    }
    return false;
  }

  /** "搞清廉社区 公示廉洁承诺那一套呢": it asks what the question before asked, of something else. */
  static boolean elliptic(String question) {
    return ELLIPTIC.matcher(question.strip()).matches() || question.strip().matches(".*(?:呢|怎么样)[？?。！!\\s]*$");
  }

  /** Whether the question asks which place did what the previous answer described. */
  public static boolean asksWhereDone(String question) {
    var m = WHERE_DONE.matcher(question.strip());
    if (!m.find()) return false;
    String before = m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3);
    return POINTS_BACK.matcher(before).replaceAll("").isEmpty();
  }

  /**
   * The latest earlier question that has a subject of its own: in "楼栋怎么评星" → "那具体咋弄哩" → "这是哪个街道搞哩"
   * the third asks about the first, not about the second, which leaned on the first too.
   */
  private static String subject(List<String> history) {
    for (int i = history.size() - 1; i >= 0; i--) {
      String h = history.get(i).strip();
      boolean leans = h.length() <= SHORT
          && (ELLIPTIC.matcher(h).matches() || STAR_TURN.matcher(h).matches() || h.matches("^(?:那|那么|这|这个|那个).*")
              || h.replaceAll("\\s", "").length() <= ASKS_MORE_CHARS && MORE.matcher(h).find())
          || asksWhereDone(h) || asksOtherWays(h);
      if (!leans || i == 0) return h;
      // "那幸福和谐星呢？" then "具体怎么做的？": the star it turned to, asked as the question it leaned on.
      if (Stars.find(h) != null && turnsToStar(h)) return rewrite(h, history.subList(0, i));
      // "那主星具体看啥": a star of its own is its subject.
      if (Stars.find(h) != null && !Stars.find(h).equals(Stars.find(history.get(i - 1)))) return h;
    }
    return "";
  }
}
