package cn.fivestar.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CaseStatisticsTest {
  @TempDir Path dir;

  static LocalDateTime at(int month, int day, int hour) {
    return LocalDateTime.of(2026, month, day, hour, 0);
  }

  @Test
  void ratesFollowTheirDefinitions() {
    MutableClock clock = new MutableClock(at(1, 5, 9));
    try (CaseService cases = CaseTestSupport.open(dir, clock)) {
      String a = cases.create(CaseTestSupport.resident("a", "3号楼电梯坏了", "幸福社区3号楼", "设施维修", CaseKind.HELP)).id();
      String b = cases.create(CaseTestSupport.resident("b", "村口垃圾堆成山", "李庄村", "环境卫生", CaseKind.HELP)).id();
      String c = cases.create(CaseTestSupport.resident("c", "楼上楼下因漏水吵架", "幸福社区", "矛盾纠纷", CaseKind.HELP)).id();
      String d = cases.create(CaseTestSupport.resident("d", "3号楼电梯又坏了", "幸福社区3号楼", "设施维修", CaseKind.HELP)).id();
      clock.set(at(1, 5, 9).plusMinutes(30));
      cases.merge(d, a, "调度员");                               // a response for d, in time
      clock.set(at(1, 5, 10));
      cases.assign(a, "维保公司", "调度员");                      // in time (window ends Tue 6 Jan)
      clock.set(at(1, 6, 9));
      cases.reply(a, "维保公司", "已修复");
      clock.set(at(1, 7, 9));
      cases.transition(a, CaseStatus.CLOSED, "调度员", null);   // 48 h
      cases.rate(a, "telegram", "a", 5, null);
      clock.set(at(1, 8, 9));
      cases.assign(b, "保洁队", "调度员");                        // Thursday: late
      cases.reply(b, "保洁队", "已清运");
      clock.set(at(1, 9, 9));
      cases.transition(b, CaseStatus.CLOSED, "调度员", null);   // 96 h
      cases.rate(b, "telegram", "b", 2, "拖了好几天");
      clock.set(at(1, 30, 8));
      String e = cases.create(CaseTestSupport.resident("e", "想咨询社保", null, "其他", CaseKind.CONSULTATION)).id();
      clock.set(at(1, 30, 9));

      CaseStatistics s = cases.stats(null, null);
      CaseStatistics.Group all = s.overall();
      assertEquals(5, all.total());
      assertEquals(1, all.merged());
      assertEquals(2, all.closed());
      assertEquals(0.5, all.resolutionRate(), "2 closed of 4 not merged");
      assertEquals(4, all.responseCounted(), "e is still inside its response window");
      assertEquals(2, all.respondedInTime(), "a and d; b was late, c untouched");
      assertEquals(0.5, all.responseRate());
      assertEquals(2, all.rated());
      assertEquals(0.5, all.satisfactionRate());
      assertEquals(72.0, all.avgHoursToClose(), 1e-9);
      assertEquals(1, all.overdue(), "c: help is due in 10 working days");
      assertEquals(2, s.byStatus().get(CaseStatus.RECEIVED));
      assertEquals(2, s.byStatus().get(CaseStatus.CLOSED));
      assertEquals(1, s.byStatus().get(CaseStatus.MERGED));
      assertEquals(0, s.byStatus().get(CaseStatus.RETURNED));

      CaseStatistics.Group repair = s.byCategory().get("设施维修");
      assertEquals(2, repair.total());
      assertEquals(1.0, repair.resolutionRate());
      assertEquals(1.0, repair.responseRate());
      assertEquals(48.0, repair.avgHoursToClose(), 1e-9);
      CaseStatistics.Group env = s.byCategory().get("环境卫生");
      assertEquals(0.0, env.responseRate());
      assertEquals(0.0, env.satisfactionRate());
      assertEquals(1, s.byCategory().get("矛盾纠纷").overdue());
      assertNull(s.byCategory().get("其他").responseRate(), "nothing counted yet");

      assertEquals(2, s.byStar().get("共建共享星").total());
      assertEquals(1, s.byStar().get("生态宜居星").total(), "李庄村 is a village");
      assertEquals(1, s.byStar().get("平安法治星").total());
      assertEquals(1, s.byStar().get(CaseStatistics.NO_STAR).total());

      assertEquals(1, cases.stats(LocalDate.of(2026, 1, 30), LocalDate.of(2026, 1, 30)).overall().total());
      assertEquals(4, cases.stats(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 5)).overall().total());
      assertEquals(0, cases.stats(LocalDate.of(2026, 2, 1), null).overall().total());
      assertNull(cases.stats(LocalDate.of(2026, 2, 1), null).overall().resolutionRate());
      assertThrows(CaseException.class, () -> cases.stats(LocalDate.of(2026, 2, 1), LocalDate.of(2026, 1, 1)));
      assertEquals(e, cases.list(CaseFilter.all().withDates(LocalDate.of(2026, 1, 30), null)).get(0).id());
    }
  }
}
