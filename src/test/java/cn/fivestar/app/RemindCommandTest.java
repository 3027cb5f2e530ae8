package cn.fivestar.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.fivestar.accounts.AccountRole;
import cn.fivestar.accounts.Accounts;
import cn.fivestar.cases.CaseService;
import cn.fivestar.cases.CaseUpdate;
import cn.fivestar.cases.MutableClock;
import cn.fivestar.conversation.Notifier;
import cn.fivestar.conversation.Notifiers;
import cn.fivestar.conversation.Outbound;
import cn.fivestar.conversation.ChannelBacklog;
import cn.fivestar.conversation.remind.RemindTestSupport;
import cn.fivestar.infra.Database;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code cases remind [--dry-run]}: output, exit codes, and delivery by serve through the outbox. */
class RemindCommandTest {
  static final String THURSDAY = "2026-01-08T09:00";
  @TempDir Path dir;
  RemindTestSupport data;

  @BeforeEach
  void seed() throws Exception {
    data = RemindTestSupport.seed(dir, new MutableClock(RemindTestSupport.THURSDAY_9AM));
    Files.writeString(dir.resolve("roles.properties"), RemindTestSupport.ROLES, StandardCharsets.UTF_8);
  }

  @Test
  void dryRunPrintsTheMessagesAndRecordsNothing() {
    CliRun r = cli("cases", "remind", "--dry-run", "--now", THURSDAY);
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().startsWith("试运行：不发送，也不记录。2026-01-08 将发送催办 5 条（承办人催办 2 条、待接办提醒 1 条、督办摘要 2 条）。"),
        r.out());
    assertTrue(r.out().contains("── 承办人催办 → telegram:101（2 件） ──\n【催办提醒】您好！"), r.out());
    assertTrue(r.out().contains("── 督办摘要 → telegram:900"), r.out());
    assertTrue(r.out().contains("── 待接办提醒 → 工作人员群（1 件） ──"), r.out());
    assertTrue(r.out().contains("138****5678") && !r.out().contains(RemindTestSupport.PHONE), r.out());
    assertEquals(0, rows("SELECT COUNT(*) FROM reminder_sent"));
    assertEquals(0, rows("SELECT COUNT(*) FROM outbox"));
  }

  @Test
  void aRunQueuesTheRemindersForServeOnceADay() {
    CliRun r = cli("cases", "remind", "--now", THURSDAY);
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().startsWith("2026-01-08 已发送催办 5 条"), r.out());
    assertTrue(r.out().contains("  已发送  承办人催办 → telegram:101：" + data.overdue + "、" + data.dueToday), r.out());
    assertTrue(r.out().contains("由运行中的 serve 投递"), r.out());
    assertEquals(5, rows("SELECT COUNT(*) FROM reminder_sent"));
    assertEquals(5, rows("SELECT COUNT(*) FROM outbox WHERE channel = 'telegram'"));
    assertEquals(2, rows("SELECT COUNT(*) FROM outbox WHERE chat_id = '" + Notifiers.STAFF_CHAT + "'"));

    CliRun again = cli("cases", "remind", "--now", "2026-01-08T15:00");
    assertEquals(0, again.code(), again.err());
    assertTrue(again.out().contains("已发送催办 0 条。今天已发过的 5 条没有重复发送。"), again.out());
    assertTrue(again.out().contains("  今天已发过，不再发送  督办摘要 → telegram:901"), again.out());
    assertEquals(5, rows("SELECT COUNT(*) FROM outbox"), "nothing queued twice");

    // serve drains the outbox when it starts and every few seconds: the same Notifiers.deliverQueued that
    // channels.telegram.QueuedDelivery calls
    List<String> chats = new ArrayList<>();
    List<String> staff = new ArrayList<>();
    Database db = Database.inDataDir(dir);
    Notifiers live = new Notifiers(new ChannelBacklog(db, java.time.Clock.systemUTC()), Services.STAFF_CHANNELS);
    live.attach("telegram", new Notifier() {
      @Override
      public void toChat(String channel, String chatId, Outbound message) {
        chats.add(chatId + " " + message.text());
      }

      @Override
      public void toStaff(Outbound message) {
        staff.add(message.text());
      }
    });
    assertEquals(5, live.deliverQueued("telegram"));
    assertEquals(3, chats.size());
    assertTrue(chats.stream().anyMatch(c -> c.startsWith("101 【催办提醒】")), chats.toString());
    assertTrue(chats.stream().anyMatch(c -> c.startsWith("900 【每日督办摘要】")), chats.toString());
    assertTrue(chats.stream().anyMatch(c -> c.startsWith("901 【每日督办摘要】")), chats.toString());
    assertTrue(staff.stream().anyMatch(s -> s.startsWith("【待接办提醒】")), staff.toString());
    assertTrue(staff.stream().anyMatch(s -> s.contains("张三")), staff.toString());

    CliRun friday = cli("cases", "remind", "--now", "2026-01-09T09:00");
    assertTrue(friday.out().startsWith("2026-01-09 已发送催办 5 条"), friday.out());
  }

  @Test
  void webAccountsAreRemindedOnTheirLinkedTelegramOrInTheStaffGroup() {
    Database db = Database.inDataDir(dir);
    MutableClock clock = new MutableClock(RemindTestSupport.THURSDAY_9AM);
    Accounts accounts = new Accounts(db, clock, 4);
    accounts.add("alice", AccountRole.STAFF, "alice-password-1", "555");
    accounts.add("bob", AccountRole.STAFF, "bob-password-12", null);
    accounts.add("zhang", AccountRole.SUPERVISOR, "zhang-password-1", "777");
    try (CaseService cases = RemindTestSupport.open(dir, clock)) {
      cases.update(data.dueToday, CaseUpdate.by("admin").withAssignee("web:alice"));
      cases.update(data.overdue, CaseUpdate.by("admin").withAssignee("web:bob"));
    }
    CliRun r = cli("cases", "remind", "--dry-run", "--now", THURSDAY);
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("── 承办人催办 → telegram:555（1 件） ──\n【催办提醒】您好！"), r.out());
    assertTrue(r.out().contains("【催办提醒】请 bob 同志留意") && r.out().contains(data.overdue), r.out());
    assertFalse(r.out().contains("telegram:101"), "101 has no due cases any more");
    assertTrue(r.out().contains("── 督办摘要 → telegram:777"), "a supervisor account linked to Telegram: " + r.out());
  }

  @Test
  void restDaysSendNothing() {
    for (String day : new String[] {"2026-01-10T09:00", "2026-01-01T09:00"}) {  // a Saturday, 元旦
      CliRun r = cli("cases", "remind", "--now", day);
      assertEquals(0, r.code(), r.err());
      assertEquals(day.substring(0, 10) + " 不是工作日（按办理时限所用的节假日日历），不发送催办。\n", r.out());
    }
    assertEquals(0, rows("SELECT COUNT(*) FROM reminder_sent"));
    assertEquals(0, rows("SELECT COUNT(*) FROM outbox"));
  }

  @Test
  void badUsageExitsTwoAndFailuresOne() throws Exception {
    CliRun unknown = cli("cases", "remind", "--bogus");
    assertEquals(2, unknown.code());
    assertTrue(unknown.err().contains("--bogus"), unknown.err());
    assertEquals(2, cli("cases", "remind", "--now", "tomorrow").code());
    assertEquals(2, cli("cases", "remind", "extra").code());

    Files.writeString(dir.resolve("roles.properties"), "telegram:900=boss\n", StandardCharsets.UTF_8);
    CliRun broken = cli("cases", "remind", "--now", THURSDAY);
    assertEquals(1, broken.code());
    assertTrue(broken.err().contains("line 1"), broken.err());
    assertFalse(broken.err().strip().contains("\n"), "one line: " + broken.err());
    assertEquals(0, rows("SELECT COUNT(*) FROM reminder_sent"));
  }

  private CliRun cli(String... args) {
    String[] all = new String[args.length + 2];
    all[0] = "--data";
    all[1] = dir.toString();
    System.arraycopy(args, 0, all, 2, args.length);
    return CliRun.run("", all);
  }

  private long rows(String sql) {
    try (Connection c = Database.inDataDir(dir).connect(); Statement s = c.createStatement();
         ResultSet rs = s.executeQuery(sql)) {
      return rs.getLong(1);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
