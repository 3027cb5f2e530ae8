package cn.fivestar.conversation;

import cn.fivestar.cases.CaseException;
import cn.fivestar.cases.CaseFilter;
import cn.fivestar.cases.CaseHistoryEntry;
import cn.fivestar.cases.CaseRecord;
import cn.fivestar.cases.CaseService;
import cn.fivestar.cases.CaseStatistics;
import cn.fivestar.cases.CaseStatus;
import cn.fivestar.cases.CaseUpdate;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Slash commands: /start, /help, /cancel for everyone; case work for staff; review for supervisors. */
final class Commands {
  /** Callback data of the 接办 button on new-case notices: "take:" + tracking number (well under Telegram's 64 bytes). */
  static final String TAKE = "take:";
  private static final String TAKEN_BY = "接办人：";
  private static final int LIST_MAX = 15;

  private final CaseService cases;
  /** Two staff pressing 接办 at once: the second must see the first's take, not overwrite it. */
  private final Object takeLock = new Object();

  /** Runs the 催办 reminders now and says what was sent (the supervisors' /remind); null where not wired. */
  volatile java.util.function.Supplier<String> remind;

  Commands(CaseService cases) {
    this.cases = cases;
  }

  /** Handles a message starting with '/'; the caller resolves /cancel (it touches the dialog state). */
  void handle(Turn t) {
    t.handledAs = HandledAs.COMMAND;
    handle(t, t.text);
  }

  /** Handles the given command line for this turn (a typed one, or the one a keyboard label stands for). */
  void handle(Turn t, String line) {
    t.handledAs = HandledAs.COMMAND;
    String[] parts = line.strip().split("\\s+", 3);
    String command = parts[0].toLowerCase(Locale.ROOT);
    int at = command.indexOf('@');  // Telegram groups: /new@SomeBot
    if (at > 0) command = command.substring(0, at);
    String arg1 = parts.length > 1 ? parts[1] : null;
    String rest = parts.length > 2 ? parts[2] : null;
    switch (command) {
      case "/start" -> t.sayWithKeyboard(Texts.GREETING + "\n\n" + Texts.help(t.role()), Keyboards.forRole(t.role()));
      case "/help", "/帮助" -> t.sayWithKeyboard(Texts.help(t.role()), Keyboards.forRole(t.role()));
      case "/new", "/mine", "/take", "/reply", "/close", "/status", "/note", "/show", "/merge", "/reopen" -> {
        if (!t.role().isStaff()) t.say(Texts.STAFF_ONLY);
        else staff(t, command, arg1, rest);
      }
      case "/overdue", "/stats", "/remind" -> {
        if (t.role() != Role.SUPERVISOR) t.say(t.role().isStaff() ? Texts.SUPERVISOR_ONLY : Texts.STAFF_ONLY);
        else if (command.equals("/remind")) t.say(remind == null ? "催办提醒在这里没有启用。" : remind.get());
        else if (command.equals("/overdue")) t.say(CaseViews.staffList("超期未办结的诉求", cases.overdue(), LIST_MAX));
        else t.say(stats(arg1));
      }
      default -> t.say(Texts.unknownCommand(parts[0]));
    }
  }

  private void staff(Turn t, String command, String id, String rest) {
    String me = t.actor();
    switch (command) {
      case "/new" -> {
        List<CaseRecord> waiting = new ArrayList<>(cases.list(CaseFilter.all().withStatus(CaseStatus.RECEIVED)));
        waiting.addAll(cases.list(CaseFilter.all().withStatus(CaseStatus.RETURNED)));
        t.say(CaseViews.staffList("待派单的诉求", waiting, LIST_MAX)
            + (waiting.isEmpty() ? "" : "\n发送 /take 编号 接办，/show 编号 查看详情。"));
      }
      case "/mine" -> {
        Map<String, CaseRecord> mine = new LinkedHashMap<>();
        for (String who : List.of(me, t.in.displayName() == null ? me : t.in.displayName())) {
          cases.list(CaseFilter.all().withAssignee(who).withOpenOnly(true)).forEach(r -> mine.putIfAbsent(r.id(), r));
        }
        t.say(CaseViews.staffList("我承办的诉求", new ArrayList<>(mine.values()), LIST_MAX));
      }
      case "/take" -> {
        if (id == null) {
          t.say("用法：/take 编号，例如 /take 20260105-0001");
          return;
        }
        CaseRecord r;
        synchronized (takeLock) {
          r = take(id, me, t.in.displayName());
        }
        took(t, r);
      }
      case "/reply" -> {
        if (id == null || rest == null) {
          t.say("用法：/reply 编号 答复内容，例如 /reply 20260105-0001 已安排电工明天上午维修。");
          return;
        }
        CaseRecord r = cases.reply(id, me, rest);
        t.say("已答复 " + r.id() + "（" + r.status().label() + "），居民会收到通知。问题解决后可用 /status " + r.id()
            + " closed 办结。");
      }
      case "/close" -> {
        if (id == null) {
          t.say("用法：/close 编号 办结说明，例如 /close 20260105-0001 路灯已修好。说明会作为处理结果告诉居民。");
          return;
        }
        boolean wasClosed = cases.get(id).status() == CaseStatus.CLOSED;
        CaseRecord r = close(id, me, rest);
        t.say(wasClosed ? r.id() + " 早已办结，没有再改动。" : r.id() + " 已办结，已请居民为处理结果打分。");
      }
      case "/status" -> {
        if (id == null || rest == null) {
          t.say("用法：/status 编号 状态 [说明]，状态可用 in_progress（办理中）、answered（已答复）、closed（已办结）、"
              + "returned（退回，需写明原因）等。");
          return;
        }
        String[] sp = rest.split("\\s+", 2);
        CaseStatus to = CaseStatus.parse(sp[0]);
        CaseRecord r = cases.transition(id, to, me, sp.length > 1 ? sp[1] : null);
        t.say(r.id() + " 已改为「" + r.status().label() + "」。" + (to == CaseStatus.CLOSED ? "已请居民为处理结果打分。" : ""));
      }
      case "/merge" -> {
        String into = rest == null ? null : rest.strip().split("\\s+")[0];
        if (id == null || into == null) {
          t.say("用法：/merge 编号 目标编号，例如 /merge 20260105-0002 20260105-0001（把重复的诉求并入另一件，双方居民都会收到通知）");
          return;
        }
        CaseRecord r = cases.merge(id, into, me);
        t.say(r.id() + " 已并入 " + into + "，反映人和关注人今后会收到 " + into + " 的进展。");
      }
      case "/reopen" -> {
        if (id == null || rest == null) {
          t.say("用法：/reopen 编号 重办原因，例如 /reopen 20260105-0001 回访时居民反映灯还是不亮");
          return;
        }
        CaseRecord r = cases.reopen(id, me, rest);
        t.say(r.id() + " 已重新交办（办理中），新的办结期限 " + CaseViews.day(r.dueAt()) + "。");
      }
      case "/note" -> {
        if (id == null || rest == null) {
          t.say("用法：/note 编号 备注内容（只有工作人员能看到）");
          return;
        }
        CaseRecord r = cases.addNote(id, me, rest);
        t.say("已为 " + r.id() + " 添加备注。");
      }
      case "/show" -> {
        if (id == null) {
          t.say("用法：/show 编号");
          return;
        }
        CaseRecord r = cases.get(id);
        t.say(CaseViews.staffDetail(r, cases.history(r.id())));
      }
      default -> t.say(Texts.unknownCommand(command));
    }
  }

  /**
   * Closes a case, walking the lifecycle as needed: a case not yet answered gets the closing text as its reply
   * (what the resident is told), then is closed; a returned one is taken back first.
   */
  private CaseRecord close(String id, String me, String text) {
    CaseRecord r = cases.get(id);
    if (r.status() == CaseStatus.CLOSED) return r;
    if (r.status() == CaseStatus.RETURNED) r = cases.assign(r.id(), me, me);
    String result = text == null || text.isBlank() ? "已办结" : text;
    CaseUpdate close = CaseUpdate.by(me).withStatus(CaseStatus.CLOSED);
    return cases.update(r.id(), r.status() == CaseStatus.ANSWERED ? close.withNote(result) : close.withReply(result));
  }

  static Button takeButton(String caseId) {
    return new Button("接办", TAKE + caseId);
  }

  /**
   * The 接办 button on a new-case notice (often pressed in the staff group): takes the case like /take, but never
   * from a colleague who already has it; the presser is told who does.
   */
  void pressTake(Turn t, String id) {
    t.handledAs = HandledAs.COMMAND;
    if (!t.role().isStaff()) {
      t.refuse("抱歉，只有社区工作人员可以接办诉求。如果您也遇到了这个问题，可以私聊我反映，我帮您登记。");
      return;
    }
    CaseRecord r;
    synchronized (takeLock) {
      r = cases.get(id.strip());
      String a = r.assignee();
      boolean mine = a == null || a.equals(t.actor()) || a.equals(t.in.displayName());
      if (!mine && r.status() == CaseStatus.IN_PROGRESS) {
        t.refuse("诉求 " + r.id() + " 已由 " + handlerName(r) + " 接办，正在办理，不用重复接办。");
        return;
      }
      if (!mine && r.status() == CaseStatus.ASSIGNED) {
        t.refuse("诉求 " + r.id() + " 已派给 " + handlerName(r) + " 办理，不用重复接办。");
        return;
      }
      if (a != null && a.equals(t.actor()) && r.status() == CaseStatus.IN_PROGRESS) {
        t.say("诉求 " + r.id() + " 您已经接办了，正在办理中。处理后用 /reply " + r.id() + " 答复内容 回复居民。");
        return;
      }
      r = take(r.id(), t.actor(), t.in.displayName());
    }
    took(t, r);
  }

  private static void took(Turn t, CaseRecord r) {
    t.say("已接办 " + r.id() + "，状态：" + r.status().label() + "，期限 " + CaseViews.day(r.dueAt()) + "。\n"
        + "处理后用 /reply " + r.id() + " 答复内容 回复居民。");
  }

  /** The handler as people know them: the name recorded when they took the case in chat, else the assignee. */
  private String handlerName(CaseRecord r) {
    List<CaseHistoryEntry> history = cases.history(r.id());
    for (int i = history.size() - 1; i >= 0; i--) {
      CaseHistoryEntry e = history.get(i);
      if (r.assignee().equals(e.actor()) && e.note() != null && e.note().startsWith(TAKEN_BY)) {
        return e.note().substring(TAKEN_BY.length());
      }
    }
    return r.assignee();
  }

  /**
   * "I handle it": assigns to me and moves it to in progress in whatever steps its status allows; the history notes
   * the person's name, so colleagues are told who has it.
   */
  private CaseRecord take(String id, String me, String name) {
    CaseRecord r = cases.get(id);
    String note = TAKEN_BY + (name == null || name.isBlank() ? me : MessageText.clip(name, 40));
    return switch (r.status()) {
      case RECEIVED, ASSIGNED -> cases.update(r.id(),
          CaseUpdate.by(me).withAssignee(me).withStatus(CaseStatus.IN_PROGRESS).withNote(note));
      case RETURNED -> {
        cases.assign(r.id(), me, me);
        yield cases.transition(r.id(), CaseStatus.IN_PROGRESS, me, note);
      }
      case IN_PROGRESS -> me.equals(r.assignee()) ? r : cases.update(r.id(), CaseUpdate.by(me).withAssignee(me).withNote(note));
      default -> throw new CaseException(CaseException.Reason.ILLEGAL_TRANSITION, "诉求 " + r.id() + " 目前是「" + r.status().label() + "」，不能再接办。");
    };
  }

  private String stats(String arg) {
    boolean all = arg != null && arg.matches("全部|all");
    LocalDate today = LocalDate.ofInstant(cases.clock().instant(), CaseService.ZONE);
    LocalDate from = all ? null : today.withDayOfMonth(1);
    CaseStatistics s = cases.stats(from, all ? null : today);
    StringBuilder b = new StringBuilder(all ? "全部诉求统计" : "本月（" + from.getMonthValue() + "月1日至今）诉求统计");
    CaseStatistics.Group g = s.overall();
    b.append("：共 ").append(g.total()).append(" 件，已办结 ").append(g.closed()).append(" 件，超期 ").append(g.overdue())
        .append(" 件。\n响应率 ").append(percent(g.responseRate())).append("，解决率 ").append(percent(g.resolutionRate()))
        .append("，满意率 ").append(percent(g.satisfactionRate())).append("。");
    if (!s.byCategory().isEmpty()) {
      b.append("\n按类别：");
      s.byCategory().forEach((c, cg) -> {
        if (cg.total() > 0) {
          b.append("\n· ").append(c).append(" ").append(cg.total()).append(" 件，办结 ").append(cg.closed())
              .append("，满意率 ").append(percent(cg.satisfactionRate()));
        }
      });
    }
    return b.toString();
  }

  private static String percent(Double rate) {
    return rate == null ? "—" : Math.round(rate * 1000) / 10.0 + "%";
  }
}
