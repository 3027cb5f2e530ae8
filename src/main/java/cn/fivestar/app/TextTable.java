package cn.fivestar.app;

import cn.fivestar.infra.*;
import cn.fivestar.cases.*;
import java.util.ArrayList;
import java.util.List;

/** A plain text table aligned for terminals where CJK characters and emoji take two columns. */
final class TextTable {
  private final List<String[]> rows = new ArrayList<>();
  private final int columns;

  TextTable(String... header) {
    columns = header.length;
    rows.add(header);
  }

  void add(String... cells) {
    if (cells.length != columns) throw new IllegalArgumentException("expected " + columns + " cells");
    rows.add(cells);
  }

  String render() {
    int[] w = new int[columns];
    for (String[] r : rows) for (int i = 0; i < columns; i++) w[i] = Math.max(w[i], width(r[i]));
    StringBuilder sb = new StringBuilder();
    for (String[] r : rows) {
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < columns; i++) {
        line.append(r[i]);
        if (i < columns - 1) line.append(" ".repeat(w[i] - width(r[i]) + 2));
      }
      sb.append(line.toString().stripTrailing()).append('\n');
    }
    return sb.toString();
  }

  /** Display columns of s: 2 for East Asian wide/full-width characters and emoji, 0 for combining marks. */
  static int width(String s) {
    int w = 0;
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      i += Character.charCount(cp);
      int type = Character.getType(cp);
      if (type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK || type == Character.FORMAT) continue;
      w += wide(cp) ? 2 : 1;
    }
    return w;
  }

  private static boolean wide(int cp) {
    return (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF) || (cp >= 0xAC00 && cp <= 0xD7A3)
        || (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60)
        || (cp >= 0xFFE0 && cp <= 0xFFE6) || (cp >= 0x1F300 && cp <= 0x1FAFF) || (cp >= 0x20000 && cp <= 0x3FFFD);
  }
}
