package cn.fivestar.answer;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The star names of the campaign, as they appear in questions (also shortened, e.g. "平安法治"). */
public final class Stars {
  public static final List<String> COMMUNITY = List.of("支部过硬星", "共建共享星", "平安法治星", "幸福和谐星", "宜业兴业星");
  public static final List<String> VILLAGE = List.of("产业兴旺星", "生态宜居星", "平安法治星", "文明幸福星", "支部过硬星");
  private static final Pattern STAR = Pattern.compile(
      "(支部过硬|共建共享|平安法治|平安法制|幸福和谐|宜业兴业|产业兴旺|生态宜居|文明幸福)星?");

  private Stars() {}

  /** The first star named in the text, normalised to its full name (平安法制 is a common misspelling), or null. */
  public static String find(String text) {
    Matcher m = STAR.matcher(text);
    if (!m.find()) return null;
    String core = m.group(1).equals("平安法制") ? "平安法治" : m.group(1);
    return core + "星";
  }

  /** Replaces the first star name in text by another one. */
  static String replace(String text, String newStar) {
    Matcher m = STAR.matcher(text);
    return m.find() ? text.substring(0, m.start()) + newStar + text.substring(m.end()) : text;
  }

  static boolean aboutVillage(String text) {
    return text.contains("村") || text.contains("乡") || text.contains("农");
  }
}
