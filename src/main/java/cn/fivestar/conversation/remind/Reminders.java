package cn.fivestar.conversation.remind;

import cn.fivestar.cases.CaseFilter;
import cn.fivestar.cases.CaseHistoryEntry;
import cn.fivestar.cases.CaseRecord;
import cn.fivestar.cases.CaseService;
import cn.fivestar.cases.WorkCalendar;
import cn.fivestar.conversation.Notifier;
import cn.fivestar.conversation.Outbound;
import cn.fivestar.conversation.Role;
import cn.fivestar.conversation.RoleDirectory;
import cn.fivestar.infra.PersonalData;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
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
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("M月d日").withZone(CaseService.ZONE);
  private static final String TAKEN_BY = "接办人：";

  /** What a reminder is; its code is part of the once-a-day key. */
  public enum Kind {
    HANDLER("handler", "承办人催办"), UNASSIGNED("unassigned", "待接办提醒"), DIGEST("digest", "督办摘要");

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
      return toStaffGroup() ? "工作人员群" : channel + ":" + chatId;
    }
  }

  /** What a run did: reminders sent, skipped (already sent that day), and failed (their claim given back). */
  public record Outcome(LocalDate day, boolean dryRun, List<Reminder> sent, List<Reminder> skipped,
                        List<Reminder> failed) {
    /** One or two lines in Chinese for chat replies and logs. */
    public String summary() {
      if (sent.isEmpty() && skipped.isEmpty() && failed.isEmpty()) return "目前没有需要催办的诉求，也没有需要发送的督办摘要。";
      StringBuilder b = new StringBuilder();
      b.append(dryRun ? "将发送催办 " : "已发送催办 ").append(sent.size()).append(" 条");
      if (!sent.isEmpty()) {
        Map<Kind, Integer> n = new LinkedHashMap<>();
        for (Kind k : Kind.values()) n.put(k, 0);
        sent.forEach(r -> n.merge(r.kind(), 1, Integer::sum));
        List<String> parts = new ArrayList<>();
        n.forEach((k, v) -> {
          if (v > 0) parts.add(k.label() + " " + v + " 条");
        });
        b.append("（").append(String.join("、", parts)).append("）");
      }
      b.append("。");
      if (!skipped.isEmpty()) b.append("今天已发过的 ").append(skipped.size()).append(" 条没有重复发送。");
      if (!failed.isEmpty()) b.append("有 ").append(failed.size()).append(" 条发送失败，下次运行时会重试。");
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
      StringBuilder b = new StringBuilder("【待接办提醒】各位同事好！目前还有 ").append(unassigned.size())
          .append(" 件诉求没有人接办，请及时认领：");
      list(b, unassigned, now, today);
      b.append("\n发送 /take 编号 接办，/show 编号 查看详情。谢谢大家！");
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
    StringBuilder b = new StringBuilder("【催办提醒】");
    if (chat) b.append("您好！您承办的诉求");
    else b.append("请 ").append(PersonalData.mask(assignee)).append(" 同志留意：您承办的诉求");
    b.append("中有 ").append(total).append(" 件需要抓紧办理。");
    if (!late.isEmpty()) {
      b.append("\n\n已超期（").append(late.size()).append(" 件）：");
      list(b, late, now, today);
    }
    if (!soon.isEmpty()) {
      b.append("\n\n即将到期（").append(soon.size()).append(" 件，一个工作日内到期）：");
      list(b, soon, now, today);
    }
    b.append("\n\n请尽快办理，办好后用 /reply 编号 答复内容 回复居民；发送 /show 编号 查看详情。辛苦了！");
    List<String> ids = new ArrayList<>(ids(late));
    ids.addAll(ids(soon));
    int colon = key.indexOf(':');
    String channel = chat ? key.substring(0, colon) : null;
    String chatId = chat ? key.substring(colon + 1) : null;
    return new Reminder(Kind.HANDLER, key, channel, chatId, b.toString(), ids);
  }

  private String digest(List<CaseRecord> open, List<CaseRecord> overdue, List<CaseRecord> dueSoon,
                        List<CaseRecord> unassigned, Instant now, LocalDate today) {
    StringBuilder b = new StringBuilder("【每日督办摘要】").append(DAY.format(now)).append("（")
        .append(today.getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.CHINA)).append("）\n");
    b.append("在办诉求 ").append(open.size()).append(" 件：超期 ").append(overdue.size()).append(" 件，一个工作日内到期 ")
        .append(dueSoon.size()).append(" 件，待接办 ").append(unassigned.size()).append(" 件。");
    if (overdue.isEmpty()) {
      b.append("\n目前没有超期的诉求，请继续保持。");
    } else {
      b.append("\n\n超期最久的诉求：");
      for (CaseRecord r : overdue.stream().limit(DIGEST_TOP).toList()) {
        b.append("\n· ").append(r.id()).append("｜").append(r.category()).append("｜超期 ")
            .append(workingDaysLate(r, today)).append(" 个工作日｜承办人 ")
            .append(r.assignee() == null ? "（无人接办）" : PersonalData.mask(handlerName(r))).append("｜")
            .append(r.summary());
      }
      if (overdue.size() > DIGEST_TOP) b.append("\n……另有 ").append(overdue.size() - DIGEST_TOP).append(" 件。");
      b.append("\n发送 /overdue 查看全部超期诉求。");
    }
    return b.toString();
  }

  private void list(StringBuilder b, List<CaseRecord> list, Instant now, LocalDate today) {
    for (CaseRecord r : list.stream().limit(LIST_MAX).toList()) {
      b.append("\n· ").append(r.id()).append("｜").append(r.category()).append("｜");
      if (r.isOverdue(now)) b.append("超期 ").append(workingDaysLate(r, today)).append(" 个工作日");
      else if (LocalDate.ofInstant(r.dueAt(), CaseService.ZONE).equals(today)) b.append("今天到期");
      else b.append(DAY.format(r.dueAt())).append("到期");
      if (r.location() != null) b.append("｜").append(PersonalData.mask(r.location()));
      b.append("｜").append(r.summary());
    }
    if (list.size() > LIST_MAX) b.append("\n……另有 ").append(list.size() - LIST_MAX).append(" 件，发送 /mine 或 /new 查看。");
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

  /** The handler as colleagues know them: the name recorded when they took the case in chat, else the assignee. */
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

  private static List<String> ids(List<CaseRecord> list) {
    return list.stream().map(CaseRecord::id).toList();
  }
}
