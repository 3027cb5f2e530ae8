package cn.fivestar.knowledge;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns raw lines into headings and paragraphs. Newspaper pages break lines at a fixed column width, even
 * mid-word and across blank lines (page columns), and some lines are cut off (ending in U+FFFD). The rule: an
 * unfinished sentence continues on the next non-blank line unless that line looks like a heading; a line that
 * ends a sentence closes the paragraph when a blank line or a short line follows.
 */
final class TextRejoiner {
  private static final String TERMINAL = "。！？!?；;…";
  private static final String CLOSERS = "”’」』）)\"'";
  private static final Pattern SENTENCE_PUNCT = Pattern.compile("[，,。；;！!？?、]");
  private static final Pattern CJK_SPACE_CJK = Pattern.compile("[\\p{IsHan}”“\"]\\s+[\\p{IsHan}“”\"]");
  private static final Pattern BYLINE = Pattern.compile("^(记者|通讯员|编辑|责编|校对)[\\s：:].{0,40}$");
  private static final Pattern NEWS_LEAD = Pattern.compile("^(本报讯|■新闻快讯|■)\\s*");
  private static final Pattern LIST_ITEM = Pattern.compile("^([-*+•]|\\d{1,2}[.、)）])\\s+");
  private static final Pattern TRAILING_BYLINE =
      Pattern.compile("(?<=[。！？”])\\s*(记者|通讯员)[\\s\\p{IsHan}/]{2,40}$");
  private static final char CUT = '\uFFFD';

  private TextRejoiner() {}

  static List<SourceDocument.Block> rejoin(List<String> rawLines) {
    List<String> lines = new ArrayList<>(rawLines.size());
    for (String l : rawLines) lines.add(clean(l));
    int width = columnWidth(lines);
    List<SourceDocument.Block> out = new ArrayList<>();
    StringBuilder para = new StringBuilder();
    boolean blankBefore = true;
    int prevLen = 0;
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.isEmpty()) {
        blankBefore = true;
        continue;
      }
      if (BYLINE.matcher(line).matches()) {
        // Bylines carry no facts worth citing; they only end the paragraph before them if it is finished.
        blankBefore = true;
        continue;
      }
      line = NEWS_LEAD.matcher(line).replaceFirst("");
      line = TRAILING_BYLINE.matcher(line).replaceFirst("");
      if (line.isEmpty()) continue;
      Matcher item = LIST_ITEM.matcher(line);
      if (item.find()) {
        // A list item always starts its own paragraph.
        flush(para, out);
        line = line.substring(item.end());
        if (line.isEmpty()) continue;
      }
      boolean open = para.length() > 0 && !closed(para);
      boolean nextBlank = i + 1 >= lines.size() || lines.get(i + 1).isEmpty();
      if (line.startsWith("#") || (!open && isHeading(line, width, nextBlank))) {
        flush(para, out);
        out.add(new SourceDocument.Block(true, line.replaceFirst("^#+\\s*", "").replaceAll("\\s+", " ")));
      } else if (open || (para.length() > 0 && !blankBefore && width > 0 && prevLen >= width - 3)) {
        append(para, line);
      } else {
        flush(para, out);
        para.append(line);
      }
      if (line.charAt(line.length() - 1) == CUT) {
        // A cut-off line: the rest of the paragraph is lost, so end it here.
        para.setLength(Math.max(0, para.length() - 1));
        para.append('…');
        flush(para, out);
      }
      prevLen = line.length();
      blankBefore = false;
    }
    flush(para, out);
    return out;
  }

  private static String clean(String line) {
    StringBuilder b = new StringBuilder(line.length());
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '\u3000' || c == '\t') b.append(' ');
      else if (c == CUT || !Character.isISOControl(c)) b.append(c);
    }
    String s = b.toString().strip();
    // Keep only one trailing cut marker so callers can detect truncation.
    int cut = s.indexOf(CUT);
    return cut >= 0 ? s.substring(0, cut + 1) : s;
  }

  private static boolean isHeading(String line, int width, boolean nextBlank) {
    if (line.startsWith("#")) return true;
    if (line.length() > 40 || SENTENCE_PUNCT.matcher(line).find()) return false;
    char last = line.charAt(line.length() - 1);
    if (last == CUT || last == '：' || last == ':' || last == '—' || !quotesBalanced(line)) return false;
    boolean columnLine = width > 0 && line.length() >= width - 5 && line.length() <= width + 1;
    return CJK_SPACE_CJK.matcher(line).find() || nextBlank || !columnLine;
  }

  private static boolean quotesBalanced(String line) {
    int open = 0;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '“' || c == '‘' || c == '（' || c == '(' || c == '《') open++;
      if (c == '”' || c == '’' || c == '）' || c == ')' || c == '》') open--;
    }
    return open == 0;
  }

  private static boolean closed(CharSequence para) {
    int i = para.length() - 1;
    while (i >= 0 && CLOSERS.indexOf(para.charAt(i)) >= 0) i--;
    return i >= 0 && TERMINAL.indexOf(para.charAt(i)) >= 0;
  }

  private static void append(StringBuilder para, String line) {
    char last = para.charAt(para.length() - 1);
    char first = line.charAt(0);
    if (isLatinOrDigit(last) && isLatinOrDigit(first)) para.append(' ');
    para.append(line);
  }

  private static boolean isLatinOrDigit(char c) {
    return c < 0x80 && Character.isLetterOrDigit(c);
  }

  private static void flush(StringBuilder para, List<SourceDocument.Block> out) {
    String text = para.toString().strip();
    if (!text.isEmpty()) out.add(new SourceDocument.Block(false, text));
    para.setLength(0);
  }

  /**
   * The dominant line length when the file is laid out in narrow columns (most lines of nearly equal length),
   * or 0 for files written one paragraph per line.
   */
  static int columnWidth(List<String> lines) {
    Map<Integer, Integer> counts = new HashMap<>();
    int total = 0;
    for (String l : lines) {
      if (l.isEmpty()) continue;
      counts.merge(l.length(), 1, Integer::sum);
      total++;
    }
    if (total < 8) return 0;
    int best = 0;
    int bestNear = 0;
    for (int w : counts.keySet()) {
      if (w < 6 || w > 40) continue;
      int near = 0;
      for (int d = -2; d <= 2; d++) near += counts.getOrDefault(w + d, 0);
      if (near > bestNear) {
        bestNear = near;
        best = w;
      }
    }
    // Use the widest of the common widths as the column width.
    int width = best;
    while (counts.getOrDefault(width + 1, 0) * 4 >= counts.getOrDefault(best, 0)) width++;
    return bestNear * 2 >= total ? width : 0;
  }
}
