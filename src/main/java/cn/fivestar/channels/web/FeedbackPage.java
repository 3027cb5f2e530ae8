package cn.fivestar.channels.web;

import static cn.fivestar.channels.web.Html.esc;

import cn.fivestar.cases.CaseService;
import cn.fivestar.conversation.AnswerLog;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * 回答评价: residents' 有用/没用 votes on knowledge answers — the helpful rate per week as an SVG column chart, the
 * questions with the most 没用 votes (with the reasons given and the documents cited) and the documents cited by
 * unhelpful answers, so staff know which documents to improve. Residents' words are masked and escaped.
 */
final class FeedbackPage {
  static final int WEEKS = 12;
  static final int QUESTIONS = 20;
  static final int DOCUMENTS = 15;

  private FeedbackPage() {}

  static String render(AnswerLog log, Instant now) {
    StringBuilder b = new StringBuilder(16_384);
    b.append("<h1>回答评价</h1>");
    if (log == null) {
      b.append("<p class=\"muted\">这个看板没有接入回答记录。</p>");
      return Html.page("回答评价", "/feedback", b.toString());
    }
    AnswerLog.Totals totals = log.totals();
    List<AnswerLog.Week> weeks = log.weekly(WEEKS, CaseService.ZONE);
    long recent = weeks.stream().mapToLong(AnswerLog.Week::votes).sum();
    long recentUp = weeks.stream().mapToLong(AnswerLog.Week::helpful).sum();
    b.append("<p class=\"muted\">居民在聊天和 Telegram 里对知识问答的回答点「有用」或「没用」（没用时可以写原因）。统计时间 ")
        .append(Html.time(now)).append("。</p>");
    b.append("<div class=\"cards\">");
    Html.card(b, "投票总数", Long.toString(totals.votes()));
    Html.card(b, "有用率（全部）", Html.pct(totals.helpfulRate()));
    Html.card(b, "近 " + WEEKS + " 周投票", Long.toString(recent));
    Html.card(b, "有用率（近 " + WEEKS + " 周）", Html.pct(recent == 0 ? null : (double) recentUp / recent));
    Html.card(b, "没用", Long.toString(totals.votes() - totals.helpful()));
    b.append("</div>");

    List<String> labels = new ArrayList<>();
    List<Double> rates = new ArrayList<>();
    long[] counts = new long[weeks.size()];
    for (int i = 0; i < weeks.size(); i++) {
      AnswerLog.Week w = weeks.get(i);
      labels.add(w.monday().getMonthValue() + "/" + w.monday().getDayOfMonth());
      rates.add(w.helpfulRate());
      counts[i] = w.votes();
    }
    b.append("<h2>每周有用率（近 ").append(WEEKS).append(" 周，周一起）</h2><div class=\"chart\">")
        .append(SvgCharts.rateColumns("近 " + WEEKS + " 周每周有用率", labels, rates, counts)).append("</div>");

    List<AnswerLog.Unhelpful> worst = log.leastHelpful(QUESTIONS);
    b.append("<h2>最常被评「没用」的问题</h2>");
    if (worst.isEmpty()) {
      b.append("<p class=\"muted\">还没有居民评过「没用」。</p>");
    } else {
      b.append("<table class=\"list\"><tr><th>问题</th><th>没用</th><th>有用</th><th>居民说的原因</th><th>引用的文档</th>"
          + "<th>最近一次</th></tr>");
      for (AnswerLog.Unhelpful u : worst) {
        b.append("<tr><td class=\"s\"><b>").append(Html.masked(u.question())).append("</b></td><td class=\"n\" data-label=\"没用\">")
            .append(u.unhelpful()).append("</td><td class=\"n\" data-label=\"有用\">").append(u.helpful())
            .append("</td><td class=\"s\" data-label=\"原因\">");
        if (u.reasons().isEmpty()) b.append("—");
        else b.append(join(u.reasons(), true));
        b.append("</td><td class=\"s\" data-label=\"引用\">").append(u.cited().isEmpty() ? "（未引用文档）" : join(u.cited(), false))
            .append("</td><td data-label=\"最近一次\">").append(Html.time(u.lastVote())).append("</td></tr>");
      }
      b.append("</table>");
    }

    List<AnswerLog.DocumentVotes> docs = log.documents(DOCUMENTS);
    b.append("<h2>评「没用」的回答引用的文档</h2>");
    if (docs.isEmpty()) {
      b.append("<p class=\"muted\">暂无。</p>");
    } else {
      b.append("<table class=\"list\"><tr><th>文档</th><th>没用</th><th>有用</th><th>有用率</th></tr>");
      for (AnswerLog.DocumentVotes d : docs) {
        long n = d.unhelpful() + d.helpful();
        b.append("<tr><td class=\"s\"><b>").append(esc(d.title())).append("</b></td><td class=\"n\" data-label=\"没用\">")
            .append(d.unhelpful()).append("</td><td class=\"n\" data-label=\"有用\">").append(d.helpful())
            .append("</td><td class=\"n\" data-label=\"有用率\">").append(Html.pct(n == 0 ? null : (double) d.helpful() / n))
            .append("</td></tr>");
      }
      b.append("</table>");
    }
    b.append("<p class=\"muted\">问题按原文归组；一个回答引用的每份文档各计一次。改进文档后重建索引，之后的回答会记下新的索引版本"
        + "（<code>feedback export</code> 可导出全部投票）。电话、身份证号已隐去。</p>");
    return Html.page("回答评价", "/feedback", b.toString());
  }

  /** Items one per line: residents' words masked, document titles escaped. */
  private static String join(List<String> items, boolean resident) {
    StringBuilder sb = new StringBuilder();
    for (String s : items) {
      if (sb.length() > 0) sb.append("<br>");
      sb.append(resident ? "「" + Html.masked(s) + "」" : esc(s));
    }
    return sb.toString();
  }
}
