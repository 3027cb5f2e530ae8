package cn.fivestar.channels.web;

import static cn.fivestar.channels.web.Html.esc;

import cn.fivestar.cases.CaseRecord;
import cn.fivestar.cases.CaseService;
import cn.fivestar.cases.CaseStatistics;
import cn.fivestar.cases.CaseStatus;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * 督办: today at a glance, the filter form (shared with /export.csv), figures by category, star and handler, the
 * weekly trend and the overdue cases with 催办.
 */
final class SupervisorPage {
  private final CaseService cases;
  private final CaseForms forms;

  SupervisorPage(CaseService cases, CaseForms forms) {
    this.cases = cases;
    this.forms = forms;
  }

  String render(Who who, Query q, Instant now) {
    Query.Dates dates = q.dates();
    List<CaseRecord> all = cases.list(CaseQuery.supervised(q, dates));
    LocalDate today = LocalDate.ofInstant(now, CaseService.ZONE);
    StringBuilder b = new StringBuilder(16_384);
    b.append("<h1>督办</h1>");
    // today at a glance
    long receivedToday = all.stream().filter(r -> day(r.createdAt()).equals(today)).count();
    long closedToday = all.stream().filter(r -> r.closedAt() != null && day(r.closedAt()).equals(today)).count();
    long waiting = all.stream().filter(r -> r.status() == CaseStatus.RECEIVED || r.status() == CaseStatus.RETURNED).count();
    long open = all.stream().filter(r -> r.status().awaitsStaff()).count();
    List<CaseRecord> late = all.stream().filter(r -> r.isOverdue(now)).sorted(Comparator.comparing(CaseRecord::dueAt)).toList();
    b.append("<h2>今日概况 ").append(today).append("</h2><div class=\"cards\">");
    Html.card(b, "今日受理", Long.toString(receivedToday));
    Html.card(b, "今日办结", Long.toString(closedToday));
    Html.card(b, "待接办", Long.toString(waiting));
    Html.card(b, "在办", Long.toString(open));
    Html.card(b, "超期", Long.toString(late.size()));
    b.append("</div>");
    filterForm(b, q);
    // figures
    Map<String, Integer> reopens = cases.reopenCounts(all);
    figures(b, "按分类", all, reopens, now, r -> r.category());
    figures(b, "按影响的星", all, reopens, now, r -> r.star() == null ? "—" : r.star());
    figures(b, "按承办人", all, reopens, now, r -> r.assignee() == null ? CaseStatistics.NO_HANDLER : r.assignee());
    // weekly trend
    b.append("<h2>近 8 周趋势</h2><div class=\"chart\">").append(weekly(all, now)).append("</div>");
    b.append("<h2>超期案件（").append(late.size()).append(" 件）</h2>");
    forms.urgeTable(b, late, now, who);
    return Html.page("督办", "/sup", b.toString());
  }

  private static LocalDate day(Instant t) {
    return LocalDate.ofInstant(t, CaseService.ZONE);
  }

  private void filterForm(StringBuilder b, Query q) {
    b.append("<form class=\"f\" method=\"get\" action=\"/sup\"><label>受理日期从 <input type=\"date\" name=\"from\" value=\"")
        .append(esc(q.get("from"))).append("\"></label><label>到 <input type=\"date\" name=\"to\" value=\"")
        .append(esc(q.get("to"))).append("\"></label><label>分类 <select name=\"category\"><option value=\"\">全部</option>");
    for (String c : cases.taxonomy().categories()) {
      b.append("<option").append(c.equals(q.get("category")) ? " selected" : "").append('>').append(esc(c)).append("</option>");
    }
    b.append("</select></label><label>星 <select name=\"star\"><option value=\"\">全部</option>");
    for (String s : cases.taxonomy().stars()) {
      b.append("<option").append(s.equals(q.get("star")) ? " selected" : "").append('>').append(esc(s)).append("</option>");
    }
    b.append("</select></label><label>承办人 <input name=\"handler\" value=\"").append(esc(q.get("handler")))
        .append("\" placeholder=\"web:张三\"></label><button>筛选</button>");
    StringBuilder csv = new StringBuilder("/export.csv?");
    for (String k : List.of("from", "to", "category", "star", "handler")) {
      if (q.get(k) != null) csv.append(k).append('=').append(URLEncoder.encode(q.get(k), StandardCharsets.UTF_8)).append('&');
    }
    b.append("<a href=\"").append(esc(csv.substring(0, csv.length() - 1))).append("\">导出筛选结果 CSV</a></form>");
  }

  /**
   * Received, closed, overdue, 满意率 (ratings of 4–5 ÷ rated) and 重办 (reopenings, and cases reopened) per key;
   * merged cases count with the case they were merged into.
   */
  private static void figures(StringBuilder b, String title, List<CaseRecord> all, Map<String, Integer> reopens,
                              Instant now, Function<CaseRecord, String> key) {
    Map<String, long[]> m = new TreeMap<>();
    for (CaseRecord r : all) {
      if (r.status() == CaseStatus.MERGED) continue;
      long[] c = m.computeIfAbsent(key.apply(r), k -> new long[7]);
      int again = reopens.getOrDefault(r.id(), 0);
      c[5] += again;
      if (again > 0) c[6]++;
      c[0]++;
      if (r.status() == CaseStatus.CLOSED) c[1]++;
      if (r.isOverdue(now)) c[2]++;
      if (r.rating() != null) {
        c[3]++;
        if (r.rating() >= 4) c[4]++;
      }
    }
    long max = m.values().stream().mapToLong(c -> c[0]).max().orElse(1);
    b.append("<h2>").append(esc(title)).append("</h2>");
    if (m.isEmpty()) {
      b.append("<p class=\"muted\">没有数据。</p>");
      return;
    }
    b.append("<table class=\"list\"><tr><th>").append(esc(title.substring(1))).append("</th><th>受理</th><th>办结</th>"
        + "<th>超期</th><th>满意率</th><th>重办</th><th></th></tr>");
    for (Map.Entry<String, long[]> e : m.entrySet()) {
      long[] c = e.getValue();
      b.append("<tr><td><b>").append(esc(e.getKey())).append("</b></td><td class=\"n\" data-label=\"受理\">").append(c[0])
          .append("</td><td class=\"n\" data-label=\"办结\">").append(c[1]).append("</td><td class=\"n\" data-label=\"超期\">")
          .append(c[2]).append("</td><td class=\"n\" data-label=\"满意率\">")
          .append(c[3] == 0 ? "—" : Html.pct((double) c[4] / c[3]) + "（" + c[4] + "/" + c[3] + "）")
          .append("</td><td class=\"n\" data-label=\"重办\">").append(c[5] == 0 ? "0" : c[5] + " 次/" + c[6] + " 件")
          .append("</td><td><span class=\"hb\" style=\"width:")
          .append(Math.max(1, c[0] * 100 / Math.max(1, max))).append("%\"></span></td></tr>");
    }
    b.append("</table>");
  }

  /** Received, closed and overdue per week (Monday to Sunday) for the last 8 weeks, as an SVG column chart. */
  static String weekly(List<CaseRecord> all, Instant now) {
    LocalDate monday = LocalDate.ofInstant(now, CaseService.ZONE).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    int weeks = 8;
    long[][] v = new long[weeks][3];
    LocalDate first = monday.minusWeeks(weeks - 1);
    for (CaseRecord r : all) {
      if (r.status() == CaseStatus.MERGED) continue;
      int w = week(first, day(r.createdAt()), weeks);
      if (w >= 0) v[w][0]++;
      if (r.closedAt() != null && (w = week(first, day(r.closedAt()), weeks)) >= 0) v[w][1]++;
      // overdue in the week its deadline passed, when it was still waiting on staff then
      boolean lateThen = r.closedAt() == null ? r.isOverdue(now) || (r.status() == CaseStatus.ANSWERED && now.isAfter(r.dueAt()))
          : r.closedAt().isAfter(r.dueAt());
      if (lateThen && r.dueAt().isBefore(now) && (w = week(first, day(r.dueAt()), weeks)) >= 0) v[w][2]++;
    }
    List<String> labels = new ArrayList<>();
    for (int i = 0; i < weeks; i++) {
      LocalDate d = first.plusWeeks(i);
      labels.add(d.getMonthValue() + "/" + d.getDayOfMonth());
    }
    return SvgCharts.columns("近 8 周受理、办结、超期（按周，周一起）", List.of("受理", "办结", "超期"), labels, v);
  }

  private static int week(LocalDate first, LocalDate d, int weeks) {
    if (d.isBefore(first)) return -1;
    long w = ChronoUnit.WEEKS.between(first, d);
    return w < weeks ? (int) w : -1;
  }
}
