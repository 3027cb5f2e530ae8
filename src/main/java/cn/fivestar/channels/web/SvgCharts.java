package cn.fivestar.channels.web;

import java.util.List;
import java.util.Locale;

/**
 * Horizontal bar charts as inline SVG, drawn on the server: the page needs no script and nothing from the
 * internet. Labels are escaped like any other text.
 */
final class SvgCharts {
  /** One bar: its label, its value and the text written after it. */
  record Bar(String label, double value, String text) {}

  /** One row of a grouped chart: a label and one value per series (null = nothing to show). */
  record Row(String label, List<Double> values) {}

  private static final int WIDTH = 680;
  private static final int LABEL = 130;
  private static final int TEXT = 90;
  private static final int ROW = 26;
  private static final String[] COLORS = {"#c62828", "#1565c0", "#2e7d32", "#ef6c00"};

  private SvgCharts() {}

  /** Bars scaled to the largest value (counts). */
  static String bars(String title, List<Bar> bars) {
    double max = bars.stream().mapToDouble(Bar::value).max().orElse(0);
    int height = 10 + bars.size() * ROW;
    StringBuilder sb = open(title, height);
    int y = 6;
    for (Bar b : bars) {
      int w = max <= 0 ? 0 : (int) Math.round(b.value() / max * (WIDTH - LABEL - TEXT));
      label(sb, b.label(), y + 17);
      sb.append("<rect x=\"").append(LABEL).append("\" y=\"").append(y + 4).append("\" width=\"").append(w)
          .append("\" height=\"").append(ROW - 8).append("\" fill=\"").append(COLORS[0]).append("\"><title>")
          .append(Html.esc(b.label() + "：" + b.text())).append("</title></rect>");
      text(sb, LABEL + w + 6, y + 17, b.text());
      y += ROW;
    }
    return sb.append("</svg>").toString();
  }

  /** Rates 0–1 per row, one bar per series, with a legend; missing rates show as "—". */
  static String rates(String title, List<String> series, List<Row> rows) {
    int group = series.size() * 16 + 10;
    int height = 34 + rows.size() * group;
    StringBuilder sb = open(title, height);
    int x = LABEL;
    for (int i = 0; i < series.size(); i++) {
      sb.append("<rect x=\"").append(x).append("\" y=\"8\" width=\"12\" height=\"12\" fill=\"")
          .append(COLORS[i % COLORS.length]).append("\"/>");
      text(sb, x + 16, 19, series.get(i));
      x += 110;
    }
    int y = 30;
    int span = WIDTH - LABEL - TEXT;
    for (Row r : rows) {
      label(sb, r.label(), y + group / 2 + 2);
      for (int i = 0; i < series.size(); i++) {
        Double v = i < r.values().size() ? r.values().get(i) : null;
        int by = y + i * 16;
        int w = v == null ? 0 : (int) Math.round(Math.max(0, Math.min(1, v)) * span);
        sb.append("<rect x=\"").append(LABEL).append("\" y=\"").append(by).append("\" width=\"").append(w)
            .append("\" height=\"13\" fill=\"").append(COLORS[i % COLORS.length]).append("\"><title>")
            .append(Html.esc(r.label() + " " + series.get(i) + "：" + Html.pct(v))).append("</title></rect>");
        text(sb, LABEL + w + 6, by + 11, v == null ? "暂无数据" : Html.pct(v));
      }
      y += group;
    }
    return sb.append("</svg>").toString();
  }

  private static StringBuilder open(String title, int height) {
    StringBuilder sb = new StringBuilder(2048);
    sb.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
        + "viewBox=\"0 0 %d %d\" role=\"img\" aria-label=\"", WIDTH, height, WIDTH, height))
        .append(Html.esc(title)).append("\" font-size=\"13\" font-family=\"sans-serif\">");
    return sb;
  }

  private static void label(StringBuilder sb, String label, int y) {
    String shown = label.length() > 9 ? label.substring(0, 9) + "…" : label;
    sb.append("<text x=\"").append(LABEL - 8).append("\" y=\"").append(y).append("\" text-anchor=\"end\">")
        .append(Html.esc(shown)).append("</text>");
  }

  private static void text(StringBuilder sb, int x, int y, String s) {
    sb.append("<text x=\"").append(x).append("\" y=\"").append(y).append("\" fill=\"#333\">").append(Html.esc(s))
        .append("</text>");
  }
}
