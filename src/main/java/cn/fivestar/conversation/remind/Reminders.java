package cn.fivestar.conversation.remind;

import cn.fivestar.cases.CaseFilter;
import cn.fivestar.cases.CaseRecord;
import cn.fivestar.cases.CaseService;
import cn.fivestar.cases.WorkCalendar;
import cn.fivestar.conversation.Notifier;
import cn.fivestar.conversation.Outbound;
import cn.fivestar.conversation.Role;
import cn.fivestar.conversation.RoleDirectory;
import cn.fivestar.conversation.TakenBy;
import cn.fivestar.infra.PersonalData;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * 催办 reminders, one run a day (see {@link ReminderSchedule}, {@code cases remind}, the supervisors' /remind):
 * <ul>
 *   <li>each handler (a case's assignee) gets the cases overdue and those due by the end of the next working day —
 *       in their own chat when the assignee is a chat user ({@code telegram:123}, who took the case with /take), in
 *       the staff group addressed by name when it is a name typed on the command line;</li>
 *   <li>the staff group gets the open cases nobody has taken yet;</li>
 *   <li>each supervisor of the roles file gets a digest: counts and the most overdue cases.</li>
 * </ul>
 * Every reminder is claimed in {@link ReminderLog} (recipient, kind, day) before it is handed to the
 * {@link Notifier}, so it goes out once a day however many processes run. Messages name cases by tracking number
 * and mask phone and ID numbers.
 */
public final class Reminders {
  private static final Logger log = LoggerFactory.getLogger(Reminders.class);
  /** Cases listed in one message at most; the rest are counted. */
  static final int LIST_MAX = 20;
  /** Overdue cases named in the supervisors' digest. */
  static final int DIGEST_TOP = 5;
  private static final Pattern CHAT_USER = Pattern.compile("([a-z][a-z0-9_-]*):(\\S+)");
  /** Channels whose users are reached in their own chat (chat id = user id there). */
  private static final java.util.Set<String> CHAT_CHANNELS = java.util.Set.of("telegram", "console");

  /** What a reminder is; its code is part of the once-a-day key. */
  public enum Kind {
    HANDLER("handler", RemindTexts.KIND_HANDLER), UNASSIGNED("unassigned", RemindTexts.KIND_UNASSIGNED),
    DIGEST("digest", RemindTexts.KIND_DIGEST);

    private final String code;
    private final String label;

    Kind(String code, String label) {
      this.code = code;
      this.label = label;
    }

    public String code() {
      return code;
    }

    public String label() {
      return label;
    }
  }

  /**
   * One reminder: for a chat (channel and chatId), or for the staff group (both null). recipient is its key in the
   * log: "telegram:123", "staff", or "name:张三" (a handler known only by name, reminded in the staff group).
   */
  public record Reminder(Kind kind, String recipient, String channel, String chatId, String text, List<String> caseIds) {
    public boolean toStaffGroup() {
      return chatId == null;
    }

    /** Where it goes, for people: "telegram:123" or "工作人员群". */
    public String target() {
      return toStaffGroup() ? RemindTexts.STAFF_GROUP : channel + ":" + chatId;
    }
  }

  /** What a run did: reminders sent, skipped (already sent that day), and failed (their claim given back). */
  public record Outcome(LocalDate day, boolean dryRun, List<Reminder> sent, List<Reminder> skipped,
                        List<Reminder> failed) {
    /** One or two lines in Chinese for chat replies and logs. */
    public String summary() {
      if (sent.isEmpty() && skipped.isEmpty() && failed.isEmpty()) return RemindTexts.NOTHING_DUE;
      StringBuilder b = new StringBuilder(RemindTexts.sent(dryRun, sent.size()));
      if (!sent.isEmpty()) {
        Map<Kind, Integer> n = new LinkedHashMap<>();
        for (Kind k : Kind.values()) n.put(k, 0);
        sent.forEach(r -> n.merge(r.kind(), 1, Integer::sum));
        List<String> parts = new ArrayList<>();
        n.forEach((k, v) -> {
          if (v > 0) parts.add(RemindTexts.perKind(k.label(), v));
        });
        b.append(RemindTexts.kinds(parts));
      }
      b.append("。");
      if (!skipped.isEmpty()) b.append(RemindTexts.skipped(skipped.size()));
      if (!failed.isEmpty()) b.append(RemindTexts.failed(failed.size()));
      return b.toString();
    }
  }

  private final CaseService cases;
  private final RoleDirectory roles;
  private final Notifier notifier;
  private final ReminderLog sentLog;
  private final String defaultChannel;
  private final java.util.function.Function<String, String> linkedTelegram;

  public Reminders(CaseService cases, RoleDirectory roles, Notifier notifier, ReminderLog sentLog,
                   String defaultChannel) {
    this(cases, roles, notifier, sentLog, defaultChannel, assignee -> null);
  }

  /**
   * defaultChannel: where supervisors listed without a channel ({@code 123=supervisor}) are reached, e.g.
   * "telegram". linkedTelegram: the Telegram user id of an assignee that is no chat user (a web account linked to
   * Telegram), or null; such handlers are reminded in that chat, the others in the staff group.
   */
  public Reminders(CaseService cases, RoleDirectory roles, Notifier notifier, ReminderLog sentLog,
                   String defaultChannel, java.util.function.Function<String, String> linkedTelegram) {
    this.linkedTelegram = linkedTelegram;
    this.cases = cases;
    this.roles = roles;
    this.notifier = notifier;
    this.sentLog = sentLog;
    this.defaultChannel = defaultChannel;
  }

  public WorkCalendar calendar() {
    return cases.calendar();
  }

  /** The local date now. */
  public LocalDate today() {
    return LocalDate.ofInstant(cases.clock().instant(), CaseService.ZONE);
  }

  /** Whether today is a working day by the calendar that sets the deadlines. */
  public boolean workingDay() {
    return cases.calendar().isWorkingDay(today());
  }

  /**
   * Sends today's reminders not yet sent (any day: the working-day check is the caller's). A dry run sends and
   * records nothing and reports what would be sent.
   */
  public Outcome run(boolean dryRun) {
    LocalDate day = today();
    List<Reminder> sent = new ArrayList<>();
    List<Reminder> skipped = new ArrayList<>();
    List<Reminder> failed = new ArrayList<>();
    for (Reminder r : plan()) {
      if (dryRun) {
        (sentLog.sent(day, r.recipient(), r.kind().code()) ? skipped : sent).add(r);
        continue;
      }
      if (!sentLog.claim(day, r.recipient(), r.kind().code(), r.caseIds())) {
        skipped.add(r);
        continue;
      }
      try {
        Outbound message = Outbound.text(r.text());
        if (r.toStaffGroup()) notifier.toStaff(message);
        else notifier.toChat(r.channel(), r.chatId(), message);
        sent.add(r);
      } catch (RuntimeException e) {
        log.warn("reminder {} for {} not sent: {}", r.kind().code(), PersonalData.mask(r.recipient()), e.toString());
        sentLog.release(day, r.recipient(), r.kind().code());
        failed.add(r);
      }
    }
    Outcome o = new Outcome(day, dryRun, List.copyOf(sent), List.copyOf(skipped), List.copyOf(failed));
    if (!dryRun && (!sent.isEmpty() || !failed.isEmpty())) log.info("reminders {}: {}", day, o.summary());
    return o;
  }

  /** Every reminder due today, sent or not: handlers, then the staff group, then supervisors. */
  public List<Reminder> plan() {
    Instant now = cases.clock().instant();
    LocalDate today = today();
    List<CaseRecord> overdue = cases.overdue();
    List<CaseRecord> dueSoon = cases.dueSoon();
    List<Reminder> out = new ArrayList<>();

    // grouped by where the handler is reached, so one person assigned under two names gets one message
    Map<String, List<CaseRecord>> late = new LinkedHashMap<>();
    Map<String, List<CaseRecord>> soon = new LinkedHashMap<>();
    Map<String, String> assignees = new java.util.HashMap<>();
    for (CaseRecord r : overdue) {
      if (r.assignee() != null) late.computeIfAbsent(key(r.assignee(), assignees), k -> new ArrayList<>()).add(r);
    }
    for (CaseRecord r : dueSoon) {
      if (r.assignee() != null) soon.computeIfAbsent(key(r.assignee(), assignees), k -> new ArrayList<>()).add(r);
    }
    List<String> handlers = new ArrayList<>(late.keySet());
    soon.keySet().stream().filter(h -> !late.containsKey(h)).forEach(handlers::add);
    handlers.sort(null);
    for (String h : handlers) {
      out.add(handler(h, late.getOrDefault(h, List.of()), soon.getOrDefault(h, List.of()), today));
    }

    List<CaseRecord> open = cases.list(CaseFilter.all().withOpenOnly(true));
    List<CaseRecord> unassigned = open.stream().filter(r -> r.status().awaitsStaff() && r.assignee() == null)
        .sorted(java.util.Comparator.comparing(CaseRecord::dueAt).thenComparing(CaseRecord::id)).toList();
    if (!unassigned.isEmpty()) {
      StringBuilder b = new StringBuilder(RemindTexts.unassignedHead(unassigned.size()));
      list(b, unassigned, now, today);
      b.append(RemindTexts.UNASSIGNED_TAIL);
      out.add(new Reminder(Kind.UNASSIGNED, "staff", null, null, b.toString(), ids(unassigned)));
    }

    List<String> supervisors = roles.withRole(Role.SUPERVISOR);
    if (!supervisors.isEmpty()) {
      String digest = digest(open, overdue, dueSoon, unassigned, now, today);
      List<String> named = overdue.stream().limit(DIGEST_TOP).map(CaseRecord::id).toList();
      for (String s : supervisors) {
        int colon = s.indexOf(':');
        String channel = colon < 0 ? defaultChannel : s.substring(0, colon);
        String user = colon < 0 ? s : s.substring(colon + 1);
        out.add(new Reminder(Kind.DIGEST, channel + ":" + user, channel, user, digest, named));
      }
    }
    return out;
  }

  /**
   * Where a handler is reminded, as the log's recipient key: "channel:chatId" for a chat user or a web account
   * linked to Telegram, else "name:" + the assignee (the staff group).
   */
  private String key(String assignee, Map<String, String> cache) {
    return cache.computeIfAbsent(assignee, a -> {
      var m = CHAT_USER.matcher(a);
      if (m.matches() && CHAT_CHANNELS.contains(m.group(1))) return a;
      String telegram = linkedTelegram.apply(a);
      if (telegram != null && !telegram.isBlank()) return "telegram:" + telegram.strip();
      return "name:" + a;
    });
  }

  private Reminder handler(String key, List<CaseRecord> late, List<CaseRecord> soon, LocalDate today) {
    Instant now = cases.clock().instant();
    boolean chat = !key.startsWith("name:");
    String assignee = chat ? null : key.substring("name:".length());
    var named = chat ? null : CHAT_USER.matcher(assignee);
    if (named != null && named.matches()) assignee = named.group(2);  // web:alice → alice
    int total = late.size() + soon.size();
    StringBuilder b = new StringBuilder(RemindTexts.handlerHead(chat ? null : PersonalData.mask(assignee), total));
    if (!late.isEmpty()) {
      b.append(RemindTexts.overdueHead(late.size()));
      list(b, late, now, today);
    }
    if (!soon.isEmpty()) {
      b.append(RemindTexts.dueSoonHead(soon.size()));
      list(b, soon, now, today);
    }
    b.append(RemindTexts.HANDLER_TAIL);
    List<String> ids = new ArrayList<>(ids(late));
    ids.addAll(ids(soon));
    int colon = key.indexOf(':');
    String channel = chat ? key.substring(0, colon) : null;
    String chatId = chat ? key.substring(colon + 1) : null;
    return new Reminder(Kind.HANDLER, key, channel, chatId, b.toString(), ids);
  }

  private String digest(List<CaseRecord> open, List<CaseRecord> overdue, List<CaseRecord> dueSoon,
                        List<CaseRecord> unassigned, Instant now, LocalDate today) {
    StringBuilder b = new StringBuilder(RemindTexts.digestHead(RemindTexts.day(now),
        today.getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.CHINA), open.size(), overdue.size(), dueSoon.size(),
        unassigned.size()));
    if (overdue.isEmpty()) {
      b.append(RemindTexts.NO_OVERDUE);
    } else {
      b.append(RemindTexts.MOST_OVERDUE);
      for (CaseRecord r : overdue.stream().limit(DIGEST_TOP).toList()) {
        String handler = r.assignee() == null ? RemindTexts.NO_HANDLER
            : PersonalData.mask(TakenBy.handlerName(r, cases.history(r.id())));
        b.append(RemindTexts.digestLine(r.id(), r.category(), workingDaysLate(r, today), handler, r.summary()));
      }
      if (overdue.size() > DIGEST_TOP) b.append(RemindTexts.more(overdue.size() - DIGEST_TOP));
      b.append(RemindTexts.DIGEST_TAIL);
    }
    return b.toString();
  }

  private void list(StringBuilder b, List<CaseRecord> list, Instant now, LocalDate today) {
    for (CaseRecord r : list.stream().limit(LIST_MAX).toList()) {
      b.append("\n· ").append(r.id()).append("｜").append(r.category()).append("｜");
      if (r.isOverdue(now)) b.append(RemindTexts.late(workingDaysLate(r, today)));
      else if (LocalDate.ofInstant(r.dueAt(), CaseService.ZONE).equals(today)) b.append(RemindTexts.DUE_TODAY);
      else b.append(RemindTexts.dueOn(r.dueAt()));
      if (r.location() != null) b.append("｜").append(PersonalData.mask(r.location()));
      b.append("｜").append(r.summary());
    }
    if (list.size() > LIST_MAX) b.append(RemindTexts.moreInList(list.size() - LIST_MAX));
  }

  /** Working days past the deadline, today included (at least 1 for an overdue case). */
  int workingDaysLate(CaseRecord r, LocalDate today) {
    LocalDate due = LocalDate.ofInstant(r.dueAt(), CaseService.ZONE);
    int n = 0;
    for (LocalDate d = due.plusDays(1); !d.isAfter(today) && n < 999; d = d.plusDays(1)) {
      if (cases.calendar().isWorkingDay(d)) n++;
    }
    return Math.max(1, n);
  }

  private static List<String> ids(List<CaseRecord> list) {
    return list.stream().map(CaseRecord::id).toList();
  }
}
