package cn.fivestar.answer;

import cn.fivestar.knowledge.Counts;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** "How many…" questions: whether one asks for a count, and whether a text gives one of the kind asked. */
final class Quantities {
  private static final Pattern QUANTITY = Pattern.compile("多少|" + Counts.ASKING_JI + "|数量");
  private static final String UNITS = "个项名人户家次场支种条类颗位所栋间万%％";
  private static final Pattern ASKED_UNIT = Pattern.compile("(?:多少|几)(\\p{IsHan})");

  private Quantities() {}

  /** The text without citation marks and quoted names: "“五星”支部", "‘社区半月谈’" hold no count or duration. */
  static String withoutNames(String text) {
    return text.replaceAll("\\[\\d+\\]", "").replaceAll("“[^“”]{1,12}”|‘[^‘’]{1,12}’", " ");
  }

  static boolean asked(String question) {
    return QUANTITY.matcher(question).find();
  }

  /** Measure words that count the same things: 多少名党员 is answered by "9716人". */
  private static String unitGroup(String unit) {
    for (String group : List.of("名人位", "户家", "个项条颗", "类种", "次场", "栋间所")) {
      if (group.contains(unit)) return group;
    }
    return unit;
  }

  /**
   * Whether the text holds a count of the kind asked for: a number followed by the question's measure word
   * ("多少户" → "1200户"), or by any measure word when the question names none. Dates do not count.
   */
  static boolean answered(String question, String text) {
    String body = withoutNames(text);
    if (Counts.ofAskedThing(question).test(body)) return true;  // "多少劳动力" ~ "安置劳动力60余人"
    Matcher q = ASKED_UNIT.matcher(question);
    String units = q.find() && !"年月日天".contains(q.group(1)) ? unitGroup(q.group(1)) : UNITS;
    // "20余起", "3000多人次": an approximate count still answers the question; so does "11大类56小类".
    return Pattern.compile("(\\d|[一二三四五六七八九十百千万两])\\s*[余多]?[大小]?[" + units + "]").matcher(body).find();
  }
}
