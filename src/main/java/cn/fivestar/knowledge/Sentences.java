package cn.fivestar.knowledge;

import java.util.ArrayList;
import java.util.List;

/** Chinese-aware sentence splitting: ends at 。！？；… (and ! ? ;), keeping closing quotes with the sentence. */
public final class Sentences {
  private static final String TERMINAL = "。！？!?；;…";
  private static final String CLOSERS = "”’」』）)\"";

  private Sentences() {}

  public static List<String> split(String text) {
    return split(text, TERMINAL);
  }

  /** Splits only at full stops (。！？…), keeping clauses joined by "；" together: a whole statement. */
  public static List<String> splitStatements(String text) {
    return split(text, "。！？!?…");
  }

  private static List<String> split(String text, String terminal) {
    List<String> out = new ArrayList<>();
    int start = 0;
    int n = text.length();
    for (int i = 0; i < n; i++) {
      if (terminal.indexOf(text.charAt(i)) < 0) continue;
      int end = i + 1;
      while (end < n && (terminal.indexOf(text.charAt(end)) >= 0 || CLOSERS.indexOf(text.charAt(end)) >= 0)) end++;
      add(out, text.substring(start, end));
      start = end;
      i = end - 1;
    }
    if (start < n) add(out, text.substring(start));
    return out;
  }

  /** Cuts an over-long sentence at commas (or hard) so no piece exceeds max characters. */
  public static List<String> cap(String sentence, int max) {
    if (sentence.length() <= max) return List.of(sentence);
    List<String> out = new ArrayList<>();
    int start = 0;
    while (sentence.length() - start > max) {
      int cut = -1;
      for (int i = start + max; i > start + max / 2; i--) {
        char c = sentence.charAt(i - 1);
        if (c == '，' || c == ',' || c == '、' || c == '：' || c == ' ') {
          cut = i;
          break;
        }
      }
      if (cut < 0) cut = start + max;
      if (Character.isHighSurrogate(sentence.charAt(cut - 1))) cut--;
      out.add(sentence.substring(start, cut));
      start = cut;
    }
    out.add(sentence.substring(start));
    return out;
  }

  private static void add(List<String> out, String s) {
    String t = s.strip();
    if (!t.isEmpty()) out.add(t);
  }
}
