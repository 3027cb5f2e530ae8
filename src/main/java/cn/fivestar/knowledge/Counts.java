package cn.fivestar.knowledge;

import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** "多少名党员": the thing a how-many question counts, and whether a text puts a number right next to it. */
public final class Counts {
  /**
   * 几 asking a count, as a regex: not in 第几, 好几天, 几乎, nor a span of time before 的 ("欠了我几个月的钱" describes
   * the money; "有几个村的支部…" still asks).
   */
  // 哪几个 asks which, not how many; "俺们几个老党员", "这几天", "开店十几年", "几十户" say a few, not ask how many;
  // "几月几日" asks a date.
  public static final String ASKING_JI =
      "(?<![第好哪们这那十月])几(?!乎|十|月|个?(?:月|天|年|周|星期|小时|分钟)的)";
  private static final Pattern ASKED_THING = Pattern.compile("(?:多少|几)\\p{IsHan}?(\\p{IsHan}{2})");

  private Counts() {}

  /**
   * A test for texts that count what {@code question} asks about: "党员9716人", "9716名党员", "违建20余处". Built
   * once per question; never true when the question names no thing to count.
   */
  public static Predicate<String> ofAskedThing(String question) {
    Matcher m = ASKED_THING.matcher(question);
    if (!m.find()) return text -> false;
    String thing = Pattern.quote(m.group(1));
    Pattern counted = Pattern.compile(thing + ".{0,3}\\d|\\d[\\d.万千百]*\\s*\\p{IsHan}?" + thing);
    return text -> counted.matcher(text).find();
  }
}
