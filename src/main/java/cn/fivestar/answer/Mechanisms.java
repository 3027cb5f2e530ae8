package cn.fivestar.answer;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The concrete mechanisms a sentence names: what a reader can take away and copy, as opposed to how a report
 * frames the work. Reports name them in two ways: in quotes ("“梨园之家”", "“领星人”"), or as a numbered scheme
 * in the campaign's style ("一图一表一清单", "每日一报告、每月一观摩", "周督导、月点评", "三净三有", "1+3+N").
 * The campaign's and the stars' own names are not mechanisms.
 */
final class Mechanisms {
  private static final Pattern QUOTED = Pattern.compile("[“\"「]([^”\"」]{2,20})[”\"」]");
  private static final String COUNT = "[一二三四五六七八九十两]";
  /**
   * A run of counted parts: 一图一表一清单, 一颗星一个专班, 一征三议两公开, 三净三有, 一长三员; it ends before a
   * particle or punctuation, so "一颗星一个专班的工作方法" gives 一颗星一个专班.
   */
  private static final Pattern COUNTED_PARTS =
      Pattern.compile("(?:" + COUNT + "\\p{IsHan}{1,3}?){2,}" + COUNT + "?\\p{IsHan}{0,2}?(?![^的和与及等，。；、：“”（）\\s])");
  /** A schedule: 每日一报告、每月一观摩; 周督导、月点评; 一周一指导、一月一研讨. */
  private static final Pattern SCHEDULE = Pattern.compile(
      "(?:每|一)?[日周月季年][^，。；、：\\s]{1,4}、(?:每|一)?[日周月季年][^，。；、：\\s]{1,4}(?=[、，。；”\\s]|$)");
  /** A formula: 1+3+N, 1+N. */
  private static final Pattern FORMULA = Pattern.compile("\\d+(?:\\+(?:\\d+|[NnXx]))+");
  /** Counted runs that are ordinary phrases, not schemes (一个一个, 一年一度, 五颗星逐一…). */
  private static final Pattern ORDINARY =
      Pattern.compile("^(一个一个|一颗一颗|一项一项|一年一度|一家一户|一点一滴|一心一意|一草一木|一言一行)|五颗");

  private Mechanisms() {}

  /** The mechanisms the sentence names, in order; empty when it names none. */
  static List<String> in(String sentence) {
    List<String> out = new ArrayList<>();
    Matcher q = QUOTED.matcher(sentence);
    while (q.find()) {
      String name = q.group(1);
      if (!name.contains("五星") && !name.endsWith("星") && !name.equals("支部")) out.add(name);
    }
    for (Pattern p : List.of(COUNTED_PARTS, SCHEDULE, FORMULA)) {
      Matcher m = p.matcher(sentence);
      while (m.find()) {
        String scheme = m.group();
        boolean known = out.stream().anyMatch(n -> n.contains(scheme));  // “一图一表一清单” already quoted
        if (scheme.length() >= 4 && !ORDINARY.matcher(scheme).find() && !known) out.add(scheme);
      }
    }
    return out;
  }

  /** Whether the sentence names any mechanism. */
  static boolean named(String sentence) {
    return !in(sentence).isEmpty();
  }
}
