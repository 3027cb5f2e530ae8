package cn.fivestar.channels.telegram;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a long reply into Telegram messages (at most 4,096 characters each), cutting after the last sentence end
 * (。！？ or a line break) that fits, so no sentence is torn in half unless one sentence alone is too long.
 */
public final class TextSplitter {
  public static final int TELEGRAM_LIMIT = 4096;
  private static final String SENTENCE_ENDS = "。！？!?\n";
  private static final String CLOSERS = "”’」』）)】》\"";

  private TextSplitter() {}

  public static List<String> split(String text, int max) {
    if (max < 2) throw new IllegalArgumentException("max must be at least 2");
    List<String> parts = new ArrayList<>();
    String rest = text.strip();
    while (rest.length() > max) {
      int cut = cutPoint(rest, max);
      String part = rest.substring(0, cut).strip();
      if (!part.isEmpty()) parts.add(part);
      rest = rest.substring(cut).strip();
    }
    if (!rest.isEmpty()) parts.add(rest);
    return parts;
  }

  /** The index to cut at: just after a sentence end (and its closing quotes), else a hard cut. */
  private static int cutPoint(String s, int max) {
    int paragraph = s.lastIndexOf("\n\n", max - 2);
    // Prefer a paragraph break when it keeps at least half the window, so chunks stay reasonably full.
    if (paragraph >= max / 2) return paragraph + 2;
    for (int i = max; i > 0; i--) {
      if (SENTENCE_ENDS.indexOf(s.charAt(i - 1)) >= 0) {
        int end = i;
        while (end < max && CLOSERS.indexOf(s.charAt(end)) >= 0) end++;
        return end;
      }
    }
    // One sentence longer than the limit: cut hard, but never between the two halves of a surrogate pair.
    return Character.isHighSurrogate(s.charAt(max - 1)) ? max - 1 : max;
  }
}
