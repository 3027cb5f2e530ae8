package cn.fivestar.conversation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.fivestar.cases.CaseService;
import cn.fivestar.cases.MutableClock;
import cn.fivestar.infra.Database;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The dashboard's figures over residents' votes: helpful rate per week, least helpful questions, cited documents. */
class AnswerLogFiguresTest {
  @TempDir Path dir;

  @Test
  void weeksQuestionsAndDocuments() {
    // Monday 2026-01-05, then two weeks later
    MutableClock clock = new MutableClock(LocalDateTime.of(2026, 1, 5, 10, 0));
    AnswerLog log = new AnswerLog(Database.inDataDir(dir), clock, () -> "v1");
    assertEquals(0, log.totals().votes());
    assertNull(log.totals().helpfulRate());
    assertTrue(log.leastHelpful(10).isEmpty());

    AnswerVotes.vote(log, "a", "垃圾分类怎么积分？", false, "没说去哪里兑换", "生态宜居星");
    AnswerVotes.vote(log, "b", "垃圾分类怎么积分？", false, null, "生态宜居星", "居民指南");
    AnswerVotes.vote(log, "c", "一长三员是什么", true, null, "名词解释");
    clock.set(LocalDateTime.of(2026, 1, 11, 23, 30));  // Sunday night, still week 1 in Shanghai
    AnswerVotes.vote(log, "d", "垃圾分类怎么积分？", true, null, "生态宜居星");
    clock.set(LocalDateTime.of(2026, 1, 19, 8, 0));    // week 3; week 2 has no votes
    AnswerVotes.vote(log, "e", "红色物业是什么", false, "答非所问", "红色物业故事");
    clock.advance(Duration.ofMinutes(1));
    AnswerVotes.vote(log, "f", "垃圾分类怎么积分？", false, "没说去哪里兑换", "生态宜居星");
    clock.advance(Duration.ofMinutes(1));
    AnswerVotes.vote(log, "g", "路灯坏了找谁", false, "  ", new String[0]);

    assertEquals(7, log.totals().votes());
    assertEquals(2, log.totals().helpful());

    List<AnswerLog.Week> weeks = log.weekly(3, CaseService.ZONE);
    assertEquals(List.of(LocalDate.of(2026, 1, 5), LocalDate.of(2026, 1, 12), LocalDate.of(2026, 1, 19)),
        weeks.stream().map(AnswerLog.Week::monday).toList());
    assertEquals(2, weeks.get(0).helpful());
    assertEquals(2, weeks.get(0).unhelpful());
    assertEquals(0.5, weeks.get(0).helpfulRate());
    assertNull(weeks.get(1).helpfulRate(), "no votes that week");
    assertEquals(0.0, weeks.get(2).helpfulRate());
    assertEquals(3, weeks.get(2).votes());
    assertEquals(1, log.weekly(1, CaseService.ZONE).size(), "only this week");

    List<AnswerLog.Unhelpful> worst = log.leastHelpful(10);
    assertEquals(List.of("垃圾分类怎么积分？", "路灯坏了找谁", "红色物业是什么"),
        worst.stream().map(AnswerLog.Unhelpful::question).toList(), "most 没用 first; ties: the latest vote first");
    AnswerLog.Unhelpful sorting = worst.get(0);
    assertEquals(3, sorting.unhelpful());
    assertEquals(1, sorting.helpful());
    assertEquals(List.of("没说去哪里兑换"), sorting.reasons(), "distinct reasons; no vote without one adds a blank");
    assertEquals(List.of("生态宜居星", "居民指南"), sorting.cited());
    assertEquals(List.of(), worst.get(1).reasons(), "a blank reason is no reason");
    assertEquals(List.of(), worst.get(1).cited());
    assertEquals(1, log.leastHelpful(1).size());

    List<AnswerLog.DocumentVotes> docs = log.documents(10);
    assertEquals("生态宜居星", docs.get(0).title());
    assertEquals(3, docs.get(0).unhelpful());
    assertEquals(1, docs.get(0).helpful());
    assertTrue(docs.stream().noneMatch(d -> d.title().equals("名词解释")), "only documents with 没用 votes");
    assertEquals(List.of("生态宜居星", "居民指南", "红色物业故事"), docs.stream().map(AnswerLog.DocumentVotes::title).toList());
  }

  @Test
  void damagedCitationsAreSkipped() {
    assertEquals(List.of(), AnswerLog.titles("not json"));
    assertEquals(List.of("a.md", "标题"), AnswerLog.titles("[{\"source\":\"a.md\",\"title\":\"\"},{\"title\":\"标题\"},{}]"));
  }
}
