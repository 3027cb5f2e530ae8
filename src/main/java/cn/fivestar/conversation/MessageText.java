package cn.fivestar.conversation;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Set;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Cleaning and reading short answers in incoming text. */
final class MessageText {
  private MessageText() {}

  /** Longest message the bot takes in (a case text holds 2,000 characters). */
  static final int MAX_CHARS = 2000;

  private static final Set<String> YES = Set.of("确认", "确定", "是", "是的", "好", "好的", "对", "对的", "可以", "行", "中",
      "没问题", "提交", "确认提交", "嗯", "嗯嗯", "ok", "okay", "yes", "y");
  /** Further ways to accept an offer (follow a duplicate, pass a question on), never a confirmation to file. */
  private static final Set<String> ACCEPT = Set.of("要", "需要", "一起关注", "关注", "转给工作人员", "转", "转吧", "是同一件",
      "同一件", "麻烦了", "好的麻烦了", "可以的");
  private static final Set<String> NO = Set.of("不", "不是", "否", "不用", "不用了", "不要", "不需要", "没有", "no", "n",
      "新建", "不是新建", "不是，新建", "不是新建一个", "算了", "不转");
  private static final Set<String> CANCEL = Set.of("取消", "/cancel", "cancel", "取消提交", "不办了", "不反映了", "撤销");
  private static final Set<String> SKIP = Set.of("跳过", "略过", "不留", "不用留", "没有", "无", "不需要", "skip", "算了", "不用了");
  private static final Pattern PUNCT = Pattern.compile("[\\p{P}\\p{S}\\s]+");

  /**
   * Drops control and invisible format characters (keeping line breaks and emoji joiners), unifies line breaks,
   * trims. Never returns null.
   */
  static String clean(String text) {
    if (text == null) return "";
    String s = text.replace("\r\n", "\n").replace('\r', '\n');
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      i += Character.charCount(cp);
      int type = Character.getType(cp);
      if (cp == '\n') {
        b.append('\n');
      } else if (cp == '\t') {
        b.append(' ');
      } else if (type == Character.CONTROL || type == Character.SURROGATE || type == Character.UNASSIGNED && cp < 0x10000
          || type == Character.FORMAT && cp != 0x200D && !(cp >= 0xE0020 && cp <= 0xE007F)) {
        // NUL, ESC, bidi overrides, zero-width spaces, lone surrogates: not text
      } else {
        b.appendCodePoint(cp);
      }
    }
    return b.toString().replaceAll("\n{3,}", "\n\n").strip();
  }

  static int length(String text) {
    return text.codePointCount(0, text.length());
  }

  /** The text as a short answer: NFKC, lower case, punctuation and spaces removed. */
  static String answer(String text) {
    String s = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    return PUNCT.matcher(s).replaceAll("");
  }

  /** "别说是俺报的啊" beside a confirmation: a wish (reporters are never named), not a change to the report. */
  private static final Pattern KEEP_ME_OUT = Pattern.compile(
      "(?:别|不要|甭|可别)(?:跟人家|跟他们?|跟她|(?:跟|给|和|对)\\p{IsHan}{1,4}?)?(?:说|告诉|讲|让人知道)(?:人家|他们?|她)?(?:是)?(?:俺|我)(?:们|家)?(?:报|反映|举报|说)?(?:的|哩)?(?:啊|哈|呀|啊)?");

  /** "别说是俺报的啊": the person asks not to be named to whoever the report is about. */
  static boolean asksNotToBeNamed(String text) {
    return KEEP_ME_OUT.matcher(answer(text)).find();
  }

  static boolean isYes(String text) {
    // "确认👌": the emoji only underlines it.
    String a = KEEP_ME_OUT.matcher(answer(text)).replaceAll("").replaceAll("[\\p{So}\\p{Sk}\\x{FE0F}]", "");
    return YES.contains(a) || a.startsWith("确认") || a.equals("是的确认") || a.equals("对没问题")
        || a.matches("(?:中|对|对的|好|好的|行|可以|确定|没问题|没错|没毛病|是的?|嗯)*(?:吧|的|了)?(?:提交|确认|登记|报上去)(?:吧|了|一下|呗)?")
        // "中 报吧", "就这 确认", "对 这回没错了", "就这些 提交吧": a yes word, with what settles it.
        || confirmsInWords(a)
        || a.matches("(?:中|对|对的|好|好的|行|可以|嗯)*(?:就)?(?:这样|这么)(?:报|提交|登记|办)?(?:吧|了)?");
  }

  /** Words that only frame a confirmation: 就这, 恁给…吧, 没毛病. */
  private static final Pattern CONFIRM_FILLER = Pattern.compile(
      "就是这个事|就是这事|是这个事|就这个事|就这些|就这样|就这|这回|那就|那|没毛病|没问题|没错|中|对的|对|好的|好|行|可以|嗯|恁|你|您|给|帮|俺|我|就|吧|了|呗|啊"
          // "对 快报": in a hurry.
          + "|赶紧|赶快|快点|快"
          // "给俺们村报上去": whose report it is.
          + "|们|村里|村|社区|小区");
  private static final Pattern CONFIRM_WORD = Pattern.compile("中|对|好|行|可以|嗯|没毛病|没问题|没错|就这|提交|确认|报|发");

  /**
   * "中 报吧", "就这 确认", "没毛病 就这 发上去", "中 恁给报上去吧", "中 就这": a yes or confirm word, with nothing
   * left once the words that frame it go but a way of saying "send it".
   */
  private static boolean confirmsInWords(String text) {
    // "赶紧给俺报上去 再不浇苞谷就毁了": why it is urgent, after the confirmation, settles nothing else.
    // "赶紧弄吧 别电着娃": lest someone come to harm.
    String a = text.replaceFirst("(?<=\\p{IsHan})(?:(?:再不|要不然?|不然|晚了|再\\p{IsHan}{1,2}几(?:回|次|天))\\p{IsHan}{1,12}"
        + "|(?:这个|这事)?得赶紧\\p{IsHan}{0,4}|别\\p{IsHan}{1,2}着\\p{IsHan}{1,4})$", "");
    if (!CONFIRM_WORD.matcher(a).find()) return false;
    String rest = CONFIRM_FILLER.matcher(a).replaceAll("");
    return rest.matches("(?:提交|确认|报上去|报上|报|上报|发上去|发|登记|交上去|弄|办)?") && !a.contains("不");
  }

  private static final Pattern THANKED_SUBMIT =
      Pattern.compile("(.*(?:提交|确认|报吧|交吧|发吧|报上去|交上去)(?:吧|呗)?)[，,。！!\\s]*(?:谢谢|多谢|感谢|辛苦|麻烦)\\p{IsHan}{0,6}[！!。]*");

  private static final Pattern SUBMIT_THEN_HOPE = Pattern.compile(
      "^(?:中|对|对的|好|好的|行|嗯|没错|是的|就这样|就这|就是这个?|那|恁|你|您|给|帮)*(?:提交|交上去|报上去|报|确认)(?:吧)?"
          + "((?:能|要是能)?(?:趁早|赶紧|赶快|尽快|早点)?"
          + "(?:看看|希望|盼着|指望|就等|麻烦|让|叫|请)\\p{IsHan}+)$");
  /** "中 就这样 赶紧叫村里来个人看看俩娃": a yes, then what the person asks to be done about it. */
  private static final Pattern YES_THEN_REQUEST = Pattern.compile(
      "^(?:中|对|对的|好|好的|行|嗯|没错|是的|就这样|就这么着|就这)+((?:趁早|赶紧|赶快|快点?|尽快|早点)?(?:叫|让|派|请)\\p{IsHan}+)$");
  /** A correction or a hold in what follows a confirmation word. */
  private static final Pattern CHANGES = Pattern.compile("不对|不是|别|取消|算了|拉倒|改|错了|等等|等会|等一下|稍等|先不|再说|再想");

  /** Affirmative words residents close a summary with: 对对对, 嗯呐, 妥了, 就这么着, 弄吧, 按这个报. */
  private static final Pattern AFFIRM = Pattern.compile(
      "对|中|行|好|嗯|妥|是的|没错|没毛病|没问题|可以|就这|这样|这么着|弄吧|办吧|报|提交|确认|发|得嘞|ok|齐活|交吧|递上去|就它"
          + "|成|照这|登记|登个记|登上|交给|就是这|在理");
  /** Denying, correcting, hesitating, or giving a place or number instead ("中了 问清了 王岗村四组27号"). */
  private static final Pattern DENY = Pattern.compile(
      "不(?!错)|别|取消|算了|拉倒|先不|改|修改|错了|不对|想想|再想|考虑|等等|等会|等一下|稍等|再说|谢|没事|\\d|[号楼院村路街组门]");

  /**
   * A short reply to the summary that affirms and neither denies, corrects nor asks: "嗯呐 没错 报吧", "对对对 就这 弄吧",
   * "对着嘞 就这样", "行 就按这个报", "那就这么着吧 提交", "这回对了 弄吧", "妥了 发".
   */
  static boolean confirmsSummary(String text) {
    // "没问题 提交 谢谢叔叔阿姨": a confirmation that also thanks.
    Matcher thanked = THANKED_SUBMIT.matcher(answer(text));
    if (thanked.matches() && confirmsSummary(thanked.group(1))) return true;
    // "中 提交 看看社区能不能给说和说和": send it, then what the person hopes for.
    for (Pattern hope : List.of(SUBMIT_THEN_HOPE, YES_THEN_REQUEST)) {
      Matcher hoping = hope.matcher(answer(text));
      if (hoping.matches() && !CHANGES.matcher(hoping.group(1)).find() && !hoping.group(1).matches(".*\\d.*")) return true;
    }
    // "没啥要改的 就它": nothing to change is no correction; "刚才话说冲了 不是冲你": an apology, no denial.
    String a = answer(text).replaceAll("(?:刚才)?话说冲了|不是冲(?:你|您|恁)|别介意|别往心里去|不好意思", "").replaceAll("没啥要改的?|没有?要改的?|不用改了?|没什么要改的?|一点不差|分毫不差|不差|错不了|没跑", "好");
    return isYes(text) || length(a) <= 14 && AFFIRM.matcher(a).find() && !DENY.matcher(a).find()
        && !text.contains("？") && !text.contains("?") && !a.matches(".*(吗|呢|没有?)$");
  }

  /** Yes to an offer: any confirmation word or an offer-specific one. */
  static boolean isAccept(String text) {
    return isYes(text) || ACCEPT.contains(answer(text));
  }

  static boolean isNo(String text) {
    String a = answer(text);
    return NO.contains(a) || a.startsWith("不是") || a.startsWith("不用");
  }

  static boolean isCancel(String text) {
    return CANCEL.contains(answer(text)) || CANCEL.contains(text.strip().toLowerCase(Locale.ROOT));
  }

  static boolean isSkip(String text) {
    return SKIP.contains(answer(text));
  }

  /** Whether the text has at least one letter, digit or Chinese character (not only emoji or punctuation). */
  static boolean hasWords(String text) {
    return text.codePoints().anyMatch(Character::isLetterOrDigit);
  }

  /** The text shortened to n characters with an ellipsis, for echoing input back. */
  static String clip(String text, int n) {
    String one = text.replaceAll("\\s+", " ").strip();
    if (length(one) <= n) return one;
    return one.substring(0, one.offsetByCodePoints(0, n)) + "…";
  }
}
