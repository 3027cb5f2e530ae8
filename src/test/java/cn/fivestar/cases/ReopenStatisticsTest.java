package cn.fivestar.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** 重办 counts (from the history) and 满意率 by handler and by category, in the figures and in the CSV. */
class ReopenStatisticsTest {
  @TempDir Path dir;

  private static void work(CaseService cases, String id, String handler, MutableClock clock) {
    clock.advance(java.time.Duration.ofHours(2));
    cases.reply(id, handler, "已处理，请查看");
    clock.advance(java.time.Duration.ofHours(2));
    cases.transition(id, CaseStatus.CLOSED, "调度员", null);
  }

  @Test
  void reopensAndSatisfactionByHandlerAndCategory() throws Exception {
    MutableClock clock = new MutableClock(CaseTestSupport.MONDAY_9AM);
    try (CaseService cases = CaseTestSupport.open(dir, clock)) {
      String lamp = cases.create(CaseTestSupport.resident("a", "路灯不亮", "幸福社区3号楼", "设施维修", CaseKind.HELP)).id();
      String pipe = cases.create(CaseTestSupport.resident("b", "水管漏水", "幸福社区5号楼", "设施维修", CaseKind.HELP)).id();
      String trash = cases.create(CaseTestSupport.resident("c", "垃圾没人清", "李庄村", "环境卫生", CaseKind.HELP)).id();
      String open = cases.create(CaseTestSupport.resident("d", "想咨询社保", null, "其他", CaseKind.CONSULTATION)).id();
      cases.assign(lamp, "张师傅", "调度员");
      cases.assign(pipe, "张师傅", "调度员");
      cases.assign(trash, "保洁队", "调度员");

      // lamp: closed, rated 1, reopened, closed again, rated 2, reopened, closed, rated 5 → 2 reopenings
      work(cases, lamp, "张师傅", clock);
      cases.rate(lamp, "telegram", "a", 1, "还是不亮");
      cases.reopen(lamp, "telegram:a", "居民说还是不亮");
      work(cases, lamp, "张师傅", clock);
      cases.rate(lamp, "telegram", "a", 2, null);
      cases.reopen(lamp, "web:zhang", "回访不满意");
      work(cases, lamp, "张师傅", clock);
      cases.rate(lamp, "telegram", "a", 5, null);
      // pipe: closed, rated 2, reopened, still in progress (its rating stays until it is rated again)
      work(cases, pipe, "张师傅", clock);
      cases.rate(pipe, "telegram", "b", 2, "没修好");
      cases.reopen(pipe, "telegram:b", "没修好");
      // trash: closed once, rated 4, never reopened
      work(cases, trash, "保洁队", clock);
      cases.rate(trash, "telegram", "c", 4, null);

      CaseStatistics s = cases.stats(null, null);
      CaseStatistics.Group all = s.overall();
      assertEquals(3, all.reopens(), "lamp twice, pipe once");
      assertEquals(2, all.reopened(), "two cases were reopened");
      assertEquals(3, all.rated());
      assertEquals(2, all.satisfied(), "lamp 5 and trash 4; pipe's 2 stays until it is rated again");

      CaseStatistics.Group zhang = s.byHandler().get("张师傅");
      assertEquals(2, zhang.total());
      assertEquals(3, zhang.reopens());
      assertEquals(2, zhang.reopened());
      assertEquals(0.5, zhang.satisfactionRate(), "lamp 5 of lamp and pipe rated");
      CaseStatistics.Group cleaners = s.byHandler().get("保洁队");
      assertEquals(0, cleaners.reopens());
      assertEquals(1.0, cleaners.satisfactionRate());
      CaseStatistics.Group nobody = s.byHandler().get(CaseStatistics.NO_HANDLER);
      assertEquals(1, nobody.total());
      assertNull(nobody.satisfactionRate(), "nothing rated");

      assertEquals(3, s.byCategory().get("设施维修").reopens());
      assertEquals(0.5, s.byCategory().get("设施维修").satisfactionRate());
      assertEquals(0, s.byCategory().get("环境卫生").reopens());
      assertEquals(1.0, s.byCategory().get("环境卫生").satisfactionRate());
      assertEquals(3, s.byStar().get("共建共享星").reopens());

      // the period follows the day of receipt, as for every other figure
      assertEquals(0, cases.stats(CaseTestSupport.MONDAY_9AM.toLocalDate().plusDays(1), null).overall().reopens());

      List<CaseRecord> list = cases.list(CaseFilter.all());
      Map<String, Integer> counts = cases.reopenCounts(list);
      assertEquals(Map.of(lamp, 2, pipe, 1), counts, "never-reopened cases are left out");
      StringWriter out = new StringWriter();
      CaseCsv.write(out, list, counts);
      List<List<String>> rows = CsvTestReader.rows(out.toString().substring(1));
      int col = CaseCsv.HEADER.indexOf("重办次数");
      assertEquals(CaseCsv.HEADER.size() - 1, col, "the new column comes last, so older spreadsheets keep their columns");
      Map<String, String> byId = new java.util.HashMap<>();
      for (List<String> row : rows.subList(1, rows.size())) byId.put(row.get(0), row.get(col));
      assertEquals(Map.of(lamp, "2", pipe, "1", trash, "0", open, "0"), byId);
      assertFalse(cases.reopenCounts(List.of()).containsKey(lamp));
    }
    // migration V4: cases_stats covers the handler; the reopen counts read a partial index
    assertEquals(1, CaseTestSupport.count(dir, "SELECT count(*) FROM sqlite_master WHERE type = 'index' AND name = 'cases_stats' AND sql LIKE '%status, assignee%'"));
    assertEquals(1, CaseTestSupport.count(dir, "SELECT count(*) FROM sqlite_master WHERE type = 'index' AND name = 'case_history_reopened'"));
  }

  @Test
  void reopenCountsAskInSlicesForManyCases() {
    MutableClock clock = new MutableClock(CaseTestSupport.MONDAY_9AM);
    try (CaseService cases = CaseTestSupport.open(dir, clock)) {
      String first = cases.create(CaseTestSupport.resident("a", "路灯不亮", "幸福社区3号楼")).id();
      work(cases, first, "张师傅", clock);
      cases.reopen(first, "web:zhang", "回访不满意");
      for (int i = 0; i < 510; i++) {
        cases.create(CaseTestSupport.resident("u" + i, "第" + i + "件：楼道灯坏了", "幸福社区" + i + "号楼"));
      }
      List<CaseRecord> list = cases.list(CaseFilter.all());
      assertEquals(511, list.size());
      assertEquals(Map.of(first, 1), cases.reopenCounts(list));
    }
  }
}
