package cn.fivestar.conversation.remind;

import cn.fivestar.cases.CaseKind;
import cn.fivestar.cases.CaseRecord;
import cn.fivestar.cases.CaseService;
import cn.fivestar.cases.CaseStatus;
import cn.fivestar.cases.CaseUpdate;
import cn.fivestar.cases.MutableClock;
import cn.fivestar.cases.NewCase;
import cn.fivestar.cases.Taxonomy;
import cn.fivestar.cases.WorkCalendar;
import cn.fivestar.conversation.Notifier;
import cn.fivestar.conversation.Outbound;
import cn.fivestar.conversation.RoleDirectory;
import cn.fivestar.infra.Database;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A data folder with cases for the reminder tests, reminded on Thursday 2026-01-08 09:00:
 * <ul>
 *   <li>{@link #overdue}: a consultation received Monday (due end of Wednesday), taken by telegram:101;</li>
 *   <li>{@link #dueToday}: a consultation received Tuesday (due end of Thursday), taken by telegram:101;</li>
 *   <li>{@link #byName}: an urgent case received Thursday 08:00 (due end of Friday), assigned to 张三 by name;</li>
 *   <li>{@link #later}: a help request (10 working days), taken by telegram:101: not due, never reminded;</li>
 *   <li>{@link #unassigned}: a help request nobody took, with a phone number in its text;</li>
 *   <li>{@link #closed}: a consultation received Monday and closed: never reminded.</li>
 * </ul>
 * Roles: telegram:900 and 901 (no channel) are supervisors, telegram:300 is staff.
 */
public final class RemindTestSupport {
  public static final LocalDateTime THURSDAY_9AM = LocalDateTime.of(2026, 1, 8, 9, 0);
  public static final String ROLES = "telegram:900=supervisor\n901=supervisor\ntelegram:300=staff\n";
  public static final String PHONE = "13812345678";

  public String overdue;
  public String dueToday;
  public String byName;
  public String later;
  public String unassigned;
  public String closed;

  /** Fills the folder's database with the cases above; leaves the clock at Thursday 09:00. */
  public static RemindTestSupport seed(Path dir, MutableClock clock) {
    RemindTestSupport s = new RemindTestSupport();
    try (CaseService cases = open(dir, clock)) {
      clock.set(LocalDateTime.of(2026, 1, 5, 10, 0));
      s.overdue = take(cases, create(cases, "u1", "3号楼楼道灯坏了，晚上看不见", "幸福路12号院3号楼", CaseKind.CONSULTATION),
          "telegram:101");
      s.closed = create(cases, "u2", "小区门口的垃圾桶满了", "幸福路12号院", CaseKind.CONSULTATION);
      take(cases, s.closed, "telegram:101");
      cases.update(s.closed, CaseUpdate.by("telegram:101").withReply("已清运").withStatus(CaseStatus.CLOSED));
      s.later = take(cases, create(cases, "u3", "健身器材松动了", "幸福路小游园", CaseKind.HELP), "telegram:101");
      s.unassigned = create(cases, "u4", "楼上漏水，电话" + PHONE + "，请尽快联系", "幸福路8号院", CaseKind.HELP);
      clock.set(LocalDateTime.of(2026, 1, 6, 10, 0));
      s.dueToday = take(cases, create(cases, "u5", "单元门的门禁坏了", "幸福路12号院5号楼", CaseKind.CONSULTATION),
          "telegram:101");
      clock.set(LocalDateTime.of(2026, 1, 8, 8, 0));
      s.byName = create(cases, "u6", "路口井盖丢了，很危险", "幸福路与建设路口", CaseKind.URGENT);
      cases.assign(s.byName, "张三", "admin");
    }
    clock.set(THURSDAY_9AM);
    return s;
  }

  public static CaseService open(Path dir, MutableClock clock) {
    return new CaseService(Database.inDataDir(dir), Taxonomy.defaults(), WorkCalendar.defaults(), clock);
  }

  /** A reminders instance of its own ("a process"): own database handle and case store on the folder. */
  public static Reminders reminders(Path dir, MutableClock clock, Notifier notifier) {
    Database db = Database.inDataDir(dir);
    CaseService cases = new CaseService(db, Taxonomy.defaults(), WorkCalendar.defaults(), clock);
    return new Reminders(cases, RoleDirectory.parse(ROLES, "roles"), notifier, new ReminderLog(db, clock), "telegram");
  }

  private static String create(CaseService cases, String user, String text, String place, CaseKind kind) {
    CaseRecord r = cases.create(new NewCase("telegram", user, user, "居民" + user, null, text, place, "设施维修", kind,
        List.of()));
    return r.id();
  }

  private static String take(CaseService cases, String id, String who) {
    cases.update(id, CaseUpdate.by(who).withAssignee(who).withStatus(CaseStatus.IN_PROGRESS));
    return id;
  }

  /** Keeps what it was asked to send; fails every send while {@code failing} is set. */
  public static final class Recorder implements Notifier {
    public record Sent(String channel, String chatId, String text) {}

    public final List<Sent> sent = new CopyOnWriteArrayList<>();
    public final List<String> staff = new CopyOnWriteArrayList<>();
    public volatile boolean failing;

    @Override
    public void toChat(String channel, String chatId, Outbound message) {
      if (failing) throw new IllegalStateException("channel down");
      sent.add(new Sent(channel, chatId, message.text()));
    }

    @Override
    public void toStaff(Outbound message) {
      if (failing) throw new IllegalStateException("channel down");
      staff.add(message.text());
    }

    public List<String> to(String channel, String chatId) {
      return sent.stream().filter(s -> s.channel().equals(channel) && s.chatId().equals(chatId)).map(Sent::text).toList();
    }

    public int total() {
      return sent.size() + staff.size();
    }
  }
}
