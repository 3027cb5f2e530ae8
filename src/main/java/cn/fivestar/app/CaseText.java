package cn.fivestar.app;

import cn.fivestar.infra.*;
import cn.fivestar.cases.*;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/** Human-readable renderings for the command line (Chinese labels). */
final class CaseText {
  private CaseText() {}

  /** The whole case for staff who open it (personal data in clear). */
  static String show(CaseRecord r, List<CaseHistoryEntry> history, Instant now) {
    StringBuilder sb = new StringBuilder();
    sb.append("诉求 ").append(r.id()).append("  【").append(r.status().label()).append("】");
    if (r.mergedInto() != null) sb.append(" → 已合并到 ").append(r.mergedInto());
    sb.append('\n');
    sb.append("类型：").append(r.kind().label()).append("    分类：").append(r.category())
        .append(r.star() == null ? "" : "（" + r.star() + "）").append(r.village() ? "    村" : "    社区").append('\n');
    sb.append("反映人：").append(or(r.displayName())).append("    电话：").append(or(r.phone()))
        .append("    渠道：").append(r.channel()).append("（用户 ").append(r.userId())
        .append(r.chatId() == null ? "" : "，会话 " + r.chatId()).append("）\n");
    sb.append("地点：").append(or(r.location())).append('\n');
    sb.append("受理：").append(CasesCommand.TIME.format(r.createdAt()))
        .append("    办理时限：").append(CasesCommand.DATE.format(r.dueAt())).append(" 当天内")
        .append(r.isOverdue(now) ? "（已超期）" : "")
        .append("    承办人：").append(or(r.assignee())).append('\n');
    if (r.closedAt() != null) sb.append("办结：").append(CasesCommand.TIME.format(r.closedAt())).append('\n');
    sb.append("内容：\n").append(indent(r.text()));
    if (!r.photoIds().isEmpty()) sb.append("照片：").append(r.photoIds().size()).append(" 张\n");
    section(sb, "答复（居民可见）", r.replies());
    section(sb, "内部备注", r.notes());
    if (!r.followers().isEmpty()) {
      sb.append("关注人：");
      r.followers().forEach(f -> sb.append(f.channel()).append(':').append(f.userId()).append(' '));
      sb.append('\n');
    }
    if (r.rating() != null) {
      sb.append("评价：").append(r.rating()).append(" 分").append(r.ratingComment() == null ? "" : "，" + r.ratingComment())
          .append('\n');
    }
    sb.append("处理记录：\n");
    TextTable t = new TextTable("时间", "操作人", "操作", "状态", "说明");
    for (CaseHistoryEntry e : history) {
      String st = e.from() == null || e.from() == e.to() ? e.to().label() : e.from().label() + " → " + e.to().label();
      t.add(CasesCommand.TIME.format(e.at()), e.actor(), e.action().label(), st,
          e.note() == null ? "" : CaseRecord.summarize(e.note(), 60));
    }
    t.render().lines().forEach(l -> sb.append("  ").append(l).append('\n'));
    return sb.toString();
  }

  static String stats(CaseStatistics s) {
    StringBuilder sb = new StringBuilder();
    sb.append("统计区间（按受理日期）：").append(s.from() == null ? "最早" : s.from()).append(" 至 ")
        .append(s.to() == null ? "今天" : s.to()).append('\n');
    CaseStatistics.Group o = s.overall();
    sb.append("诉求总数 ").append(o.total()).append("；按状态：");
    s.byStatus().forEach((k, v) -> sb.append(k.label()).append(' ').append(v).append("  "));
    sb.append('\n');
    sb.append("响应率 ").append(pct(o.responseRate())).append("（").append(o.respondedInTime()).append('/')
        .append(o.responseCounted()).append("）  解决率 ").append(pct(o.resolutionRate())).append("（").append(o.closed())
        .append('/').append(o.total() - o.merged()).append("）  满意率 ").append(pct(o.satisfactionRate())).append("（")
        .append(o.satisfied()).append('/').append(o.rated()).append("）  平均办结用时 ").append(hours(o.avgHoursToClose()))
        .append("  超期 ").append(o.overdue()).append("  重办 ").append(o.reopens()).append(" 次（")
        .append(o.reopened()).append(" 件）").append('\n');
    sb.append("\n按分类：\n").append(groups("分类", s.byCategory()));
    sb.append("\n按星：\n").append(groups("星", s.byStar()));
    sb.append("\n按承办人：\n").append(groups("承办人", s.byHandler()));
    sb.append("\n说明：响应率 = 受理后第 1 个工作日结束前已派单/办理/答复/合并的 ÷ 已到响应期限或已响应的；"
        + "解决率 = 已办结 ÷（总数 − 已合并）；满意率 = 评 4–5 分 ÷ 已评价（满意/已评价）；超期 = 仍待办理且已过办理时限；"
        + "重办 = 办结后重新交办的次数（件数 = 至少重办过一次的诉求）；承办人 = 现在的承办人。\n");
    return sb.toString();
  }

  private static String groups(String name, java.util.Map<String, CaseStatistics.Group> groups) {
    if (groups.isEmpty()) return "  （无）\n";
    TextTable t = new TextTable(name, "总数", "响应率", "解决率", "满意率", "满意/已评价", "平均办结用时", "超期", "重办次数",
        "重办件数");
    groups.forEach((k, g) -> t.add(k, Long.toString(g.total()), pct(g.responseRate()), pct(g.resolutionRate()),
        pct(g.satisfactionRate()), g.satisfied() + "/" + g.rated(), hours(g.avgHoursToClose()),
        Long.toString(g.overdue()), Long.toString(g.reopens()), Long.toString(g.reopened())));
    StringBuilder sb = new StringBuilder();
    t.render().lines().forEach(l -> sb.append("  ").append(l).append('\n'));
    return sb.toString();
  }

  private static String pct(Double v) {
    return v == null ? "—" : String.format(Locale.ROOT, "%.1f%%", v * 100);
  }

  private static String hours(Double v) {
    return v == null ? "—" : String.format(Locale.ROOT, "%.1f 小时", v);
  }

  private static void section(StringBuilder sb, String title, List<CaseMessage> list) {
    if (list.isEmpty()) return;
    sb.append(title).append("：\n");
    for (CaseMessage m : list) {
      sb.append("  ").append(CasesCommand.TIME.format(m.at())).append(' ').append(m.author()).append("：\n")
          .append(indent(m.text()).replaceAll("(?m)^", "  "));
    }
  }

  private static String indent(String text) {
    StringBuilder sb = new StringBuilder();
    text.lines().forEach(l -> sb.append("  ").append(l).append('\n'));
    return sb.toString();
  }

  private static String or(String s) {
    return s == null ? "—" : s;
  }
}
