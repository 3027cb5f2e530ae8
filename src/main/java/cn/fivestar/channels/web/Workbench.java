package cn.fivestar.channels.web;

import static cn.fivestar.channels.web.Html.esc;

import cn.fivestar.accounts.Account;
import cn.fivestar.accounts.Accounts;
import cn.fivestar.cases.CaseFilter;
import cn.fivestar.cases.CaseRecord;
import cn.fivestar.cases.CaseService;
import cn.fivestar.cases.CaseStatistics;
import cn.fivestar.cases.CaseStatus;
import cn.fivestar.cases.CaseUpdate;
import cn.fivestar.conversation.Notifier;
import cn.fivestar.conversation.Outbound;
import cn.fivestar.infra.PersonalData;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The staff and supervisor workbench: 待接办, 我的案件, 超期 with 催办, the case page's actions (take, assign, reply,
 * status, note, merge, reopen, show phone) and the supervisor's figures. Every change goes through CaseService's
 * public methods under the account's actor "web:NAME", so it lands in the case history and residents hear about it
 * through the store's listeners (their channel's outbox). Forms carry the session's CSRF token.
 */
final class Workbench {
  private static final Logger log = LoggerFactory.getLogger(Workbench.class);
  private static final String TAKEN_BY = "接办人：";
  private static final int MAX = 500;
  private static final Map<String, String> DONE = Map.of(
      "take", "已接办，状态改为办理中。", "assign", "已派单。", "reply", "答复已发出，居民会通过其反映问题的渠道收到。",
      "status", "状态已更新。", "note", "备注已保存（居民看不到）。", "merge", "已合并。", "reopen", "已重办。",
      "urge", "已催办，承办人会收到提醒。");

  private final CaseService cases;
  private final Accounts accounts;
  private final Notifier notifier;
  private final Object takeLock = new Object();

  Workbench(CaseService cases, Accounts accounts, Notifier notifier) {
    this.cases = cases;
    this.accounts = accounts;
    this.notifier = notifier;
  }

  // ------------------------------------------------------------------ lists

  /** 待接办: received or returned cases nobody has, and cases assigned to me not yet taken. */
  String waiting(WebServer.Who who, Instant now) {
    List<CaseRecord> list = new ArrayList<>();
    list.addAll(cases.list(CaseFilter.all().withStatus(CaseStatus.RECEIVED).withLimit(MAX)));
    list.addAll(cases.list(CaseFilter.all().withStatus(CaseStatus.RETURNED).withLimit(MAX)));
    for (String me : myActors(who.account())) {
      list.addAll(cases.list(CaseFilter.all().withStatus(CaseStatus.ASSIGNED).withAssignee(me).withLimit(MAX)));
    }
    list.sort(Comparator.comparing(CaseRecord::dueAt));
    StringBuilder b = new StringBuilder(8192);
    b.append("<h1>待接办</h1><p>新受理、被退回或派给我还没接办的案件共 ").append(list.size()).append(" 件，时限最近的在前。</p>");
    CasePages.table(b, list, now, false, "操作", r -> actionButton(r.id(), "take", "接办", who));
    return Html.page("待接办", "/work", b.toString());
  }

  /** 我的案件: open cases whose handler is me (my web account, or my linked Telegram user). */
  String mine(WebServer.Who who, Instant now) {
    Map<String, CaseRecord> mine = new LinkedHashMap<>();
    for (String me : myActors(who.account())) {
      cases.list(CaseFilter.all().withAssignee(me).withOpenOnly(true).withLimit(MAX)).forEach(r -> mine.putIfAbsent(r.id(), r));
    }
    List<CaseRecord> list = new ArrayList<>(mine.values());
    list.sort(Comparator.comparing(CaseRecord::dueAt));
    StringBuilder b = new StringBuilder(8192);
    b.append("<h1>我的案件</h1><p>由我承办、尚未办结的案件共 ").append(list.size()).append(" 件，时限最近的在前。</p>");
    CasePages.table(b, list, now, false, null, null);
    return Html.page("我的案件", "/work/mine", b.toString());
  }

  /** 超期, with a 催办 button for supervisors. */
  String overdue(WebServer.Who who, Instant now) {
    List<CaseRecord> list = cases.overdue();
    StringBuilder b = new StringBuilder(8192);
    b.append("<h1>超期案件</h1><p>仍待办理且已过办理时限的案件共 ").append(list.size()).append(" 件，超期最久的排在最前。</p>");
    urgeTable(b, list, now, who);
    return Html.page("超期", "/overdue", b.toString());
  }

  private void urgeTable(StringBuilder b, List<CaseRecord> list, Instant now, WebServer.Who who) {
    boolean urge = who.supervisor() && notifier != null;
    CasePages.table(b, list, now, true, urge ? "催办" : null, urge ? (r -> r.assignee() == null
        ? "<span class=\"muted\">未派单</span>" : actionButton(r.id(), "urge", "催办", who)) : null);
  }

  private static String actionButton(String id, String action, String label, WebServer.Who who) {
    if (!who.canAct()) return "";
    return "<form method=\"post\" action=\"/cases/" + esc(id) + "/" + action + "\" style=\"margin:0\">" + csrf(who)
        + "<button>" + esc(label) + "</button></form>";
  }

  private static String csrf(WebServer.Who who) {
    return "<input type=\"hidden\" name=\"csrf\" value=\"" + esc(who.session().csrf()) + "\">";
  }

  /** The actors a person works as: web:NAME, and telegram:ID when linked. */
  private static List<String> myActors(Account a) {
    List<String> out = new ArrayList<>();
    out.add(a.actor());
    if (a.telegramActor() != null) out.add(a.telegramActor());
    return out;
  }

  // ------------------------------------------------------------------ case page

  String detail(CaseRecord r, WebServer.Who who, String done, String phoneHtml) {
    String flash = done == null ? null : DONE.get(done);
    return CasePages.detail(r, cases.history(r.id()), cases.clock().instant(), flash,
        phoneHtml != null ? phoneHtml : phoneButton(r, who), actions(r, who));
  }

  private static String phoneButton(CaseRecord r, WebServer.Who who) {
    String masked = r.maskedPhone() == null ? "—" : esc(r.maskedPhone());
    if (r.phone() == null || !who.canAct()) return masked;
    return masked + " <form method=\"post\" action=\"/cases/" + esc(r.id()) + "/phone\" style=\"display:inline\">"
        + csrf(who) + "<button>查看完整号码（会记入办理记录）</button></form>";
  }

  private String actions(CaseRecord r, WebServer.Who who) {
    if (!who.canAct()) return "";
    String id = esc(r.id());
    StringBuilder b = new StringBuilder(4096);
    b.append("<div class=\"acts\">");
    CaseStatus st = r.status();
    if (st == CaseStatus.RECEIVED || st == CaseStatus.RETURNED || st == CaseStatus.ASSIGNED) {
      form(b, id, "take", "接办", who, "<p class=\"muted\">由我办理，状态改为办理中。</p>", "接办");
    }
    if (who.supervisor() && r.isOpen() && accounts != null) {
      StringBuilder sel = new StringBuilder("<label>承办人 <select name=\"assignee\" required>");
      for (Account a : accounts.list()) {
        sel.append("<option value=\"").append(esc(a.name())).append("\"").append(a.actor().equals(r.assignee()) ? " selected" : "")
            .append('>').append(esc(a.name())).append("（").append(a.role().label()).append("）</option>");
      }
      form(b, id, "assign", "派单", who, sel.append("</select></label>").toString(), "派单");
    }
    if (r.isOpen()) {
      form(b, id, "reply", "答复居民", who, "<label>答复内容（居民会收到）<textarea name=\"text\" required maxlength=\"1500\">"
          + "</textarea></label>", "发送答复");
      List<CaseStatus> moves = new ArrayList<>(st.next());
      moves.remove(CaseStatus.MERGED);
      if (!moves.isEmpty()) {
        StringBuilder sel = new StringBuilder("<label>新状态 <select name=\"to\">");
        for (CaseStatus m : moves) {
          sel.append("<option value=\"").append(m.code()).append("\">").append(esc(m.label())).append("</option>");
        }
        sel.append("</select></label><label>说明（退回时必填）<input name=\"note\" maxlength=\"1500\"></label>");
        form(b, id, "status", "改状态", who, sel.toString(), "更改状态");
      }
      form(b, id, "merge", "合并到另一件", who, "<label>主案件编号 <input name=\"into\" required "
          + "pattern=\"\\d{8}-\\d{4,}\" placeholder=\"20260105-0001\"></label>", "合并");
    }
    if (st == CaseStatus.CLOSED) {
      form(b, id, "reopen", "重办", who, "<label>重办原因 <input name=\"reason\" required maxlength=\"1500\"></label>", "重办");
    }
    form(b, id, "note", "内部备注", who, "<label>备注（居民看不到）<textarea name=\"text\" required maxlength=\"1500\">"
        + "</textarea></label>", "保存备注");
    if (who.supervisor() && notifier != null && r.isOpen() && r.assignee() != null) {
      form(b, id, "urge", "催办", who, "<label>催办说明 <input name=\"text\" maxlength=\"500\" placeholder=\"请尽快办理\">"
          + "</label>", "催办");
    }
    return b.append("</div>").toString();
  }

  private static void form(StringBuilder b, String id, String action, String title, WebServer.Who who, String fields,
                           String button) {
    b.append("<form method=\"post\" action=\"/cases/").append(id).append('/').append(action).append("\"><h3>")
        .append(esc(title)).append("</h3>").append(csrf(who)).append(fields).append("<button>").append(esc(button))
        .append("</button></form>");
  }

  // ------------------------------------------------------------------ actions

  /** POST /cases/{id}/{action}: checks the account and the CSRF token, does it, and goes back to the case page. */
  void post(WebServer.Exchange ex, WebServer.Who who, String rest, Query form) {
    if (!who.canAct()) throw new HttpError(403, "这个操作需要用个人账号登录（只凭访问口令只能查看）。");
    if (!WebAccess.csrfMatches(who.session(), form.get("csrf"))) {
      throw new HttpError(403, "页面已过期或请求不是从本系统的页面发出的，请刷新页面后重试。");
    }
    int slash = rest.lastIndexOf('/');
    if (slash <= 0) throw HttpError.notFound("没有这个操作。");
    String id = rest.substring(0, slash);
    String action = rest.substring(slash + 1);
    String me = who.actor();
    CaseRecord r = cases.find(id).orElseThrow(() -> HttpError.notFound("找不到编号为 " + Query.clip(id) + " 的诉求。"));
    switch (action) {
      case "take" -> take(r, who.account());
      case "assign" -> {
        if (!who.supervisor()) throw new HttpError(403, "只有督办人员可以派单。");
        Account to = accounts.find(form.get("assignee")).orElseThrow(() -> HttpError.badRequest("请选择承办人。"));
        cases.assign(r.id(), to.actor(), me);
      }
      case "reply" -> cases.reply(r.id(), me, form.get("text"));
      case "status" -> cases.transition(r.id(), CaseStatus.parse(form.get("to")), me, form.get("note"));
      case "note" -> cases.addNote(r.id(), me, form.get("text"));
      case "merge" -> {
        String into = form.get("into");
        if (into == null) throw HttpError.badRequest("请填写要合并到的案件编号。");
        cases.merge(r.id(), into, me);
      }
      case "reopen" -> cases.reopen(r.id(), me, form.get("reason"));
      case "urge" -> {
        if (!who.supervisor()) throw new HttpError(403, "只有督办人员可以催办。");
        urge(r, who.account(), form.get("text"));
      }
      case "phone" -> {
        // a deliberate look at the number is itself recorded (internal note, under the account's name)
        cases.addNote(r.id(), me, "查看了居民的完整电话号码");
        log.info("web: {} viewed the phone number of case {}", me, r.id());
        CaseRecord now = cases.get(r.id());
        String phone = now.phone() == null ? "—" : "<b>" + esc(now.phone()) + "</b>";
        ex.responseHeaders().put("Cache-Control", "no-store");
        webHtml(ex, who, detail(now, who, null, phone));
        return;
      }
      default -> throw HttpError.notFound("没有这个操作。");
    }
    WebServer.redirect(ex, "/cases/" + r.id() + "?done=" + action);
  }

  private WebServer server;

  void attach(WebServer server) {
    this.server = server;
  }

  private void webHtml(WebServer.Exchange ex, WebServer.Who who, String page) {
    server.html(ex, 200, page, who);
  }

  /** "I handle it", as /take in chat: assigned to me and in progress, in whatever steps the status allows. */
  private void take(CaseRecord r, Account a) {
    synchronized (takeLock) {
      CaseRecord now = cases.get(r.id());
      String me = a.actor();
      String note = TAKEN_BY + a.name();
      switch (now.status()) {
        case RECEIVED, ASSIGNED -> cases.update(now.id(),
            CaseUpdate.by(me).withAssignee(me).withStatus(CaseStatus.IN_PROGRESS).withNote(note));
        case RETURNED -> {
          cases.assign(now.id(), me, me);
          cases.update(now.id(), CaseUpdate.by(me).withStatus(CaseStatus.IN_PROGRESS).withNote(note));
        }
        default -> throw HttpError.badRequest("诉求 " + now.id() + " 目前是「" + now.status().label()
            + "」，" + (now.assignee() == null ? "" : "承办人 " + now.assignee() + "，") + "不能再接办。");
      }
    }
  }

  /**
   * 催办: the handler hears it where they work: a Telegram handler (or a web account linked to Telegram) in their
   * private chat, anyone else through the staff group; the history records it with whom it went to.
   */
  private void urge(CaseRecord r, Account by, String text) {
    if (r.assignee() == null) throw HttpError.badRequest("这件诉求还没有承办人，请先派单。");
    String msg = "【催办】" + by.name() + " 请您尽快办理诉求 " + r.id() + "｜" + r.category() + "｜"
        + PersonalData.mask(r.summary()) + (r.isOverdue(cases.clock().instant()) ? "（已超期）" : "")
        + (text == null ? "" : "\n" + text) + "\n发送 /show " + r.id() + " 查看详情。";
    String where;
    String a = r.assignee();
    String telegram = null;
    if (a.startsWith("telegram:")) telegram = a.substring("telegram:".length());
    else if (a.startsWith(Account.ACTOR_PREFIX) && accounts != null) {
      telegram = accounts.find(a.substring(Account.ACTOR_PREFIX.length())).map(Account::telegramId).orElse(null);
    }
    if (telegram != null) {
      notifier.toChat("telegram", telegram, Outbound.text(msg));
      where = "已通过 Telegram 私聊提醒承办人 " + a;
    } else {
      notifier.toStaff(Outbound.text(msg));
      where = "已在工作人员群提醒承办人 " + a;
    }
    cases.addNote(r.id(), by.actor(), "催办：" + (text == null ? "请尽快办理" : text) + "（" + where + "）");
  }

  // ------------------------------------------------------------------ supervisor

  /** The cases of the filter form (/sup and /export.csv): dates, category, star, handler, status, overdue. */
  List<CaseRecord> filtered(Query q, LocalDate from, LocalDate to) {
    CaseFilter f = CaseFilter.all().withDates(from, to);
    if (q.get("category") != null) f = f.withCategory(q.get("category"));
    if (q.get("star") != null) f = f.withStar(q.get("star"));
    if (q.get("handler") != null) f = f.withAssignee(q.get("handler"));
    if (q.get("status") != null) f = f.withStatus(CaseStatus.parse(q.get("status")));
    if ("1".equals(q.get("overdue"))) f = f.withOverdue(true);
    return cases.list(f);
  }

  String supervisor(WebServer.Who who, Query q, Instant now) {
    LocalDate from = q.date("from", "开始日期");
    LocalDate to = q.date("to", "结束日期");
    if (from != null && to != null && from.isAfter(to)) throw HttpError.badRequest("开始日期不能晚于结束日期。");
    List<CaseRecord> all = filtered(q, from, to);
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
    card(b, "今日受理", receivedToday);
    card(b, "今日办结", closedToday);
    card(b, "待接办", waiting);
    card(b, "在办", open);
    card(b, "超期", late.size());
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
    urgeTable(b, late, now, who);
    return Html.page("督办", "/sup", b.toString());
  }

  private static LocalDate day(Instant t) {
    return LocalDate.ofInstant(t, CaseService.ZONE);
  }

  private static void card(StringBuilder b, String label, long v) {
    b.append("<div class=\"card\"><div>").append(esc(label)).append("</div><div class=\"v\">").append(v).append("</div></div>");
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
      if (q.get(k) != null) csv.append(k).append('=').append(java.net.URLEncoder.encode(q.get(k), java.nio.charset.StandardCharsets.UTF_8)).append('&');
    }
    b.append("<a href=\"").append(esc(csv.substring(0, csv.length() - 1))).append("\">导出筛选结果 CSV</a></form>");
  }

  /**
   * Received, closed, overdue, 满意率 (ratings of 4–5 ÷ rated) and 重办 (reopenings, and cases reopened) per key;
   * merged cases count with the case they were merged into.
   */
  private static void figures(StringBuilder b, String title, List<CaseRecord> all, Map<String, Integer> reopens,
                              Instant now, java.util.function.Function<CaseRecord, String> key) {
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
    long w = java.time.temporal.ChronoUnit.WEEKS.between(first, d);
    return w < weeks ? (int) w : -1;
  }
}
