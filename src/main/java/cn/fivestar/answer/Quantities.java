package cn.fivestar.answer;

import cn.fivestar.knowledge.Counts;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** "How many…" questions: whether one asks for a count, and whether a text gives one of the kind asked. */
final class Quantities {
  private static final Pattern QUANTITY = Pattern.compile("多少|" + Counts.ASKING_JI + "|数量");
  private static final String UNITS = "个项名人户家次场回支种条类颗位所栋间万%％";
  /** A clause that asks something of its own: a question word or a closing 吗 / 不 / 没. */
  private static final Pattern OWN_QUESTION =
      Pattern.compile("啥|什么|咋|怎么|如何|谁|哪|能不能|有没有|是不是|(\\p{IsHan})不\\1|[吗不没呢]$");
  private static final Pattern CLAUSE_END = Pattern.compile("[，,。；;！!？?\\s]|$");
  private static final Pattern ASKS_ITSELF = Pattern.compile("^几[点号时]|[啊呀呢吗？?]$");
  private static final Pattern WEEKDAY_BEFORE = Pattern.compile("(?:周|星期|礼拜)$");
  private static final Pattern VALUE_OF = Pattern.compile("(\\p{IsHan}{2,3}?)(?:是|为)?多少(?![\\p{IsHan}&&[^呢啊呀吗]])");
  private static final Pattern RATE_ASKED = Pattern.compile("率(?:有|是|能|达到|能达到)?(?:多高|多少|多大|几成)");
  private static final Pattern RATE = Pattern.compile("\\d+(?:\\.\\d+)?\\s*[%％]|百分之|[一二三四五六七八九]成");
  private static final Pattern ASKED_UNIT = Pattern.compile("(?:多少|几)(\\p{IsHan})");

  private Quantities() {}

  /** The text without citation marks and quoted names: "“五星”支部", "‘社区半月谈’" hold no count or duration. */
  static String withoutNames(String text) {
    return text.replaceAll("\\[\\d+\\]", "").replaceAll("“[^“”]{1,12}”|‘[^‘’]{1,12}’", " ");
  }

  static boolean asked(String question) {
    if (RATE_ASKED.matcher(question).find()) return true;
    Matcher m = QUANTITY.matcher(question);
    if (!m.find()) return false;
    // "俺们院有几个热心肠老街坊 谁家吵架都去劝 社区给他们算个啥名分不": a 几 in the story told before a last clause
    // asking something else says "a few"; the question is the last clause.
    if (!m.group().equals("几")) return true;
    // The clause holding the 几, up to the next break: "停水到几点啊", "每周几练球" ask for themselves.
    Matcher end = CLAUSE_END.matcher(question);
    String clause = end.find(m.end()) ? question.substring(m.start(), end.end()).strip() : question.substring(m.start());
    if (ASKS_ITSELF.matcher(clause).find() || WEEKDAY_BEFORE.matcher(question.substring(0, m.start())).find()) {
      return true;
    }
    String[] clauses = question.strip().split("[，,。；;！!？?\\s]+");
    String last = clauses[clauses.length - 1];
    return QUANTITY.matcher(last).find() || !OWN_QUESTION.matcher(last).find()
        || QUANTITY.matcher(question.substring(m.end())).find();
  }

  /**
   * The measure word of the count asked for: the last one, not the "a few" of the story before it ("好几个媳妇…安排了
   * 几个人"); "几个人" counts people (人), not things (个).
   */
  private static String askedUnit(String question) {
    Matcher q = ASKED_UNIT.matcher(question);
    String unit = null;
    while (q.find()) {
      char before = q.start() > 0 ? question.charAt(q.start() - 1) : ' ';
      if ("好十这那".indexOf(before) >= 0 && q.group().startsWith("几")) continue;
      unit = q.group(1);
      if (unit.equals("个") && q.end() < question.length() && "人户家".indexOf(question.charAt(q.end())) >= 0) {
        unit = String.valueOf(question.charAt(q.end()));
      }
    }
    return unit;
  }

  /** Measure words that count the same things: 多少名党员 is answered by "9716人". */
  private static String unitGroup(String unit) {
    for (String group : List.of("名人位", "户家", "个项条颗", "类种", "次场回", "栋间所")) {
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
    // "考证的通过率有多高": a rate, which only a percentage or a share gives.
    if (RATE_ASKED.matcher(question).find()) return RATE.matcher(body).find();
    // "单招分数线是多少", "面积是多少": the value of that very thing, given beside it — not any count in the text.
    Matcher valueOf = VALUE_OF.matcher(question);
    // "小项数量是多少", "人数是多少": a count word is no thing of its own; the usual test applies.
    // "社区有多少", "一共多少": a verb or adverb before 多少 names no thing.
    if (valueOf.find() && !valueOf.group(1).matches(".*(?:数量|数目|数字|总数|个数|人数|户数|次数|规模|[有了要得能会都共到])$")) {
      String thing = Pattern.quote(valueOf.group(1).substring(valueOf.group(1).length() - 2));
      return Pattern.compile(thing + ".{0,6}\\d|\\d[\\d.万千百]*\\s*\\p{IsHan}{0,2}" + thing).matcher(body).find();
    }
    if (Counts.ofAskedThing(question).test(body)) return true;  // "多少劳动力" ~ "安置劳动力60余人"
    String unit = askedUnit(question);
    // "评上多少了": a particle after 多少 names no measure word.
    // "当了几年了": years, counted as such ("3年"), not any number in the text.
    String units = unit != null && !"月日天了呢啊呀吗的么哈".contains(unit) ? unitGroup(unit) : UNITS;
    // "20余起", "3000多人次": an approximate count still answers the question; so does "11大类56小类".
    return Pattern.compile("(\\d|[一二三四五六七八九十百千万两])\\s*[余多]?[大小]?[" + units + "]").matcher(body).find();
  }
}
