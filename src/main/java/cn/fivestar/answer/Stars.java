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

  /** "那主星具体看啥": the documents' name for 支部过硬星 ("主星引领、明星带动" is a slogan, not a star). */
  private static final Pattern MAIN_STAR = Pattern.compile("主星(?!引领)");

  /**
   * The first star named in the text, normalised to its full name (平安法制 is a common misspelling; 主星 is
   * 支部过硬星), or null.
   */
  public static String find(String text) {
    Matcher m = STAR.matcher(text);
    if (!m.find()) return MAIN_STAR.matcher(text).find() ? "支部过硬星" : null;
    String core = m.group(1).equals("平安法制") ? "平安法治" : m.group(1);
    return core + "星";
  }

  /** "去年俺社区评上了三颗星", "创星到底得了多少分": the star rating itself, whichever star. */
  private static final Pattern CAMPAIGN = Pattern.compile("[一二三四五两几\\d]颗星|创星|评星|争星|摘星|五星支部");

  /** Whether the text names a star or speaks of the star rating at all (the national flag's stars are not it). */
  static boolean aboutCampaign(String text) {
    return find(text) != null || CAMPAIGN.matcher(text).find() && !text.contains("五星红旗");
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
