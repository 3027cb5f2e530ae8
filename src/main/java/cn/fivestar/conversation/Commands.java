package cn.fivestar.conversation;

import cn.fivestar.cases.CaseException;
import cn.fivestar.cases.CaseFilter;
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
        else if (command.equals("/remind")) t.say(remind == null ? StaffTexts.REMIND_OFF : remind.get());
        else if (command.equals("/overdue")) t.say(CaseViews.staffList(StaffTexts.OVERDUE_TITLE, cases.overdue(), LIST_MAX));
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
        t.say(CaseViews.staffList(StaffTexts.WAITING_TITLE, waiting, LIST_MAX) + (waiting.isEmpty() ? "" : StaffTexts.TAKE_OR_SHOW));
      }
      case "/mine" -> {
        Map<String, CaseRecord> mine = new LinkedHashMap<>();
        for (String who : List.of(me, t.in.displayName() == null ? me : t.in.displayName())) {
          cases.list(CaseFilter.all().withAssignee(who).withOpenOnly(true)).forEach(r -> mine.putIfAbsent(r.id(), r));
        }
        t.say(CaseViews.staffList(StaffTexts.MINE_TITLE, new ArrayList<>(mine.values()), LIST_MAX));
      }
      case "/take" -> {
        if (id == null) {
          t.say(StaffTexts.USAGE_TAKE);
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
          t.say(StaffTexts.USAGE_REPLY);
          return;
        }
        CaseRecord r = cases.reply(id, me, rest);
        t.say(StaffTexts.replied(r.id(), r.status().label()));
      }
      case "/close" -> {
        if (id == null) {
          t.say(StaffTexts.USAGE_CLOSE);
          return;
        }
        boolean wasClosed = cases.get(id).status() == CaseStatus.CLOSED;
        CaseRecord r = close(id, me, rest);
        t.say(StaffTexts.closed(r.id(), wasClosed));
      }
      case "/status" -> {
        if (id == null || rest == null) {
          t.say(StaffTexts.USAGE_STATUS);
          return;
        }
        String[] sp = rest.split("\\s+", 2);
        CaseStatus to = CaseStatus.parse(sp[0]);
        CaseRecord r = cases.transition(id, to, me, sp.length > 1 ? sp[1] : null);
        t.say(StaffTexts.statusChanged(r.id(), r.status().label(), to == CaseStatus.CLOSED));
      }
      case "/merge" -> {
        String into = rest == null ? null : rest.strip().split("\\s+")[0];
        if (id == null || into == null) {
          t.say(StaffTexts.USAGE_MERGE);
          return;
        }
        CaseRecord r = cases.merge(id, into, me);
        t.say(StaffTexts.merged(r.id(), into));
      }
      case "/reopen" -> {
        if (id == null || rest == null) {
          t.say(StaffTexts.USAGE_REOPEN);
          return;
        }
        CaseRecord r = cases.reopen(id, me, rest);
        t.say(StaffTexts.reopened(r.id(), CaseViews.day(r.dueAt())));
      }
      case "/note" -> {
        if (id == null || rest == null) {
          t.say(StaffTexts.USAGE_NOTE);
          return;
        }
        CaseRecord r = cases.addNote(id, me, rest);
        t.say(StaffTexts.noteAdded(r.id()));
      }
      case "/show" -> {
        if (id == null) {
          t.say(StaffTexts.USAGE_SHOW);
          return;
        }
        CaseRecord r = cases.get(id);
        t.say(CaseViews.staffDetail(r, cases.history(r.id())));
      }
      default -> t.say(Texts.unknownCommand(command));
    }
  }

  /**
   * Closes a case, walking the lifecycle as needed: the closing text becomes a reply (the result the resident
   * reads with the rating request, also on a case answered before), then the case is closed; a returned one is
   * taken back first.
   */
  private CaseRecord close(String id, String me, String text) {
    CaseRecord r = cases.get(id);
    if (r.status() == CaseStatus.CLOSED) return r;
    if (r.status() == CaseStatus.RETURNED) r = cases.assign(r.id(), me, me);
    String result = text == null || text.isBlank() ? StaffTexts.DEFAULT_CLOSE_RESULT : text;
    CaseUpdate close = CaseUpdate.by(me).withStatus(CaseStatus.CLOSED);
    return cases.update(r.id(), close.withReply(result));
  }

  static Button takeButton(String caseId) {
    return new Button(StaffTexts.BUTTON_TAKE, TAKE + caseId);
  }

  /**
   * The 接办 button on a new-case notice (often pressed in the staff group): takes the case like /take, but never
   * from a colleague who already has it; the presser is told who does.
   */
  void pressTake(Turn t, String id) {
    t.handledAs = HandledAs.COMMAND;
    if (!t.role().isStaff()) {
      t.refuse(StaffTexts.TAKE_STAFF_ONLY);
      return;
    }
    CaseRecord r;
    synchronized (takeLock) {
      r = cases.get(id.strip());
      String a = r.assignee();
      boolean mine = a == null || a.equals(t.actor()) || a.equals(t.in.displayName());
      if (!mine && r.status() == CaseStatus.IN_PROGRESS) {
        t.refuse(StaffTexts.takenByOther(r.id(), handlerName(r)));
        return;
      }
      if (!mine && r.status() == CaseStatus.ASSIGNED) {
        t.refuse(StaffTexts.assignedToOther(r.id(), handlerName(r)));
        return;
      }
      if (a != null && a.equals(t.actor()) && r.status() == CaseStatus.IN_PROGRESS) {
        t.say(StaffTexts.alreadyYours(r.id()));
        return;
      }
      r = take(r.id(), t.actor(), t.in.displayName());
    }
    took(t, r);
  }

  private static void took(Turn t, CaseRecord r) {
    t.say(StaffTexts.took(r.id(), r.status().label(), CaseViews.day(r.dueAt())));
  }

  /** The handler as people know them: the name recorded when they took the case in chat, else the assignee. */
  private String handlerName(CaseRecord r) {
    return TakenBy.handlerName(r, cases.history(r.id()));
  }

  /**
   * "I handle it": assigns to me and moves it to in progress in whatever steps its status allows; the history notes
   * the person's name, so colleagues are told who has it.
   */
  private CaseRecord take(String id, String me, String name) {
    CaseRecord r = cases.get(id);
    String note = TakenBy.note(me, name);
    return switch (r.status()) {
      case RECEIVED, ASSIGNED -> cases.update(r.id(),
          CaseUpdate.by(me).withAssignee(me).withStatus(CaseStatus.IN_PROGRESS).withNote(note));
      case RETURNED -> {
        cases.assign(r.id(), me, me);
        yield cases.transition(r.id(), CaseStatus.IN_PROGRESS, me, note);
      }
      case IN_PROGRESS -> me.equals(r.assignee()) ? r : cases.update(r.id(), CaseUpdate.by(me).withAssignee(me).withNote(note));
      default -> throw new CaseException(CaseException.Reason.ILLEGAL_TRANSITION, StaffTexts.cannotTake(r.id(), r.status().label()));
    };
  }

  private String stats(String arg) {
    boolean all = arg != null && arg.matches("全部|all");
    LocalDate today = LocalDate.ofInstant(cases.clock().instant(), CaseService.ZONE);
    LocalDate from = all ? null : today.withDayOfMonth(1);
    CaseStatistics s = cases.stats(from, all ? null : today);
    StringBuilder b = new StringBuilder(StaffTexts.statsHeading(all, today.getMonthValue()));
    b.append(StaffTexts.statsOverall(s.overall()));
    if (!s.byCategory().isEmpty()) {
      b.append(StaffTexts.STATS_BY_CATEGORY);
      s.byCategory().forEach((c, cg) -> {
        if (cg.total() > 0) b.append(StaffTexts.statsCategory(c, cg));
      });
    }
    return b.toString();
  }
}
