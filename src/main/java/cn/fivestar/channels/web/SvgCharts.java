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

  // 400 units wide: on a 390 px phone the charts shrink by about a tenth, so the 13-unit text stays readable
  private static final int WIDTH = 400;
  private static final int LABEL = 110;
  private static final int TEXT = 80;
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
    int x = 10;
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

  /** The opening of a column chart that scales to the page's width (100%) instead of a fixed size. */
  private static StringBuilder openScaled(String title, int w, int h, int fontSize) {
    StringBuilder sb = new StringBuilder(4096);
    sb.append("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ").append(w).append(' ').append(h)
        .append("\" width=\"100%\" role=\"img\" aria-label=\"").append(Html.esc(title)).append("\" font-size=\"")
        .append(fontSize).append("\" font-family=\"sans-serif\"><title>").append(Html.esc(title)).append("</title>");
    return sb;
  }

  private static void label(StringBuilder sb, String label, int y) {
    String shown = label.length() > 7 ? label.substring(0, 7) + "…" : label;
    sb.append("<text x=\"").append(LABEL - 8).append("\" y=\"").append(y).append("\" text-anchor=\"end\">")
        .append(Html.esc(shown)).append("</text>");
  }

  private static void text(StringBuilder sb, int x, int y, String s) {
    sb.append("<text x=\"").append(x).append("\" y=\"").append(y).append("\" fill=\"#333\">").append(Html.esc(s))
        .append("</text>");
  }

  /**
   * Grouped columns (one group per label, one column per series) with values written above them. Drawn 360 units
   * wide so that on a phone (about 360 px) its 11-unit text is 11 px high; on a desktop it is scaled up to 540 px.
   */
  static String columns(String title, List<String> series, List<String> labels, long[][] values) {
    int w = 360;
    int h = 230;
    int left = 8;
    int top = 34;
    int bottom = 26;
    long max = 1;
    for (long[] v : values) for (long x : v) max = Math.max(max, x);
    StringBuilder sb = openScaled(title, w, h, 11);
    int x = left;
    for (int i = 0; i < series.size(); i++) {
      sb.append("<rect x=\"").append(x).append("\" y=\"8\" width=\"11\" height=\"11\" fill=\"")
          .append(COLORS[i % COLORS.length]).append("\"/>");
      text(sb, x + 15, 18, series.get(i));
      x += 70;
    }
    double group = (double) (w - 2 * left) / Math.max(1, labels.size());
    double col = (group - 6) / series.size();
    int plot = h - top - bottom;
    sb.append("<line x1=\"").append(left).append("\" x2=\"").append(w - left).append("\" y1=\"").append(h - bottom)
        .append("\" y2=\"").append(h - bottom).append("\" stroke=\"#999\"/>");
    for (int g = 0; g < labels.size(); g++) {
      double gx = left + g * group + 3;
      for (int s = 0; s < series.size(); s++) {
        long v = values[g][s];
        int bh = (int) Math.round((double) v / max * (plot - 12));
        double cx = gx + s * col;
        sb.append("<rect x=\"").append(fmt(cx)).append("\" y=\"").append(h - bottom - bh).append("\" width=\"")
            .append(fmt(col - 1)).append("\" height=\"").append(bh).append("\" fill=\"").append(COLORS[s % COLORS.length])
            .append("\"><title>").append(Html.esc(labels.get(g) + " " + series.get(s) + "：" + v)).append("</title></rect>");
        if (v > 0) {
          sb.append("<text x=\"").append(fmt(cx + (col - 1) / 2)).append("\" y=\"").append(h - bottom - bh - 2)
              .append("\" text-anchor=\"middle\" font-size=\"9\">").append(v).append("</text>");
        }
      }
      sb.append("<text x=\"").append(fmt(gx + (group - 6) / 2)).append("\" y=\"").append(h - 9)
          .append("\" text-anchor=\"middle\">").append(Html.esc(labels.get(g))).append("</text>");
    }
    return sb.append("</svg>").toString();
  }

  /**
   * One column per label for a rate 0–100% (null: nothing counted, shown as "—"), with the rate above it and the
   * count it rests on under the label; drawn 360 units wide like {@link #columns}, with lines at 50% and 100%.
   */
  static String rateColumns(String title, List<String> labels, List<Double> rates, long[] counts) {
    int w = 360;
    int h = 230;
    int left = 30;
    int right = 6;
    int top = 16;
    int bottom = 40;
    int plot = h - top - bottom;
    StringBuilder sb = openScaled(title, w, h, 10);
    for (int p : new int[] {0, 50, 100}) {
      int y = h - bottom - plot * p / 100;
      sb.append("<line x1=\"").append(left).append("\" x2=\"").append(w - right).append("\" y1=\"").append(y)
          .append("\" y2=\"").append(y).append("\" stroke=\"").append(p == 0 ? "#999" : "#ddd").append("\"/>");
      sb.append("<text x=\"").append(left - 3).append("\" y=\"").append(y + 3).append("\" text-anchor=\"end\" fill=\"#777\">")
          .append(p).append("%</text>");
    }
    double group = (double) (w - left - right) / Math.max(1, labels.size());
    for (int g = 0; g < labels.size(); g++) {
      Double v = g < rates.size() ? rates.get(g) : null;
      double cx = left + g * group + group * 0.15;
      double cw = group * 0.7;
      double mid = cx + cw / 2;
      if (v != null) {
        int bh = (int) Math.round(Math.max(0, Math.min(1, v)) * plot);
        sb.append("<rect x=\"").append(fmt(cx)).append("\" y=\"").append(h - bottom - bh).append("\" width=\"")
            .append(fmt(cw)).append("\" height=\"").append(bh).append("\" fill=\"").append(COLORS[2]).append("\"><title>")
            .append(Html.esc(labels.get(g) + " 起一周：" + Html.pct(v) + "（" + counts[g] + " 票）")).append("</title></rect>");
      }
      sb.append("<text x=\"").append(fmt(mid)).append("\" y=\"").append(v == null ? h - bottom - 3
              : h - bottom - (int) Math.round(Math.max(0, Math.min(1, v)) * plot) - 3)
          .append("\" text-anchor=\"middle\" font-size=\"9\">")
          .append(v == null ? "—" : String.format(Locale.ROOT, "%.0f%%", v * 100)).append("</text>");
      sb.append("<text x=\"").append(fmt(mid)).append("\" y=\"").append(h - bottom + 13)
          .append("\" text-anchor=\"middle\" font-size=\"9\">").append(Html.esc(labels.get(g))).append("</text>");
      sb.append("<text x=\"").append(fmt(mid)).append("\" y=\"").append(h - bottom + 26)
          .append("\" text-anchor=\"middle\" fill=\"#777\" font-size=\"9\">").append(counts[g]).append("票</text>");
    }
    return sb.append("</svg>").toString();
  }

  private static String fmt(double v) {
    return String.format(Locale.ROOT, "%.1f", v);
  }
}
