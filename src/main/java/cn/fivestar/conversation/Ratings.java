package cn.fivestar.conversation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Reading a 1–5 satisfaction score from a reply, and the score buttons. */
final class Ratings {
  private Ratings() {}

  private static final Map<String, Integer> WORDS = Map.ofEntries(
      Map.entry("非常满意", 5), Map.entry("很满意", 5), Map.entry("满意", 4), Map.entry("比较满意", 4), Map.entry("还行", 3),
      Map.entry("一般", 3), Map.entry("不太满意", 2), Map.entry("不满意", 2), Map.entry("很不满意", 1),
      Map.entry("非常不满意", 1), Map.entry("一", 1), Map.entry("二", 2), Map.entry("两", 2), Map.entry("三", 3),
      Map.entry("四", 4), Map.entry("五", 5));

  /** 1–5 from "5", "5分", "五分", "满意"…; null when the reply is not a score. */
  static Integer score(String text) {
    String a = MessageText.answer(text);
    if (a.endsWith("分")) a = a.substring(0, a.length() - 1);
    if (a.endsWith("星")) a = a.substring(0, a.length() - 1);
    if (a.matches("[1-5]")) return Integer.parseInt(a);
    return WORDS.get(a);
  }

  static List<List<Button>> buttons(String caseId) {
    List<Button> row = new ArrayList<>();
    for (int i = 1; i <= 5; i++) row.add(new Button(Texts.scoreButton(i), "rate:" + caseId + ":" + i));
    return List.of(row);
  }
}
