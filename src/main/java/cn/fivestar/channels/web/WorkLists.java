package cn.fivestar.channels.web;

import cn.fivestar.accounts.Account;
import cn.fivestar.cases.CaseException;
import cn.fivestar.cases.CaseFilter;
import cn.fivestar.cases.CaseRecord;
import cn.fivestar.cases.CaseService;
import cn.fivestar.cases.CaseStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The list pages: 待接办, 我的案件, 超期 (with 催办) and the filtered 案件列表. */
final class WorkLists {
  private static final int MAX = 500;

  private final CaseService cases;
  private final CaseForms forms;

  WorkLists(CaseService cases, CaseForms forms) {
    this.cases = cases;
    this.forms = forms;
  }

  /** 待接办: received or returned cases nobody has, and cases assigned to me not yet taken. */
  String waiting(Who who, Instant now) {
    List<CaseRecord> list = new ArrayList<>();
    list.addAll(cases.list(CaseFilter.all().withStatus(CaseStatus.RECEIVED).withLimit(MAX)));
    list.addAll(cases.list(CaseFilter.all().withStatus(CaseStatus.RETURNED).withLimit(MAX)));
    for (String me : myActors(who.account())) {
      list.addAll(cases.list(CaseFilter.all().withStatus(CaseStatus.ASSIGNED).withAssignee(me).withLimit(MAX)));
    }
    list.sort(Comparator.comparing(CaseRecord::dueAt));
    StringBuilder b = new StringBuilder(8192);
    b.append("<h1>待接办</h1><p>新受理、被退回或派给我还没接办的案件共 ").append(list.size()).append(" 件，时限最近的在前。</p>");
    CasePages.table(b, list, now, false, "操作", r -> CaseForms.button(r.id(), "take", "接办", who));
    return Html.page("待接办", "/work", b.toString());
  }

  /** 我的案件: open cases whose handler is me (my web account, or my linked Telegram user). */
  String mine(Who who, Instant now) {
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
  String overdue(Who who, Instant now) {
    List<CaseRecord> list = cases.overdue();
    StringBuilder b = new StringBuilder(8192);
    b.append("<h1>超期案件</h1><p>仍待办理且已过办理时限的案件共 ").append(list.size()).append(" 件，超期最久的排在最前。</p>");
    forms.urgeTable(b, list, now, who);
    return Html.page("超期", "/overdue", b.toString());
  }

  /** 案件列表: at most MAX cases; a bad filter value shows the form again with the message (400), not an error page. */
  void caseList(Exchange ex, PageWriter pages, Query q, Instant now, Who who) {
    CasePages.Filters typed = new CasePages.Filters(q.get("status"), q.get("category"), q.get("star"),
        "1".equals(q.get("overdue")), q.get("from"), q.get("to"));
    try {
      Query.Dates dates = q.dates();
      boolean overdue = q.flag("overdue", "「只看超期」");  // a bad flag is reported before a bad status
      CaseFilter f = CaseQuery.common(q, dates).withOverdue(overdue).withLimit(MAX + 1);
      List<CaseRecord> found = cases.list(f);
      boolean more = found.size() > MAX;
      pages.html(ex, 200, CasePages.list(cases.taxonomy(), typed, more ? found.subList(0, MAX) : found, more, now, null), who);
    } catch (HttpError | CaseException e) {
      pages.html(ex, 400, CasePages.list(cases.taxonomy(), typed, List.of(), false, now, e.getMessage()), who);
    }
  }

  /** The actors a person works as: web:NAME, and telegram:ID when linked. */
  private static List<String> myActors(Account a) {
    List<String> out = new ArrayList<>();
    out.add(a.actor());
    if (a.telegramActor() != null) out.add(a.telegramActor());
    return out;
  }
}
