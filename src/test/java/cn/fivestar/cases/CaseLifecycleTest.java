package cn.fivestar.cases;

import cn.fivestar.infra.TestDatabases;
import static cn.fivestar.cases.CaseStatus.ANSWERED;
import static cn.fivestar.cases.CaseStatus.ASSIGNED;
import static cn.fivestar.cases.CaseStatus.CLOSED;
import static cn.fivestar.cases.CaseStatus.IN_PROGRESS;
import static cn.fivestar.cases.CaseStatus.MERGED;
import static cn.fivestar.cases.CaseStatus.RECEIVED;
import static cn.fivestar.cases.CaseStatus.RETURNED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.fivestar.infra.Database;
import cn.fivestar.cases.CaseHistoryEntry.Action;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CaseLifecycleTest {
  @TempDir Path dir;
  MutableClock clock;
  CaseService cases;

  @BeforeEach
  void open() {
    clock = new MutableClock(CaseTestSupport.MONDAY_9AM);
    cases = CaseTestSupport.open(dir, clock);
  }

  @AfterEach
  void close() {
    cases.close();
  }

  /** The documented table, spelled out independently of CaseStatus.next(). */
  static final Set<List<CaseStatus>> LEGAL = Set.of(
      List.of(RECEIVED, ASSIGNED), List.of(RECEIVED, IN_PROGRESS), List.of(RECEIVED, ANSWERED),
      List.of(ASSIGNED, IN_PROGRESS), List.of(ASSIGNED, ANSWERED), List.of(ASSIGNED, RETURNED),
      List.of(IN_PROGRESS, ANSWERED), List.of(IN_PROGRESS, RETURNED),
      List.of(ANSWERED, CLOSED), List.of(ANSWERED, IN_PROGRESS),
      List.of(RETURNED, ASSIGNED));
  static final Set<CaseStatus> MERGEABLE = EnumSet.of(RECEIVED, ASSIGNED, IN_PROGRESS, RETURNED);

  /** A new case brought to the given status through the ordinary API. */
  private CaseRecord caseIn(CaseStatus status) {
    CaseRecord r = cases.create(CaseTestSupport.resident("u1", "楼道灯不亮，晚上看不见路", "幸福社区5号楼"));
    String id = r.id();
    switch (status) {
      case RECEIVED -> { }
      case ASSIGNED -> cases.assign(id, "张三", "调度员");
      case IN_PROGRESS -> {
        cases.assign(id, "张三", "调度员");
        cases.transition(id, IN_PROGRESS, "张三", null);
      }
      case ANSWERED -> cases.reply(id, "张三", "已更换灯泡");
      case CLOSED -> {
        cases.reply(id, "张三", "已更换灯泡");
        cases.transition(id, CLOSED, "张三", "居民确认");
      }
      case RETURNED -> {
        cases.assign(id, "张三", "调度员");
        cases.transition(id, RETURNED, "张三", "不属于本网格");
      }
      case MERGED -> {
        CaseRecord target = cases.create(CaseTestSupport.resident("u2", "5号楼楼道灯坏了", "幸福社区5号楼"));
        cases.merge(id, target.id(), "调度员");
      }
    }
    CaseRecord now = cases.get(id);
    assertEquals(status, now.status());
    return now;
  }

  @Test
  void everyPairOfStatusesIsAllowedOrRefusedAsDocumented() {
    int legal = 0;
    for (CaseStatus from : CaseStatus.values()) {
      for (CaseStatus to : CaseStatus.values()) {
        CaseRecord before = caseIn(from);
        List<CaseHistoryEntry> historyBefore = cases.history(before.id());
        CaseUpdate u = CaseUpdate.by("测试员").withStatus(to).withNote("原因：测试");
        if (to == ASSIGNED && from != ASSIGNED) u = u.withAssignee("李四");
        boolean expectLegal = LEGAL.contains(List.of(from, to));
        assertEquals(expectLegal, from.canMoveTo(to) && to != MERGED, from + "→" + to + " table mismatch");
        if (expectLegal) {
          legal++;
          CaseRecord after = cases.update(before.id(), u);
          assertEquals(to, after.status(), from + "→" + to);
          CaseHistoryEntry last = last(cases.history(before.id()));
          assertEquals(Action.STATUS, last.action());
          assertEquals(from, last.from());
          assertEquals(to, last.to());
          assertEquals("测试员", last.actor());
          assertEquals("原因：测试", last.note());
        } else {
          CaseUpdate attempt = u;
          CaseException e = assertThrows(CaseException.class, () -> cases.update(before.id(), attempt), from + "→" + to);
          assertEquals(CaseException.Reason.ILLEGAL_TRANSITION, e.reason(), from + "→" + to + ": " + e.getMessage());
          assertTrue(e.getMessage().contains(before.id()), e.getMessage());
          // refused as a whole: no partial change, no history row
          assertEquals(before, cases.get(before.id()), from + "→" + to);
          assertEquals(historyBefore, cases.history(before.id()));
        }
      }
    }
    assertEquals(LEGAL.size(), legal);
  }

  @Test
  void illegalMoveExplainsWhatIsPossibleInChinese() {
    CaseRecord r = caseIn(RECEIVED);
    CaseException e = assertThrows(CaseException.class, () -> cases.transition(r.id(), CLOSED, "张三", null));
    assertEquals("不能把诉求 " + r.id() + " 从「已受理」改为「已办结」：「已受理」只能改为 「已派单」、「办理中」、「已答复」、「已合并」。",
        e.getMessage());
    CaseRecord closed = caseIn(CLOSED);
    e = assertThrows(CaseException.class, () -> cases.transition(closed.id(), IN_PROGRESS, "张三", null));
    assertTrue(e.getMessage().contains("「已办结」是最终状态"), e.getMessage());
    e = assertThrows(CaseException.class, () -> cases.transition(closed.id(), CLOSED, "张三", null));
    assertTrue(e.getMessage().contains("已经是「已办结」状态"), e.getMessage());
  }

  @Test
  void mergeIsAllowedOnlyFromOpenUnansweredStatusesAndIntoOpenCases() {
    for (CaseStatus from : CaseStatus.values()) {
      CaseRecord src = caseIn(from);
      CaseRecord target = cases.create(CaseTestSupport.resident("u9", "5号楼楼道灯不亮", "幸福社区5号楼"));
      if (MERGEABLE.contains(from)) {
        CaseRecord merged = cases.merge(src.id(), target.id(), "调度员");
        assertEquals(MERGED, merged.status());
        assertEquals(target.id(), merged.mergedInto());
      } else {
        CaseException e = assertThrows(CaseException.class, () -> cases.merge(src.id(), target.id(), "调度员"));
        assertEquals(CaseException.Reason.ILLEGAL_TRANSITION, e.reason());
        assertEquals(from, cases.get(src.id()).status());
      }
    }
    CaseRecord a = caseIn(RECEIVED);
    CaseRecord closed = caseIn(CLOSED);
    assertThrows(CaseException.class, () -> cases.merge(a.id(), closed.id(), "调度员"));
    CaseRecord merged = caseIn(MERGED);
    CaseException e = assertThrows(CaseException.class, () -> cases.merge(a.id(), merged.id(), "调度员"));
    assertTrue(e.getMessage().contains("请改为合并到 " + merged.mergedInto()), e.getMessage());
    assertThrows(CaseException.class, () -> cases.merge(a.id(), a.id(), "调度员"));
    assertEquals(RECEIVED, cases.get(a.id()).status());
  }

  @Test
  void transitionToMergedMustGoThroughMerge() {
    CaseRecord r = caseIn(RECEIVED);
    CaseException e = assertThrows(CaseException.class, () -> cases.transition(r.id(), MERGED, "张三", null));
    assertTrue(e.getMessage().contains("cases merge"), e.getMessage());
  }

  @Test
  void rulesBeyondTheTable() {
    CaseRecord r = caseIn(RECEIVED);
    CaseException noAssignee = assertThrows(CaseException.class, () -> cases.transition(r.id(), ASSIGNED, "调度员", null));
    assertEquals(CaseException.Reason.INVALID_INPUT, noAssignee.reason());
    assertTrue(noAssignee.getMessage().contains("承办人"));

    CaseRecord taken = cases.transition(r.id(), IN_PROGRESS, "王网格员", null);
    assertEquals("王网格员", taken.assignee(), "whoever takes an unassigned case handles it");
    assertEquals(clock.instant(), taken.firstResponseAt());

    CaseException noReason = assertThrows(CaseException.class, () -> cases.transition(r.id(), RETURNED, "王网格员", " "));
    assertTrue(noReason.getMessage().contains("原因"));
    clock.advance(Duration.ofHours(1));
    CaseRecord returned = cases.transition(r.id(), RETURNED, "王网格员", "属于供电公司职责");
    assertNull(returned.assignee(), "back at dispatch, nobody handles it");
    assertEquals(taken.firstResponseAt(), returned.firstResponseAt(), "first response is kept");

    CaseException replyReturned = assertThrows(CaseException.class, () -> cases.reply(r.id(), "调度员", "稍等"));
    assertTrue(replyReturned.getMessage().contains("先派单"));
    CaseRecord again = cases.assign(r.id(), "供电所老李", "调度员");
    assertEquals(ASSIGNED, again.status());

    CaseRecord answered = cases.reply(r.id(), "供电所老李", "线路已修复");
    assertEquals(ANSWERED, answered.status());
    assertNull(answered.closedAt());
    CaseRecord reopened = cases.transition(r.id(), IN_PROGRESS, "居民", "居民说灯还是不亮");
    assertEquals(IN_PROGRESS, reopened.status());
    cases.reply(r.id(), "供电所老李", "已更换整段线路");
    clock.advance(Duration.ofHours(2));
    CaseRecord closed = cases.transition(r.id(), CLOSED, "供电所老李", null);
    assertEquals(clock.instant(), closed.closedAt());
    assertThrows(CaseException.class, () -> cases.assign(r.id(), "别人", "调度员"));
  }

  @Test
  void explicitStatusWinsOverTheImpliedOneAndNotesAreInternal() {
    CaseRecord r = caseIn(ASSIGNED);
    CaseRecord progress = cases.update(r.id(), CaseUpdate.by("张三").withStatus(IN_PROGRESS).withReply("已安排师傅明天上门"));
    assertEquals(IN_PROGRESS, progress.status(), "a progress reply keeps the case in progress");
    assertEquals(List.of("已安排师傅明天上门"), progress.replies().stream().map(CaseMessage::text).toList());
    CaseRecord noted = cases.addNote(r.id(), "张三", "需要物业配合开门");
    assertEquals(IN_PROGRESS, noted.status());
    assertEquals("需要物业配合开门", noted.notes().get(0).text());
    assertTrue(noted.replies().stream().noneMatch(m -> m.text().contains("物业配合")), "notes are not replies");
    CaseRecord done = cases.update(r.id(), CaseUpdate.by("张三").withReply("已修好").withStatus(ANSWERED));
    assertEquals(ANSWERED, done.status());
    // answer and close in one step: the reply is the answer, then the case is closed
    CaseRecord other = caseIn(IN_PROGRESS);
    CaseRecord closed = cases.update(other.id(), CaseUpdate.by("张三").withReply("已处理完毕").withStatus(CLOSED));
    assertEquals(CLOSED, closed.status());
    List<CaseHistoryEntry> h = cases.history(other.id());
    assertEquals(List.of(Action.REPLIED, Action.STATUS, Action.STATUS),
        h.subList(h.size() - 3, h.size()).stream().map(CaseHistoryEntry::action).toList());
    assertEquals(ANSWERED, h.get(h.size() - 2).to());
  }

  @Test
  void closingWithoutAnAnswerIsRefusedAndLeavesNothingBehind() {
    CaseRecord other = caseIn(IN_PROGRESS);
    List<CaseHistoryEntry> before = cases.history(other.id());
    assertThrows(CaseException.class,
        () -> cases.update(other.id(), CaseUpdate.by("张三").withNote("办完了").withStatus(CLOSED)));
    // a refused update with a reply and an illegal status leaves no reply behind either
    assertThrows(CaseException.class,
        () -> cases.update(other.id(), CaseUpdate.by("张三").withReply("已处理").withStatus(RETURNED)));
    assertTrue(cases.get(other.id()).replies().isEmpty());
    assertEquals(before, cases.history(other.id()));
  }

  @Test
  void historyRecordsEveryChangeWithWhoWhenFromTo() {
    CaseRecord r = cases.create(CaseTestSupport.resident("u1", "小区垃圾三天没人清运", "幸福社区"));
    List<Object[]> expected = new ArrayList<>();
    expected.add(new Object[] {Action.CREATED, null, RECEIVED, "telegram:u1"});
    clock.advance(Duration.ofMinutes(5));
    cases.assign(r.id(), "保洁队", "调度员");
    expected.add(new Object[] {Action.ASSIGNED, RECEIVED, RECEIVED, "调度员"});
    expected.add(new Object[] {Action.STATUS, RECEIVED, ASSIGNED, "调度员"});
    clock.advance(Duration.ofMinutes(5));
    cases.addNote(r.id(), "保洁队", "垃圾车坏了，下午到");
    expected.add(new Object[] {Action.NOTE, ASSIGNED, ASSIGNED, "保洁队"});
    clock.advance(Duration.ofMinutes(5));
    cases.update(r.id(), CaseUpdate.by("调度员").withCategory("环境卫生"));
    expected.add(new Object[] {Action.RECATEGORIZED, ASSIGNED, ASSIGNED, "调度员"});
    clock.advance(Duration.ofMinutes(5));
    cases.follow(r.id(), "telegram", "u7", "chat-u7");
    expected.add(new Object[] {Action.FOLLOWED, ASSIGNED, ASSIGNED, "telegram:u7"});
    clock.advance(Duration.ofMinutes(5));
    cases.reply(r.id(), "保洁队", "已清运");
    expected.add(new Object[] {Action.REPLIED, ASSIGNED, ASSIGNED, "保洁队"});
    expected.add(new Object[] {Action.STATUS, ASSIGNED, ANSWERED, "保洁队"});
    clock.advance(Duration.ofMinutes(5));
    cases.transition(r.id(), CLOSED, "调度员", "回访满意");
    expected.add(new Object[] {Action.STATUS, ANSWERED, CLOSED, "调度员"});
    clock.advance(Duration.ofMinutes(5));
    cases.rate(r.id(), "telegram", "u1", 5, "很及时");
    expected.add(new Object[] {Action.RATED, CLOSED, CLOSED, "telegram:u1"});

    List<CaseHistoryEntry> h = cases.history(r.id());
    assertEquals(expected.size(), h.size());
    for (int i = 0; i < h.size(); i++) {
      assertEquals(expected.get(i)[0], h.get(i).action(), "row " + i);
      assertEquals(expected.get(i)[1], h.get(i).from(), "row " + i);
      assertEquals(expected.get(i)[2], h.get(i).to(), "row " + i);
      assertEquals(expected.get(i)[3], h.get(i).actor(), "row " + i);
      if (i > 0) assertTrue(!h.get(i).at().isBefore(h.get(i - 1).at()));
    }
    CaseRecord end = cases.get(r.id());
    assertEquals(end.updatedAt(), last(h).at(), "the last change is the last history row");
    assertEquals("设施维修 → 环境卫生", h.get(4).note());
  }

  @Test
  void historyIsAppendOnlyInTheDatabase() throws SQLException {
    CaseRecord r = caseIn(ASSIGNED);
    try (Connection c = TestDatabases.open(dir).connect(); Statement s = c.createStatement()) {
      assertThrows(SQLException.class, () -> s.executeUpdate("UPDATE case_history SET note = 'x'"));
      assertThrows(SQLException.class, () -> s.executeUpdate("DELETE FROM case_history"));
    }
    assertEquals(3, cases.history(r.id()).size());
  }

  @Test
  void firstResponseAndCloseTimesAreSetOnce() {
    CaseRecord r = caseIn(RECEIVED);
    assertNull(r.firstResponseAt());
    clock.advance(Duration.ofMinutes(30));
    CaseRecord a = cases.assign(r.id(), "张三", "调度员");
    assertNotNull(a.firstResponseAt());
    clock.advance(Duration.ofMinutes(30));
    cases.transition(r.id(), IN_PROGRESS, "张三", null);
    assertEquals(a.firstResponseAt(), cases.get(r.id()).firstResponseAt());
  }

  private static CaseHistoryEntry last(List<CaseHistoryEntry> h) {
    return h.get(h.size() - 1);
  }
}
