package cn.fivestar.channels.web;

import static cn.fivestar.channels.web.Html.esc;

import cn.fivestar.accounts.Account;
import cn.fivestar.accounts.Accounts;
import cn.fivestar.cases.CaseRecord;
import cn.fivestar.cases.CaseService;
import cn.fivestar.cases.CaseStatus;
import cn.fivestar.cases.CaseUpdate;
import cn.fivestar.conversation.Notifier;
import cn.fivestar.conversation.Outbound;
import cn.fivestar.infra.PersonalData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The workbench's actions on a case (take, assign, reply, status, note, merge, reopen, urge, show phone). Every
 * change goes through CaseService's public methods under the account's actor "web:NAME", so it lands in the case
 * history and residents hear about it through the store's listeners (their channel's outbox).
 */
final class CaseActions {
  private static final Logger log = LoggerFactory.getLogger(CaseActions.class);
  private static final String TAKEN_BY = "接办人：";

  private final CaseService cases;
  private final Accounts accounts;
  private final Notifier notifier;
  private final CaseForms forms;
  private final PageWriter pages;
  private final Object takeLock = new Object();

  CaseActions(CaseService cases, Accounts accounts, Notifier notifier, CaseForms forms, PageWriter pages) {
    this.cases = cases;
    this.accounts = accounts;
    this.notifier = notifier;
    this.forms = forms;
    this.pages = pages;
  }

  /** POST /cases/{id}/{action}: checks the account and the CSRF token, does it, and goes back to the case page. */
  void post(Exchange ex, Who who, String rest, Query form) {
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
        pages.html(ex, 200, forms.detail(now, who, null, phone), who);
        return;
      }
      default -> throw HttpError.notFound("没有这个操作。");
    }
    ex.redirect("/cases/" + r.id() + "?done=" + action);
  }

  /** "I handle it", as /take in chat: assigned to me and in progress, in whatever steps the status allows. */
  private void take(CaseRecord r, Account a) {
    synchronized (takeLock) {  // two people pressing 接办 at once: the second sees the first's status
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
}
