package cn.fivestar.conversation.remind;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.fivestar.cases.MutableClock;
import cn.fivestar.conversation.remind.RemindTestSupport.Recorder;
import cn.fivestar.infra.Database;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** 催办 reminders with a fake clock: who gets what, once a day, across processes. */
class RemindersTest {
  @TempDir Path dir;
  final MutableClock clock = new MutableClock(RemindTestSupport.THURSDAY_9AM);
  RemindTestSupport data;

  @BeforeEach
  void seed() {
    data = RemindTestSupport.seed(dir, clock);
  }

  @Test
  void handlerGetsOverdueAndDueSoonCasesInTheirOwnChat() {
    Recorder n = new Recorder();
    RemindTestSupport.reminders(dir, clock, n).run(false);
    List<String> mine = n.to("telegram", "101");
    assertEquals(1, mine.size(), "one message per handler");
    String text = mine.get(0);
    assertTrue(text.startsWith("【催办提醒】您好！"), text);
    assertTrue(text.contains("已超期（1 件）") && text.contains(data.overdue + "｜设施维修｜超期 1 个工作日"), text);
    assertTrue(text.contains("即将到期（1 件") && text.contains(data.dueToday + "｜设施维修｜今天到期"), text);
    assertTrue(text.indexOf(data.overdue) < text.indexOf(data.dueToday), "overdue first");
    assertFalse(text.contains(data.later), "not due yet: not reminded");
    assertFalse(text.contains(data.closed), "closed: not reminded");
    assertFalse(text.contains(data.unassigned), text);
    assertTrue(text.contains("/reply 编号"), text);
  }

  @Test
  void handlerKnownOnlyByNameIsRemindedInTheStaffGroup() {
    Recorder n = new Recorder();
    RemindTestSupport.reminders(dir, clock, n).run(false);
    String named = n.staff.stream().filter(s -> s.contains("张三")).findFirst().orElseThrow();
    assertTrue(named.startsWith("【催办提醒】请 张三 同志留意"), named);
    assertTrue(named.contains(data.byName + "｜设施维修｜1月9日到期"), named);
  }

  @Test
  void unassignedOpenCasesGoToTheStaffGroupWithPersonalDataMasked() {
    Recorder n = new Recorder();
    RemindTestSupport.reminders(dir, clock, n).run(false);
    String waiting = n.staff.stream().filter(s -> s.startsWith("【待接办提醒】")).findFirst().orElseThrow();
    assertTrue(waiting.contains("还有 1 件诉求没有人接办") && waiting.contains(data.unassigned), waiting);
    assertTrue(waiting.contains("138****5678"), waiting);
    for (String s : n.staff) assertFalse(s.contains(RemindTestSupport.PHONE), s);
    for (Recorder.Sent s : n.sent) assertFalse(s.text().contains(RemindTestSupport.PHONE), s.text());
    assertTrue(waiting.contains("/take 编号"), waiting);
  }

  @Test
  void supervisorsGetTheDailyDigest() {
    Recorder n = new Recorder();
    RemindTestSupport.reminders(dir, clock, n).run(false);
    List<String> a = n.to("telegram", "900");
    List<String> b = n.to("telegram", "901");  // listed without a channel: reached on Telegram
    assertEquals(1, a.size());
    assertEquals(a, b);
    String digest = a.get(0);
    assertTrue(digest.startsWith("【每日督办摘要】1月8日（周四）"), digest);
    assertTrue(digest.contains("在办诉求 5 件：超期 1 件，一个工作日内到期 2 件，待接办 1 件。"), digest);
    assertTrue(digest.contains("超期最久的诉求：\n· " + data.overdue + "｜设施维修｜超期 1 个工作日｜承办人 telegram:101"), digest);
    assertTrue(n.to("telegram", "300").isEmpty(), "staff get no digest");
  }

  @Test
  void nothingTwiceInADayNotAfterARestartEither() {
    Recorder n = new Recorder();
    Reminders.Outcome first = RemindTestSupport.reminders(dir, clock, n).run(false);
    assertEquals(5, first.sent().size(), "handler, 张三, unassigned, two supervisors");
    int messages = n.total();
    Reminders.Outcome again = RemindTestSupport.reminders(dir, clock, n).run(false);
    clock.set(LocalDateTime.of(2026, 1, 8, 16, 30));
    Reminders.Outcome restarted = RemindTestSupport.reminders(dir, clock, n).run(false);
    assertEquals(messages, n.total(), "nothing sent again");
    assertTrue(again.sent().isEmpty() && restarted.sent().isEmpty());
    assertEquals(5, restarted.skipped().size());
    assertTrue(restarted.summary().contains("今天已发过的 5 条没有重复发送"), restarted.summary());
    assertEquals(5, rows("SELECT COUNT(*) FROM reminder_sent"));
  }

  @Test
  void twoProcessesOnOneDatabaseSendEachReminderOnce() throws Exception {
    Recorder n1 = new Recorder();
    Recorder n2 = new Recorder();
    Reminders p1 = RemindTestSupport.reminders(dir, clock, n1);
    Reminders p2 = RemindTestSupport.reminders(dir, clock, n2);
    CountDownLatch go = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      Future<Reminders.Outcome> f1 = pool.submit(() -> {
        go.await();
        return p1.run(false);
      });
      Future<Reminders.Outcome> f2 = pool.submit(() -> {
        go.await();
        return p2.run(false);
      });
      go.countDown();
      Reminders.Outcome o1 = f1.get();
      Reminders.Outcome o2 = f2.get();
      assertEquals(5, o1.sent().size() + o2.sent().size());
      assertEquals(5, o1.skipped().size() + o2.skipped().size());
    } finally {
      pool.shutdownNow();
    }
    assertEquals(5, n1.total() + n2.total());
    for (String chat : List.of("101", "900", "901")) {
      assertEquals(1, n1.to("telegram", chat).size() + n2.to("telegram", chat).size(), chat);
    }
    assertEquals(2, n1.staff.size() + n2.staff.size());
  }

  @Test
  void theNextWorkingDaySendsAgain() {
    Recorder n = new Recorder();
    RemindTestSupport.reminders(dir, clock, n).run(false);
    clock.set(LocalDateTime.of(2026, 1, 9, 9, 0));  // Friday
    Reminders.Outcome friday = RemindTestSupport.reminders(dir, clock, n).run(false);
    assertEquals(5, friday.sent().size());
    List<String> mine = n.to("telegram", "101");
    assertEquals(2, mine.size());
    assertTrue(mine.get(1).contains(data.overdue + "｜设施维修｜超期 2 个工作日"), mine.get(1));
    assertTrue(mine.get(1).contains(data.dueToday + "｜设施维修｜超期 1 个工作日"), mine.get(1));
  }

  @Test
  void aDryRunSendsAndRecordsNothing() {
    Recorder n = new Recorder();
    Reminders.Outcome dry = RemindTestSupport.reminders(dir, clock, n).run(true);
    assertEquals(5, dry.sent().size());
    assertTrue(dry.summary().startsWith("将发送催办 5 条"), dry.summary());
    assertEquals(0, n.total());
    assertEquals(0, rows("SELECT COUNT(*) FROM reminder_sent"));
    assertEquals(5, RemindTestSupport.reminders(dir, clock, n).run(false).sent().size(), "the real run still sends");
    Reminders.Outcome dryAfter = RemindTestSupport.reminders(dir, clock, n).run(true);
    assertTrue(dryAfter.sent().isEmpty());
    assertEquals(5, dryAfter.skipped().size(), "a dry run shows what was already sent today");
  }

  @Test
  void aFailedSendGivesItsClaimBackSoALaterRunRetries() {
    Recorder n = new Recorder();
    n.failing = true;
    Reminders.Outcome failed = RemindTestSupport.reminders(dir, clock, n).run(false);
    assertEquals(5, failed.failed().size());
    assertEquals(0, rows("SELECT COUNT(*) FROM reminder_sent"));
    n.failing = false;
    assertEquals(5, RemindTestSupport.reminders(dir, clock, n).run(false).sent().size());
  }

  @Test
  void nothingToRemindStillSendsTheDigest() {
    Path empty = dir.resolve("empty");
    Recorder n = new Recorder();
    Reminders.Outcome o = RemindTestSupport.reminders(empty, clock, n).run(false);
    assertEquals(2, o.sent().size());
    assertTrue(n.to("telegram", "900").get(0).contains("在办诉求 0 件") , n.sent.toString());
    assertTrue(n.to("telegram", "900").get(0).contains("目前没有超期的诉求"));
    assertTrue(n.staff.isEmpty());
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
