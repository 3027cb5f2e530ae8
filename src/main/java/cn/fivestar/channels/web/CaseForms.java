package cn.fivestar.channels.web;

import static cn.fivestar.channels.web.Html.esc;

import cn.fivestar.accounts.Account;
import cn.fivestar.accounts.Accounts;
import cn.fivestar.cases.CaseRecord;
import cn.fivestar.cases.CaseService;
import cn.fivestar.cases.CaseStatus;
import cn.fivestar.conversation.Notifier;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The workbench's forms: the case page with the actions this person may take on it now, and the 接办/催办 buttons
 * in lists. Each form posts to /cases/{id}/{action} (see {@link CaseActions}) and carries the session's CSRF token.
 */
final class CaseForms {
  /** What the case page says after each action (?done=ACTION). */
  private static final Map<String, String> DONE = Map.of(
      "take", "已接办，状态改为办理中。", "assign", "已派单。", "reply", "答复已发出，居民会通过其反映问题的渠道收到。",
      "status", "状态已更新。", "note", "备注已保存（居民看不到）。", "merge", "已合并。", "reopen", "已重办。",
      "urge", "已催办，承办人会收到提醒。");

  private final CaseService cases;
  private final Accounts accounts;
  private final Notifier notifier;

  CaseForms(CaseService cases, Accounts accounts, Notifier notifier) {
    this.cases = cases;
    this.accounts = accounts;
    this.notifier = notifier;
  }

  /** Whether 催办 is offered: to supervisors, when there is a way to reach the handler. */
  boolean canUrge(Who who) {
    return who.supervisor() && notifier != null;
  }

  /** The case page; done names the action just taken (null: none), phoneHtml replaces the masked number. */
  String detail(CaseRecord r, Who who, String done, String phoneHtml) {
    String flash = done == null ? null : DONE.get(done);
    return CasePages.detail(r, cases.history(r.id()), cases.clock().instant(), flash,
        phoneHtml != null ? phoneHtml : phoneButton(r, who), actions(r, who));
  }

  /** A case table with a 催办 button per case for those who may urge. */
  void urgeTable(StringBuilder b, List<CaseRecord> list, Instant now, Who who) {
    boolean urge = canUrge(who);
    CasePages.table(b, list, now, true, urge ? "催办" : null, urge ? (r -> r.assignee() == null
        ? "<span class=\"muted\">未派单</span>" : button(r.id(), "urge", "催办", who)) : null);
  }

  /** A one-button form for a list row (nothing for read-only visitors). */
  static String button(String id, String action, String label, Who who) {
    if (!who.canAct()) return "";
    return postTo(esc(id), action) + " style=\"margin:0\">" + csrf(who) + "<button>" + esc(label) + "</button></form>";
  }

  private static String phoneButton(CaseRecord r, Who who) {
    String masked = r.maskedPhone() == null ? "—" : esc(r.maskedPhone());
    if (r.phone() == null || !who.canAct()) return masked;
    return masked + " " + postTo(esc(r.id()), "phone") + " style=\"display:inline\">" + csrf(who)
        + "<button>查看完整号码（会记入办理记录）</button></form>";
  }

  private String actions(CaseRecord r, Who who) {
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
      moves.remove(CaseStatus.MERGED);  // merging needs the other case's number: its own form below
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
    if (canUrge(who) && r.isOpen() && r.assignee() != null) {
      form(b, id, "urge", "催办", who, "<label>催办说明 <input name=\"text\" maxlength=\"500\" placeholder=\"请尽快办理\">"
          + "</label>", "催办");
    }
    return b.append("</div>").toString();
  }

  /** One titled action form on the case page; id is already escaped. */
  private static void form(StringBuilder b, String id, String action, String title, Who who, String fields,
                           String button) {
    b.append(postTo(id, action)).append("><h3>").append(esc(title)).append("</h3>").append(csrf(who)).append(fields)
        .append("<button>").append(esc(button)).append("</button></form>");
  }

  /** The opening of a form posting to an action, left open for its attributes; id is already escaped. */
  private static String postTo(String id, String action) {
    return "<form method=\"post\" action=\"/cases/" + id + "/" + action + "\"";
  }

  private static String csrf(Who who) {
    return "<input type=\"hidden\" name=\"csrf\" value=\"" + esc(who.session().csrf()) + "\">";
  }
}
