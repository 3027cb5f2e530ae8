package cn.fivestar.channels.web;

import static cn.fivestar.channels.web.Html.esc;

import cn.fivestar.cases.CaseStatistics;
import cn.fivestar.cases.CaseStatus;
import cn.fivestar.cases.Taxonomy;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** 概览: the figures of {@link Stats} as cards, bar charts and tables. */
final class OverviewPage {
  private OverviewPage() {}

  static String render(CaseStatistics s, Taxonomy taxonomy, LocalDate from, LocalDate to) {
    CaseStatistics.Group all = s.overall();
    StringBuilder b = new StringBuilder(16_384);
    b.append("<h1>概览</h1>");
    b.append("<form class=\"f\" method=\"get\" action=\"/\"><label>受理日期从 <input type=\"date\" name=\"from\" value=\"")
        .append(from == null ? "" : from).append("\"></label><label>到 <input type=\"date\" name=\"to\" value=\"")
        .append(to == null ? "" : to).append("\"></label><button>统计</button>")
        .append("<a href=\"/export.csv").append(range(from, to)).append("\">导出该时段 CSV</a></form>");
    b.append("<p class=\"muted\">统计范围：").append(from == null && to == null ? "全部案件" : (from == null ? "最早" : from)
        + " 至 " + (to == null ? "今天" : to)).append("；统计时间 ").append(Html.time(s.computedAt())).append("。</p>");

    b.append("<div class=\"cards\">");
    Html.card(b, "案件总数", Long.toString(all.total()));
    Html.card(b, "响应率", Html.pct(all.responseRate()));
    Html.card(b, "解决率", Html.pct(all.resolutionRate()));
    Html.card(b, "满意率", Html.pct(all.satisfactionRate()));
    Html.card(b, "平均办结用时", Html.hours(all.avgHoursToClose()));
    b.append("<div class=\"card\"><div>超期未办</div><div class=\"v\"><a href=\"/overdue\">").append(all.overdue())
        .append("</a></div></div>");
    Html.card(b, "重办", all.reopens() + " 次 / " + all.reopened() + " 件");
    b.append("</div>");

    b.append("<h2>各状态件数</h2><table><tr>");
    for (CaseStatus st : CaseStatus.values()) b.append("<th>").append(st.label()).append("</th>");
    b.append("</tr><tr>");
    for (CaseStatus st : CaseStatus.values()) {
      b.append("<td class=\"n\"><a href=\"/cases?status=").append(st.code()).append("\">")
          .append(s.byStatus().getOrDefault(st, 0L)).append("</a></td>");
    }
    b.append("</tr></table>");

    List<String> categories = keys(taxonomy.categories(), s.byCategory());
    List<String> stars = keys(taxonomy.stars(), s.byStar());
    b.append("<h2>按分类的件数</h2>").append(SvgCharts.bars("按分类的件数", counts(categories, s.byCategory())));
    b.append("<h2>按影响的星的件数</h2>").append(SvgCharts.bars("按影响的星的件数", counts(stars, s.byStar())));
    List<SvgCharts.Row> rates = new ArrayList<>();
    for (String c : categories) {
      CaseStatistics.Group g = s.byCategory().get(c);
      if (g == null || g.total() == 0) continue;
      rates.add(new SvgCharts.Row(c, java.util.Arrays.asList(g.responseRate(), g.resolutionRate(), g.satisfactionRate())));
    }
    b.append("<h2>各分类的响应率、解决率、满意率</h2>");
    if (rates.isEmpty()) b.append("<p class=\"muted\">这段时间没有案件。</p>");
    else b.append(SvgCharts.rates("各分类的响应率、解决率、满意率", List.of("响应率", "解决率", "满意率"), rates));

    table(b, "按分类", "分类", categories, s.byCategory(), "category");
    table(b, "按影响的星", "星", stars, s.byStar(), "star");
    b.append("<p class=\"muted\">响应率：受理后第一个工作日内开始办理的比例；解决率：已办结 ÷（总数 − 已合并）；"
        + "满意率：评 4–5 分的比例；超期：仍待办理且已过办理时限；重办：办结后重新交办的次数（件数：重办过的诉求）。</p>");
    return Html.page("概览", "/", b.toString());
  }

  private static String range(LocalDate from, LocalDate to) {
    if (from == null && to == null) return "";
    StringBuilder q = new StringBuilder("?");
    if (from != null) q.append("from=").append(from);
    if (to != null) q.append(from != null ? "&amp;" : "").append("to=").append(to);
    return q.toString();
  }

  /** The configured names in order, then any others found in the data (e.g. a category since removed). */
  private static List<String> keys(List<String> configured, Map<String, CaseStatistics.Group> found) {
    Set<String> out = new LinkedHashSet<>(configured);
    out.addAll(found.keySet());
    return List.copyOf(out);
  }

  private static List<SvgCharts.Bar> counts(List<String> keys, Map<String, CaseStatistics.Group> groups) {
    List<SvgCharts.Bar> bars = new ArrayList<>();
    for (String k : keys) {
      CaseStatistics.Group g = groups.get(k);
      long n = g == null ? 0 : g.total();
      bars.add(new SvgCharts.Bar(k, n, n + " 件"));
    }
    return bars;
  }

  private static void table(StringBuilder b, String title, String head, List<String> keys,
                            Map<String, CaseStatistics.Group> groups, String param) {
    b.append("<h2>").append(esc(title)).append("</h2><table><tr><th>").append(esc(head))
        .append("</th><th>件数</th><th>已办结</th><th>响应率</th><th>解决率</th><th>满意率</th><th>平均办结用时</th><th>超期</th><th>重办</th></tr>");
    for (String k : keys) {
      CaseStatistics.Group g = groups.get(k);
      if (g == null) continue;
      String label = esc(k);
      String cell = k.equals(CaseStatistics.NO_STAR) ? label
          : "<a href=\"/cases?" + param + "=" + esc(java.net.URLEncoder.encode(k, java.nio.charset.StandardCharsets.UTF_8))
              + "\">" + label + "</a>";
      b.append("<tr><td>").append(cell).append("</td><td class=\"n\">").append(g.total()).append("</td><td class=\"n\">")
          .append(g.closed()).append("</td><td class=\"n\">").append(Html.pct(g.responseRate()))
          .append("</td><td class=\"n\">").append(Html.pct(g.resolutionRate())).append("</td><td class=\"n\">")
          .append(Html.pct(g.satisfactionRate())).append("</td><td class=\"n\">").append(Html.hours(g.avgHoursToClose()))
          .append("</td><td class=\"n\">").append(g.overdue()).append("</td><td class=\"n\">").append(g.reopens())
          .append("</td></tr>");
    }
    b.append("</table>");
  }
}
