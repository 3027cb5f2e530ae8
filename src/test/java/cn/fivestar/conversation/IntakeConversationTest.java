package cn.fivestar.conversation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.fivestar.cases.CaseFilter;
import cn.fivestar.cases.CaseKind;
import cn.fivestar.cases.CaseRecord;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Whole report intakes through the engine, on a real SQLite file. */
class IntakeConversationTest {
  @TempDir Path dir;
  Harness h;

  @BeforeEach
  void start() {
    h = new Harness(dir);
  }

  @AfterEach
  void stop() {
    h.close();
  }

  @Test
  void asksOnlyForTheMissingPlaceThenConfirms() {
    String r1 = h.say("a", "楼下路灯坏了好几天了");
    assertTrue(r1.contains("在哪里"), r1);
    String summary = h.say("a", "幸福路12号院3号楼");
    assertTrue(summary.contains("设施维修") && summary.contains("共建共享星"), summary);
    assertTrue(summary.contains("预计") && summary.contains("1月19日"), summary);  // 10 working days after Mon 5 Jan
    assertTrue(summary.contains("幸福路12号院3号楼"), summary);
    String done = h.say("a", "确认");
    String id = Harness.trackingNumber(done);
    assertTrue(done.contains("1月19日"), done);
    CaseRecord r = h.cases.get(id);
    assertEquals("设施维修", r.category());
    assertEquals("幸福路12号院3号楼", r.location());
    assertEquals("楼下路灯坏了好几天了", r.text());
    assertEquals("telegram", r.channel());
    assertEquals("chat-a", r.chatId());
    assertEquals(CaseKind.HELP, r.kind());
  }

  @Test
  void aLongAnswerToWhereKeepsJustThePlace() {
    h.say("a", "路灯坏了");
    String summary = h.say("a", "就在幸福路12号院3号楼门口，晚上黑乎乎的什么都看不见，老人走路很容易摔倒，已经好几天了");
    // The clause naming the place, down to the door; not the story after it.
    assertTrue(summary.contains("地点：幸福路12号院3号楼门口\n"), summary);
  }

  @Test
  void aReportSayingWhatAndWhereNeedsOnlyTheConfirmation() {
    String summary = h.say("a", "幸福路12号院3号楼的下水道堵了，污水都冒出来了");
    assertTrue(summary.contains("请核对"), summary);
    assertTrue(summary.contains("地点：幸福路12号院3号楼"), summary);
    CaseRecord r = h.cases.get(Harness.trackingNumber(h.say("a", "好")));
    assertEquals("幸福路12号院3号楼", r.location());
  }

  @Test
  void aBareComplaintAsksWhatHappenedAndKeepsTheKind() {
    assertTrue(h.say("a", "我要投诉").contains("发生了什么"));
    assertTrue(h.say("a", "物业乱收停车费，也不给发票").contains("在哪里"));
    String summary = h.say("a", "阳光花苑小区");
    assertTrue(summary.contains("物业停车") && summary.contains("投诉"), summary);
    CaseRecord r = h.cases.get(Harness.trackingNumber(h.say("a", "确认")));
    assertEquals(CaseKind.COMPLAINT, r.kind());
  }

  @Test
  void cancelAtAnyStepFilesNothing() {
    h.say("a", "楼道灯不亮了");
    assertTrue(h.say("a", "取消").contains("已取消"));
    h.say("a", "小区垃圾三天没人收");
    h.say("a", "建设路5号院");
    assertTrue(h.press("a", Role.RESIDENT, "cancel").contains("已取消"));
    assertTrue(h.cases.list(CaseFilter.all()).isEmpty());
    assertTrue(h.say("a", "取消").contains("没有正在填写"));
  }

  @Test
  void correctingThePlaceAndAddingAPhoneBeforeConfirming() {
    String summary = h.say("a", "3号楼电梯又坏了");
    assertTrue(summary.contains("地点：3号楼"), "the place named in the report is taken: " + summary);
    String precise = h.say("a", "在阳光花苑3号楼");
    assertTrue(precise.contains("地点：阳光花苑3号楼"), "a place sent at the summary refines it: " + precise);
    assertTrue(h.say("a", "不对").contains("修改哪一项"));
    assertTrue(h.say("a", "地点").contains("正确的地点"));
    String fixed = h.say("a", "锦绣城社区5号楼2单元");
    assertTrue(fixed.contains("地点：锦绣城社区5号楼2单元"), fixed);
    String withPhone = h.say("a", "13812345678");
    assertTrue(withPhone.contains("联系电话：13812345678"), withPhone);
    h.say("a", "修改电话");
    assertTrue(h.say("a", "12345").contains("号码好像不对"));
    h.say("a", "跳过");
    CaseRecord r = h.cases.get(Harness.trackingNumber(h.say("a", "确认")));
    assertEquals("锦绣城社区5号楼2单元", r.location());
    assertNull(r.phone());
  }

  @Test
  void anUnclearAnswerAtConfirmationRepeatsTheChoice() {
    h.say("a", "幸福路12号院的路灯坏了");
    String again = h.say("a", "嗯……我再想想");
    assertTrue(again.contains("确认") && again.contains("取消"), again);
    assertTrue(h.cases.list(CaseFilter.all()).isEmpty());
    assertTrue(Harness.trackingNumber(h.say("a", "确认")).matches("\\d{8}-\\d{4}"));
  }

  @Test
  void aLikelyDuplicateIsOfferedAndCanBeFollowed() {
    CaseRecord first = h.report("a", "幸福路12号院3号楼的路灯坏了，晚上很黑", null);
    String offer = h.say("b", "幸福路12号院3号楼路灯坏了好几天了");
    assertTrue(offer.contains("已有人反映") && offer.contains(first.id()), offer);
    assertFalse(offer.contains("晚上很黑"), "another resident's words are not shown: " + offer);
    String followed = h.say("b", "是");
    assertTrue(followed.contains("已为您关注编号 " + first.id()), followed);
    assertEquals(1, h.cases.list(CaseFilter.all()).size());
    assertTrue(h.cases.get(first.id()).followers().stream().anyMatch(f -> f.userId().equals("b")));
    // The follower sees it among their cases.
    assertTrue(h.say("b", "我反映的事怎么样了").contains(first.id()));
  }

  @Test
  void declingTheDuplicateFilesANewCase() {
    CaseRecord first = h.report("a", "幸福路12号院3号楼的路灯坏了", null);
    assertTrue(h.say("c", "幸福路12号院3号楼路灯不亮").contains(first.id()));
    String summary = h.press("c", Role.RESIDENT, "dup:new");
    assertTrue(summary.contains("请核对"), summary);
    String id = Harness.trackingNumber(h.say("c", "确认"));
    assertFalse(id.equals(first.id()));
    assertEquals(2, h.cases.list(CaseFilter.all()).size());
  }

  @Test
  void photosSentDuringTheIntakeAreAttached() {
    List<Outbound> r = h.engine.handle(new Inbound("telegram", "chat-p", "p", "居民p", Role.RESIDENT, "", null,
        List.of("photo-1")));
    assertTrue(Harness.join(r).contains("发生了什么"), Harness.join(r));
    h.say("p", "楼道里堆满了杂物，堵住了通道");
    h.engine.handle(new Inbound("telegram", "chat-p", "p", "居民p", Role.RESIDENT, "", null, List.of("photo-2")));
    String summary = h.say("p", "王庄村三组");
    assertTrue(summary.contains("照片：2 张"), summary);
    CaseRecord c = h.cases.get(Harness.trackingNumber(h.say("p", "确认")));
    assertEquals(List.of("photo-1", "photo-2"), c.photoIds());
  }

  @Test
  void anIntakeSurvivesARestart() {
    assertTrue(h.say("a", "小区门口的垃圾好几天没人清运了").contains("在哪里"));
    h.restart(Harness.realAnswerer());
    String summary = h.say("a", "幸福路12号院");
    assertTrue(summary.contains("环境卫生") && summary.contains("小区门口的垃圾"), summary);
    h.restart(Harness.realAnswerer());
    CaseRecord r = h.cases.get(Harness.trackingNumber(h.say("a", "确认")));
    assertEquals("幸福路12号院", r.location());
  }

  @Test
  void staffAreToldAboutNewCases() {
    CaseRecord r = h.report("a", "楼道里电动车在充电，很危险", "幸福路12号院3号楼");
    assertEquals("治安消防", r.category());
    assertTrue(h.notifier.staff.stream().anyMatch(o -> o.text().contains(r.id())));
  }
}
