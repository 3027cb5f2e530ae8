package cn.fivestar.channels.web;

import static cn.fivestar.channels.web.Html.esc;
import static cn.fivestar.channels.web.Html.masked;
import static cn.fivestar.channels.web.Html.or;
import static cn.fivestar.channels.web.Html.time;

import cn.fivestar.cases.CaseHistoryEntry;
import cn.fivestar.cases.CaseMessage;
import cn.fivestar.cases.CaseRecord;
import cn.fivestar.cases.CaseStatus;
import cn.fivestar.cases.Taxonomy;
import java.time.Instant;
import java.util.List;

/** 案件列表, 超期 and 案件详情. Resident texts are masked (phone/ID numbers) and escaped. */
final class CasePages {
  /** The list filters as typed, to fill the form again. */
  record Filters(String status, String category, String star, boolean overdue, String from, String to) {}

  private CasePages() {}

  /** The filter form and the matching cases; error (when not null) replaces the table. */
  static String list(Taxonomy taxonomy, Filters f, List<CaseRecord> cases, boolean more, Instant now, String error) {
    StringBuilder b = new StringBuilder(16_384);
    b.append("<h1>案件列表</h1><form class=\"f\" method=\"get\" action=\"/cases\">");
    b.append("<label>状态 <select name=\"status\"><option value=\"\">全部</option>");
    for (CaseStatus st : CaseStatus.values()) option(b, st.code(), st.label(), st.code().equals(f.status()) || st.label().equals(f.status()));
    b.append("</select></label><label>分类 <select name=\"category\"><option value=\"\">全部</option>");
    for (String c : taxonomy.categories()) option(b, c, c, c.equals(f.category()));
    b.append("</select></label><label>影响的星 <select name=\"star\"><option value=\"\">全部</option>");
    for (String s : taxonomy.stars()) option(b, s, s, s.equals(f.star()));
    b.append("</select></label><label>受理日期从 <input type=\"date\" name=\"from\" value=\"").append(esc(f.from()))
        .append("\"></label><label>到 <input type=\"date\" name=\"to\" value=\"").append(esc(f.to())).append("\"></label>");
    b.append("<label><input type=\"checkbox\" name=\"overdue\" value=\"1\"")
        .append(f.overdue() ? " checked" : "").append("> 只看超期</label><button>筛选</button></form>");
    if (error != null) {
      b.append("<p class=\"msg\">").append(esc(error)).append("</p>");
    } else {
      b.append("<p>共 ").append(cases.size()).append(more ? "+ 件，只显示前 " + cases.size() + " 件（请缩小筛选范围）" : " 件")
          .append("。</p>");
      table(b, cases, now, false);
    }
    return Html.page("案件列表", "/cases", b.toString());
  }

  private static void table(StringBuilder b, List<CaseRecord> cases, Instant now, boolean withLateness) {
    table(b, cases, now, withLateness, null, null);
  }

  /** The case list: a dense table on a desktop, one card per case on a phone; extra adds a last column (buttons). */
  static void table(StringBuilder b, List<CaseRecord> cases, Instant now, boolean withLateness, String extraTitle,
                    java.util.function.Function<CaseRecord, String> extra) {
    if (cases.isEmpty()) {
      b.append("<p class=\"muted\">没有符合条件的案件。</p>");
      return;
    }
    b.append("<table class=\"list\"><tr><th>编号</th><th>状态</th><th>分类</th><th>影响的星</th><th>受理时间</th><th>办理时限</th>");
    if (withLateness) b.append("<th>超期</th><th>承办人</th>");
    b.append("<th>诉求摘要</th>").append(extra == null ? "" : "<th>" + esc(extraTitle) + "</th>").append("</tr>");
    for (CaseRecord r : cases) {
      boolean late = r.isOverdue(now);
      b.append("<tr><td><a href=\"/cases/").append(esc(r.id())).append("\">").append(esc(r.id())).append("</a></td>")
          .append("<td data-label=\"状态\"><span class=\"st\">").append(esc(r.status().label())).append("</span></td>")
          .append("<td data-label=\"分类\">").append(esc(r.category())).append("</td><td data-label=\"星\">")
          .append(or(r.star())).append("</td><td data-label=\"受理\">").append(time(r.createdAt())).append("</td><td data-label=\"时限\"")
          .append(late ? " class=\"late\" title=\"已超期\"" : "").append('>').append(time(r.dueAt())).append("</td>");
      if (withLateness) {
        b.append("<td class=\"late\" data-label=\"超期\">").append(Html.lateBy(r.dueAt(), now))
            .append("</td><td data-label=\"承办人\">").append(or(r.assignee())).append("</td>");
      }
      b.append("<td class=\"s\">").append(esc(r.summary())).append("</td>");
      if (extra != null) b.append("<td>").append(extra.apply(r)).append("</td>");
      b.append("</tr>");
    }
    b.append("</table>");
  }

  static String detail(CaseRecord r, List<CaseHistoryEntry> history, Instant now) {
    return detail(r, history, now, null, null, "");
  }

  /**
   * The case page; flash (may be null) confirms what was just done, phoneHtml (null: the masked number) replaces the
   * phone cell, actions is the workbench's forms (empty for read-only visitors).
   */
  static String detail(CaseRecord r, List<CaseHistoryEntry> history, Instant now, String flash, String phoneHtml,
                       String actions) {
    StringBuilder b = new StringBuilder(8192);
    b.append("<h1>诉求 ").append(esc(r.id())).append("</h1>");
    if (flash != null) b.append("<p class=\"ok\">").append(esc(flash)).append("</p>");
    b.append("<table class=\"kv\">");
    row(b, "状态", esc(r.status().label()) + (r.isOverdue(now)
        ? " <span class=\"late\">已超期 " + Html.lateBy(r.dueAt(), now) + "</span>" : ""));
    row(b, "类型", esc(r.kind().label()));
    row(b, "分类", esc(r.category()));
    row(b, "影响的星", or(r.star()) + (r.village() ? "（村）" : "（社区）"));
    row(b, "地点", r.location() == null ? "—" : masked(r.location()));
    row(b, "诉求内容", "<div class=\"pre\">" + masked(r.text()) + "</div>");
    row(b, "反映人", r.displayName() == null ? "—" : masked(r.displayName()));
    row(b, "电话", phoneHtml != null ? phoneHtml : or(r.maskedPhone()));
    row(b, "渠道", esc(r.channel()));
    row(b, "照片", r.photoIds().isEmpty() ? "—" : r.photoIds().size() + " 张");
    row(b, "受理时间", time(r.createdAt()));
    row(b, "响应时限", time(r.respondBy()));
    row(b, "办理时限", time(r.dueAt()));
    row(b, "首次响应", time(r.firstResponseAt()));
    row(b, "承办人", r.assignee() == null ? "—" : masked(r.assignee()));
    row(b, "办结时间", time(r.closedAt()));
    if (r.mergedInto() != null) {
      row(b, "合并到", "<a href=\"/cases/" + esc(r.mergedInto()) + "\">" + esc(r.mergedInto()) + "</a>");
    }
    row(b, "满意度", r.rating() == null ? "未评价" : r.rating() + " 分" + (r.ratingComment() == null ? ""
        : "：" + masked(r.ratingComment())));
    row(b, "关注人", r.followers().isEmpty() ? "—" : r.followers().size() + " 位");
    b.append("</table>").append(actions);
    messages(b, "给居民的答复", r.replies());
    messages(b, "内部备注", r.notes());
    b.append("<h2>办理记录</h2><table class=\"list\"><tr><th>时间</th><th>操作人</th><th>操作</th><th>状态</th><th>说明</th></tr>");
    for (CaseHistoryEntry h : history) {
      String status = h.from() == null || h.from() == h.to() ? esc(h.to() == null ? "" : h.to().label())
          : esc(h.from().label()) + " → " + esc(h.to().label());
      b.append("<tr><td>").append(time(h.at())).append("</td><td data-label=\"操作人\">").append(masked(h.actor()))
          .append("</td><td data-label=\"操作\">").append(esc(h.action().label())).append("</td><td data-label=\"状态\">")
          .append(status).append("</td><td class=\"pre\">")
          .append(h.note() == null ? "" : masked(h.note())).append("</td></tr>");
    }
    b.append("</table>");
    return Html.page("诉求 " + r.id(), "/cases", b.toString());
  }

  private static void messages(StringBuilder b, String title, List<CaseMessage> list) {
    b.append("<h2>").append(title).append("</h2>");
    if (list.isEmpty()) {
      b.append("<p class=\"muted\">暂无。</p>");
      return;
    }
    b.append("<table class=\"list\"><tr><th>时间</th><th>作者</th><th>内容</th></tr>");
    for (CaseMessage m : list) {
      b.append("<tr><td>").append(time(m.at())).append("</td><td data-label=\"作者\">").append(masked(m.author()))
          .append("</td><td class=\"pre\">").append(masked(m.text())).append("</td></tr>");
    }
    b.append("</table>");
  }

  private static void row(StringBuilder b, String label, String html) {
    b.append("<tr><th>").append(label).append("</th><td>").append(html).append("</td></tr>");
  }

  private static void option(StringBuilder b, String value, String label, boolean selected) {
    b.append("<option value=\"").append(esc(value)).append('"').append(selected ? " selected" : "").append('>')
        .append(esc(label)).append("</option>");
  }
}
