package cn.fivestar.conversation.remind;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import cn.fivestar.cases.MutableClock;
import cn.fivestar.conversation.remind.RemindTestSupport.Recorder;
import cn.fivestar.infra.UserException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.LocalTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The scheduler in serve: working days only (the deadline calendar), at the configured time, once a day. */
class RemindScheduleTest {
  @TempDir Path dir;
  final MutableClock clock = new MutableClock(RemindTestSupport.THURSDAY_9AM);
  final Recorder n = new Recorder();

  private ReminderSchedule schedule(LocalTime at) {
    RemindTestSupport.seed(dir, clock);
    return new ReminderSchedule(RemindTestSupport.reminders(dir, clock, n), at, clock);
  }

  @Test
  void runsOnceAtTheConfiguredTimeOnAWorkingDay() {
    ReminderSchedule s = schedule(LocalTime.of(9, 30));
    clock.set(LocalDateTime.of(2026, 1, 8, 9, 29));
    assertNull(s.tick(), "not yet");
    assertEquals(0, n.total());
    clock.set(LocalDateTime.of(2026, 1, 8, 9, 30));
    assertEquals(5, s.tick().sent().size());
    clock.set(LocalDateTime.of(2026, 1, 8, 10, 0));
    assertNull(s.tick(), "done for today");
    assertEquals(5, n.total());
    clock.set(LocalDateTime.of(2026, 1, 9, 9, 30));  // Friday
    assertEquals(5, s.tick().sent().size());
  }

  @Test
  void nothingOnWeekendsAndHolidaysButOnAdjustedWorkdays() {
    ReminderSchedule s = schedule(ReminderSchedule.DEFAULT_AT);
    clock.set(LocalDateTime.of(2026, 1, 10, 9, 0));  // Saturday
    assertNull(s.tick());
    clock.set(LocalDateTime.of(2026, 1, 11, 12, 0));  // Sunday
    assertNull(s.tick());
    clock.set(LocalDateTime.of(2026, 1, 1, 9, 0));  // 元旦, a Thursday
    assertNull(s.tick());
    clock.set(LocalDateTime.of(2026, 10, 5, 9, 0));  // 国庆节, a Monday
    assertNull(s.tick());
    assertEquals(0, n.total());
    clock.set(LocalDateTime.of(2026, 10, 10, 9, 0));  // 国庆节调休上班, a Saturday
    assertNotNull(s.tick());
    assertEquals(5, n.total());
  }

  @Test
  void aLateStartCatchesUpTheSameDayButNotInTheEvening() {
    ReminderSchedule s = schedule(ReminderSchedule.DEFAULT_AT);
    clock.set(LocalDateTime.of(2026, 1, 8, 17, 30));
    assertNull(s.tick(), "too late to remind people");
    assertEquals(0, n.total());
    ReminderSchedule restarted = new ReminderSchedule(RemindTestSupport.reminders(dir, clock, n),
        ReminderSchedule.DEFAULT_AT, clock);
    clock.set(LocalDateTime.of(2026, 1, 9, 14, 0));  // started Friday afternoon
    assertEquals(5, restarted.tick().sent().size());
  }

  @Test
  void twoSchedulersOnOneDatabaseSendOnce() {
    ReminderSchedule a = schedule(ReminderSchedule.DEFAULT_AT);
    ReminderSchedule b = new ReminderSchedule(RemindTestSupport.reminders(dir, clock, n), ReminderSchedule.DEFAULT_AT,
        clock);
    assertEquals(5, a.tick().sent().size());
    assertEquals(0, b.tick().sent().size());
    assertEquals(5, n.total());
  }

  @Test
  void startedInTheBackgroundItSendsOnItsOwn() throws InterruptedException {
    try (ReminderSchedule s = schedule(ReminderSchedule.DEFAULT_AT)) {
      s.start(java.time.Duration.ofMillis(20));
      for (int i = 0; i < 500 && n.total() < 5; i++) Thread.sleep(10);
      Thread.sleep(100);
      assertEquals(5, n.total(), "sent once, not on every check");
    }
  }

  @Test
  void theTimeComesFromFivestarRemindAt() {
    assertEquals(LocalTime.of(9, 0), ReminderSchedule.parseTime(null));
    assertEquals(LocalTime.of(9, 0), ReminderSchedule.parseTime(" "));
    assertEquals(LocalTime.of(8, 30), ReminderSchedule.parseTime("8:30"));
    assertEquals(LocalTime.of(17, 5), ReminderSchedule.parseTime("17:05"));
    assertNull(ReminderSchedule.parseTime("off"));
    for (String bad : new String[] {"25:00", "9", "nine", "09:00:00", "12:60"}) {
      UserException e = assertThrows(UserException.class, () -> ReminderSchedule.parseTime(bad), bad);
      assertEquals(2, e.exitCode());
    }
  }
}
