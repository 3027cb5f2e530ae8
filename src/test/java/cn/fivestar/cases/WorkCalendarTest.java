package cn.fivestar.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkCalendarTest {
  final WorkCalendar cal = WorkCalendar.defaults();
  @TempDir Path dir;

  static LocalDate d(int month, int day) {
    return LocalDate.of(2026, month, day);
  }

  @Test
  void weekendsHolidaysAndAdjustedWorkdays() {
    assertTrue(cal.isWorkingDay(d(1, 5)), "Monday");
    assertFalse(cal.isWorkingDay(d(1, 10)), "Saturday");
    assertFalse(cal.isWorkingDay(d(1, 1)), "元旦, a Thursday");
    assertTrue(cal.isWorkingDay(d(1, 4)), "Sunday 4 January is a 调休 workday");
    assertFalse(cal.isWorkingDay(d(2, 16)), "春节 Monday");
    assertTrue(cal.isWorkingDay(d(2, 14)), "Saturday before 春节 is a workday");
    assertTrue(cal.isWorkingDay(d(2, 28)), "Saturday after 春节 is a workday");
    assertFalse(cal.isWorkingDay(d(10, 7)), "国庆 Wednesday");
    assertTrue(cal.isWorkingDay(d(10, 10)), "Saturday 10 October is a workday");
    assertTrue(cal.isWorkingDay(d(9, 20)), "Sunday 20 September is a workday");
    assertFalse(cal.isWorkingDay(d(6, 19)), "端午 Friday");
  }

  @Test
  void addWorkingDaysAcrossWeekendsAndHolidays() {
    assertEquals(d(1, 7), cal.addWorkingDays(d(1, 5), 2), "Mon + 2 = Wed");
    assertEquals(d(1, 13), cal.addWorkingDays(d(1, 9), 2), "Fri + 2 = Tue");
    assertEquals(d(1, 13), cal.addWorkingDays(d(1, 10), 2), "Sat + 2 = Tue");
    assertEquals(d(1, 5), cal.addWorkingDays(d(1, 5), 0));
    // 31 Dec 2025 (Wed) + 1: 1-3 Jan are holidays, Sunday 4 Jan is a workday
    assertEquals(d(1, 4), cal.addWorkingDays(LocalDate.of(2025, 12, 31), 1));
    // Friday 13 Feb + 1 = Saturday 14 Feb (调休), + 2 = Tuesday 24 Feb (15-23 are 春节)
    assertEquals(d(2, 14), cal.addWorkingDays(d(2, 13), 1));
    assertEquals(d(2, 24), cal.addWorkingDays(d(2, 13), 2));
    // 10 working days from Thursday 12 Feb: 13, 14(Sat), 24, 25, 26, 27, 28(Sat), 2 Mar, 3, 4
    assertEquals(d(3, 4), cal.addWorkingDays(d(2, 12), 10));
    // 15 working days from Tuesday 29 Sep: 30, 8 Oct, 9, 10(Sat), 12, 13, 14, 15, 16, 19, 20, 21, 22, 23, 26
    assertEquals(d(10, 26), cal.addWorkingDays(d(9, 29), 15));
  }

  @Test
  void deadlinesEndAtTheLastInstantOfTheDueDay() {
    var from = LocalDateTime.of(2026, 1, 9, 16, 0).atZone(CaseService.ZONE).toInstant();
    ZonedDateTime due = cal.deadline(from, 2, CaseService.ZONE).atZone(CaseService.ZONE);
    assertEquals(d(1, 13), due.toLocalDate());
    assertEquals(23, due.getHour());
    assertEquals(59, due.getMinute());
  }

  @Test
  void caseDeadlinesDependOnKind() {
    MutableClock clock = new MutableClock(LocalDateTime.of(2026, 2, 12, 10, 0));
    try (CaseService cases = CaseTestSupport.open(dir, clock)) {
      var consult = cases.create(CaseTestSupport.resident("a", "低保怎么申请", null, "养老助残", CaseKind.CONSULTATION));
      var help = cases.create(CaseTestSupport.resident("b", "家里水管爆了", "1号楼", "设施维修", CaseKind.HELP));
      var complaint = cases.create(CaseTestSupport.resident("c", "物业乱收费", "1号楼", "物业停车", CaseKind.COMPLAINT));
      assertEquals(d(2, 14), local(consult.dueAt()), "Fri 13, Sat 14 (调休)");
      assertEquals(d(3, 4), local(help.dueAt()));
      assertEquals(cal.addWorkingDays(d(2, 12), 15), local(complaint.dueAt()));
      assertEquals(d(3, 11), local(complaint.dueAt()));
      assertEquals(d(2, 13), local(help.respondBy()));
    }
  }

  @Test
  void overdueAndDueSoonFollowTheClock() {
    MutableClock clock = new MutableClock(LocalDateTime.of(2026, 1, 5, 9, 0));
    try (CaseService cases = CaseTestSupport.open(dir, clock)) {
      var consult = cases.create(CaseTestSupport.resident("a", "社保卡在哪办", null, "其他", CaseKind.CONSULTATION));
      var help = cases.create(CaseTestSupport.resident("b", "路灯坏了", "2号路", "设施维修", CaseKind.HELP));
      assertTrue(cases.overdue().isEmpty());
      assertTrue(cases.dueSoon().isEmpty(), "due Wednesday, not by end of Tuesday");
      clock.set(LocalDateTime.of(2026, 1, 6, 9, 0));
      assertEquals(List.of(consult.id()), ids(cases.dueSoon()));
      clock.set(LocalDateTime.of(2026, 1, 7, 23, 59));
      assertTrue(cases.overdue().isEmpty(), "still due today");
      clock.set(LocalDateTime.of(2026, 1, 8, 0, 0));
      assertEquals(List.of(consult.id()), ids(cases.overdue()));
      assertTrue(cases.get(consult.id()).isOverdue(clock.instant()));
      cases.reply(consult.id(), "张三", "到区政务中心二楼办理");
      assertTrue(cases.overdue().isEmpty(), "answered late is no longer waiting on staff");
      clock.advance(Duration.ofDays(30));
      assertEquals(List.of(help.id()), ids(cases.overdue()));
      assertEquals(List.of(help.id()), ids(cases.list(CaseFilter.all().withOverdue(true).withCategory("设施维修"))));
    }
  }

  @Test
  void calendarFileInTheDataFolderOverridesTheDefault() throws Exception {
    Files.createDirectories(dir.resolve("cases"));
    Files.writeString(dir.resolve("cases/calendar.txt"), "2026-01-06..2026-01-07 holiday 停电\n2026-01-10 workday 补班\n");
    WorkCalendar custom = WorkCalendar.forDataDir(dir);
    assertFalse(custom.isWorkingDay(d(1, 6)));
    assertTrue(custom.isWorkingDay(d(1, 10)));
    assertTrue(custom.isWorkingDay(d(1, 1)), "the default holidays are replaced, not merged");
    assertEquals(d(1, 10), custom.addWorkingDays(d(1, 5), 3));
  }

  @Test
  void badCalendarLinesAreReportedWithTheirLineNumber() {
    var e = assertThrows(IllegalArgumentException.class, () -> WorkCalendar.parse("# x\n2026-13-01 holiday\n", "t.txt"));
    assertTrue(e.getMessage().contains("t.txt line 2"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> WorkCalendar.parse("2026-01-01 vacation\n", "t.txt"));
    assertThrows(IllegalArgumentException.class,
        () -> WorkCalendar.parse("2026-01-01 holiday\n2026-01-01 workday\n", "t.txt"));
  }

  private static LocalDate local(java.time.Instant t) {
    return t.atZone(CaseService.ZONE).toLocalDate();
  }

  private static List<String> ids(List<CaseRecord> l) {
    return l.stream().map(CaseRecord::id).toList();
  }
}
