package cn.fivestar.knowledge;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** "多少名党员": the thing a how-many question counts, and whether a text puts a number right next to it. */
public final class Counts {
  private static final Pattern ASKED_THING = Pattern.compile("(?:多少|几)\\p{IsHan}?(\\p{IsHan}{2})");

  private Counts() {}

  /** True when {@code text} counts what {@code question} asks about: "党员9716人", "9716名党员", "违建20余处". */
  public static boolean ofAskedThing(String question, String text) {
    Matcher m = ASKED_THING.matcher(question);
    if (!m.find()) return false;
    String thing = Pattern.quote(m.group(1));
    return Pattern.compile(thing + ".{0,3}\\d|\\d[\\d.万千百]*\\s*\\p{IsHan}?" + thing).matcher(text).find();
  }
}
