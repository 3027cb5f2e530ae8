package cn.fivestar.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DuplicatesAndNotificationsTest {
  @TempDir Path dir;
  CaseService cases;
  final List<CaseEvent> events = new CopyOnWriteArrayList<>();

  @BeforeEach
  void open() {
    cases = CaseTestSupport.open(dir, new MutableClock(CaseTestSupport.MONDAY_9AM));
    cases.addListener(events::add);
  }

  @AfterEach
  void close() {
    cases.close();
  }

  private CaseRecord report(String user, String text, String location) {
    return cases.create(CaseTestSupport.resident(user, text, location));
  }

  private static List<String> ids(List<CaseRecord> l) {
    return l.stream().map(CaseRecord::id).toList();
  }

  @Test
  void findsTheSameProblemAtTheSamePlace() {
    CaseRecord lift = report("a", "3号楼电梯坏了，困人了！", "幸福社区3号楼");
    CaseRecord clutter = report("b", "3号楼楼道堆满杂物，消防通道堵了", "幸福社区3号楼");
    CaseRecord otherPlace = report("c", "电梯坏了", "阳光花园8号楼");
    report("d", "路灯不亮", "幸福社区");

    assertEquals(List.of(lift.id()), ids(cases.findSimilarOpen("3号楼的电梯又坏了", "幸福社区3号楼", 5)));
    assertEquals(List.of(lift.id()), ids(cases.findSimilarOpen("电梯又坏了!", "3号楼", 5)), "contained place");
    assertEquals(List.of(clutter.id()), ids(cases.findSimilarOpen("楼道里杂物堆满了，消防通道过不去", "幸福社区３号楼", 5)));
    assertEquals(List.of(otherPlace.id()), ids(cases.findSimilarOpen("电梯坏了", "阳光花园8号楼", 5)));
    assertTrue(cases.findSimilarOpen("小区门口有人摆摊卖菜", "幸福社区3号楼", 5).isEmpty(), "same place, other problem");
    assertTrue(cases.findSimilarOpen("3号楼电梯坏了", "李庄村", 5).isEmpty(), "other place");
    assertTrue(cases.findSimilarOpen("", "幸福社区3号楼", 5).isEmpty());
    assertTrue(cases.findSimilarOpen("电梯坏了", "幸福社区3号楼", 0).isEmpty());
  }

  @Test
  void phoneNumbersInTheTextDoNotHideADuplicate() {
    CaseRecord lift = report("a", "3号楼电梯坏了，困人了！电话13812345678，身份证410102199001011234", "幸福社区3号楼");
    assertEquals(List.of(lift.id()), ids(cases.findSimilarOpen("3号楼的电梯又坏了", "幸福社区3号楼", 5)));
  }

  @Test
  void withoutAPlaceTheTextMustBeClearlyAlike() {
    CaseRecord lift = report("a", "3号楼电梯坏了，困人了", null);
    assertEquals(List.of(lift.id()), ids(cases.findSimilarOpen("3号楼电梯坏了困人了", null, 3)));
    assertTrue(cases.findSimilarOpen("电梯广告太吵", null, 3).isEmpty());
  }

  @Test
  void mostSimilarFirstAndOnlyOpenCases() {
    CaseRecord close = report("a", "3号楼电梯坏了，有人被困", "幸福社区3号楼");
    CaseRecord looser = report("b", "3号楼电梯坏了好几天", "幸福社区3号楼");
    CaseRecord done = report("c", "3号楼电梯坏了，有人被困在里面", "幸福社区3号楼");
    cases.reply(done.id(), "张三", "已修复");
    cases.transition(done.id(), CaseStatus.CLOSED, "张三", null);
    String query = "3号楼电梯坏了，有人被困在里面";
    assertEquals(List.of(close.id(), looser.id()), ids(cases.findSimilarOpen(query, "幸福社区3号楼", 5)));
    assertEquals(List.of(close.id()), ids(cases.findSimilarOpen(query, "幸福社区3号楼", 1)));
  }

  @Test
  void threeNeighboursReportingOneLightInTheirOwnWordsAreCaught() {
    CaseRecord first = report("a", "楼道灯坏了", "幸福路12号院3号楼2单元501");
    assertEquals(List.of(first.id()), ids(cases.findSimilarOpen("3号楼2单元楼道的灯不亮了，晚上上下楼黑乎乎的",
        "幸福路12号院3号楼2单元602", 5)));
    CaseRecord second = report("b", "3号楼2单元楼道的灯不亮了，晚上上下楼黑乎乎的", "幸福路12号院3号楼2单元602");
    List<String> third = ids(cases.findSimilarOpen("声控灯坏了好几天了", "幸福路１２号院 3号楼 2单元", 5));
    assertEquals(2, third.size());
    assertTrue(third.containsAll(List.of(first.id(), second.id())), third.toString());
  }

  @Test
  void oneResidentsReportsAtTwoHouseNumbersAreNotDuplicates() {
    report("a", "路灯坏了，晚上很黑", "人民路1号院");
    assertTrue(cases.findSimilarOpen("路灯坏了，晚上很黑", "人民路2号院", 5).isEmpty());
  }

  @Test
  void aStreetAloneIsTooVague() {
    report("a", "楼道灯坏了", "幸福路12号院3号楼2单元501");
    report("b", "楼道灯坏了", "幸福路");
    assertTrue(cases.findSimilarOpen("楼道灯坏了", "幸福路", 5).isEmpty());
  }

  @Test
  void theReportersOwnEarlierOpenCaseIsADuplicateToo() {
    CaseRecord mine = report("a", "下水道堵了，污水漫出来了", "王庄村三组");
    assertEquals(List.of(mine.id()), ids(cases.findSimilarOpen("下水道又堵了", "王庄村3组", 5)));
    cases.reply(mine.id(), "张三", "已疏通");
    cases.transition(mine.id(), CaseStatus.CLOSED, "张三", null);
    assertTrue(cases.findSimilarOpen("下水道又堵了", "王庄村3组", 5).isEmpty(), "a closed case is not offered");
  }

  @Test
  void mergingKeepsEveryReporterInformed() {
    CaseRecord first = report("a", "3号楼电梯坏了", "幸福社区3号楼");
    CaseRecord dup = report("b", "3号楼电梯又坏了", "幸福社区3号楼");
    CaseRecord dup2 = report("c", "电梯不动了", "幸福社区3号楼");
    cases.follow(dup2.id(), "telegram", "neighbour", "chat-neighbour");
    cases.merge(dup2.id(), dup.id(), "调度员");
    events.clear();

    CaseRecord merged = cases.merge(dup.id(), first.id(), "调度员");
    assertEquals(CaseStatus.MERGED, merged.status());
    assertEquals(first.id(), merged.mergedInto());
    assertEquals(1, events.size());
    CaseEvent e = events.get(0);
    assertEquals(CaseEvent.Type.MERGED, e.type());
    assertEquals(dup.id(), e.record().id());
    assertEquals(List.of("b", "c", "neighbour"), e.recipients().stream().map(Recipient::userId).toList());

    List<Recipient> people = cases.recipients(first.id());
    assertEquals(List.of("a", "b", "c", "neighbour"), people.stream().map(Recipient::userId).toList());
    assertTrue(people.get(0).reporter());
    assertEquals("chat-b", people.get(1).chatId());

    events.clear();
    cases.assign(first.id(), "电梯维保公司", "调度员");
    cases.reply(first.id(), "电梯维保公司", "已修复并做了安全检查");
    assertEquals(List.of(CaseEvent.Type.STATUS_CHANGED, CaseEvent.Type.REPLIED, CaseEvent.Type.STATUS_CHANGED),
        events.stream().map(CaseEvent::type).toList());
    for (CaseEvent ev : events) assertEquals(4, ev.recipients().size(), "every reporter hears about it");
    CaseEvent reply = events.get(1);
    assertEquals("已修复并做了安全检查", reply.text());
    assertEquals(CaseStatus.ANSWERED, reply.record().status(), "events carry the case as committed");
    assertEquals(CaseStatus.ANSWERED, events.get(2).to());

    // merged cases show up for their reporter, and follow-up questions reach the target
    assertEquals(List.of(first.id(), dup.id()), ids(cases.listByReporter("telegram", "b")).stream().sorted().toList());
    CaseRecord followed = cases.follow(dup.id(), "telegram", "late", "chat-late");
    assertEquals(first.id(), followed.id());
    assertEquals(5, cases.recipients(first.id()).size());
    assertThrows(CaseException.class, () -> cases.reply(dup.id(), "张三", "回复"), "merged cases are handled in the target");
  }

  @Test
  void phoneReportersAreFollowersWithoutAChat() {
    CaseRecord first = report("a", "路灯坏了", "幸福社区");
    CaseRecord phone = cases.create(new NewCase("phone", "13812345678", null, "李大爷", "13812345678", "路灯又坏了",
        "幸福社区", "设施维修", CaseKind.HELP, List.of()));
    assertTrue(cases.recipients(phone.id()).isEmpty(), "no chat to reach them in");
    cases.merge(phone.id(), first.id(), "调度员");
    assertEquals(2, cases.get(first.id()).followers().size() + 1);
    assertEquals(1, cases.recipients(first.id()).size());
  }

  @Test
  void listenersRunAfterCommitAndTheirFailuresDoNotUndoTheChange() {
    CaseRecord r = report("a", "垃圾没人收", "幸福社区");
    cases.addListener(ev -> {
      // the change is already visible to other readers
      assertEquals(ev.record().status(), cases.get(ev.record().id()).status());
      throw new IllegalStateException("telegram is down");
    });
    CaseRecord answered = cases.reply(r.id(), "保洁", "已收");
    assertEquals(CaseStatus.ANSWERED, answered.status());
    assertEquals(CaseStatus.ANSWERED, cases.get(r.id()).status());
    assertTrue(events.stream().anyMatch(e -> e.type() == CaseEvent.Type.REPLIED));
  }

  @Test
  void onlyTheReporterRatesAndOnlyWhenClosed() {
    CaseRecord r = report("a", "门口积水", "幸福社区");
    CaseException notYet = assertThrows(CaseException.class, () -> cases.rate(r.id(), "telegram", "a", 5, null));
    assertTrue(notYet.getMessage().contains("办结后才能评价"));
    cases.reply(r.id(), "张三", "已疏通");
    cases.transition(r.id(), CaseStatus.CLOSED, "张三", null);
    CaseException other = assertThrows(CaseException.class, () -> cases.rate(r.id(), "telegram", "b", 1, "差"));
    assertEquals(CaseException.Reason.NOT_ALLOWED, other.reason());
    assertThrows(CaseException.class, () -> cases.rate(r.id(), "telegram", "a", 6, null));
    assertThrows(CaseException.class, () -> cases.rate(r.id(), "telegram", "a", 0, null));
    assertNull(cases.get(r.id()).rating());
    assertEquals(4, cases.rate(r.id(), "telegram", "a", 4, "还行").rating());
    CaseRecord again = cases.rate(r.id(), "telegram", "a", 5, "后来又来看了一次，很负责");
    assertEquals(5, again.rating());
    assertEquals("后来又来看了一次，很负责", again.ratingComment());
    assertEquals(2, cases.history(r.id()).stream().filter(h -> h.action() == CaseHistoryEntry.Action.RATED).count());
  }
}
