package cn.fivestar.conversation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.fivestar.cases.CaseFilter;
import cn.fivestar.cases.CaseKind;
import cn.fivestar.cases.CaseRecord;
import cn.fivestar.cases.CaseStatus;
import cn.fivestar.conversation.DialogState.Step;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Whole turns as residents send them: each message handled as the person meant it, given the conversation so far. */
class TurnDecisionTest {
  @TempDir Path dir;
  Harness h;

  @BeforeEach
  void setUp() {
    h = new Harness(dir);
  }

  @AfterEach
  void tearDown() {
    h.close();
  }

  private int caseCount() {
    return h.cases.list(CaseFilter.all()).size();
  }

  @Test
  void aQuestionWithPersonalContextIsAnsweredNotTakenAsAReport() {
    String reply = h.say("a", "社区有没有给老人送饭的服务？我家老爷子一个人住");
    assertFalse(reply.contains("在哪里"), reply);
    assertTrue(reply.contains("来源"), "a cited answer: " + reply);
    assertEquals(0, caseCount());
  }

  @Test
  void aQuestionAtTheWherePromptIsAnsweredAndTheReportWaits() {
    assertTrue(h.say("a", "垃圾三四天没人清了 都招苍蝇了").contains("在哪里"));
    String answer = h.say("a", "具体怎么做的？");
    assertTrue(answer.contains("还没有提交"), "one line says where the report stands: " + answer);
    String summary = h.say("a", "桐柏社区颍河路小区69号院");
    assertTrue(summary.contains("地点：桐柏社区颍河路小区69号院"), summary);
    CaseRecord r = h.cases.get(Harness.trackingNumber(h.say("a", "确认")));
    assertEquals("桐柏社区颍河路小区69号院", r.location());
  }

  @Test
  void anUnrelatedShortQuestionIsNotGluedToThePreviousOne() {
    String first = h.say("a", "社区那个助老食堂在哪 老人能去吃不");
    String weather = h.say("a", "明天天气怎么样？");
    assertFalse(weather.contains("助老食堂"), weather);
    assertFalse(weather.contains("转给社区工作人员"), "no offer to pass an off-topic question on: " + weather);
    assertTrue(first.length() > 0);
    assertEquals(0, caseCount());
  }

  @Test
  void aTypedEditReplacesThePlaceCleanly() {
    h.say("a", "楼道里堆了好多纸箱子 在锦艺东社区3号楼");
    String summary = h.say("a", "地点改成锦艺西社区3号楼 刚才说错了");
    assertTrue(summary.contains("地点：锦艺西社区3号楼\n"), summary);
    CaseRecord r = h.cases.get(Harness.trackingNumber(h.say("a", "确认")));
    assertEquals("锦艺西社区3号楼", r.location());
  }

  @Test
  void aPlainWordsCancelDropsTheReport() {
    h.say("a", "车棚顶子破了个大窟窿");
    String reply = h.say("a", "算了，还是先不报了");
    assertTrue(reply.contains("已取消"), reply);
    assertEquals(Step.IDLE, h.state("a").step());
    assertEquals(0, caseCount());
  }

  @Test
  void aRatingInWordsRatesTheClosedCase() {
    CaseRecord r = h.report("a", "幸福路12号院3号楼路灯坏了", null);
    h.staff("s", "/close " + r.id() + " 已修好");
    String reply = h.say("a", "修好了，给3分吧");
    assertTrue(reply.contains("3 分"), reply);
    assertEquals(3, h.cases.get(r.id()).rating());
    assertEquals(1, caseCount(), "no new report");
  }

  @Test
  void aLowScoreReopensTheCaseAndSaysSo() {
    CaseRecord r = h.report("a", "幸福路12号院3号楼路灯坏了", null);
    h.staff("s", "/close " + r.id() + " 已修好");
    String reply = h.say("a", "1分，根本没修好");
    assertTrue(reply.contains("重办") && !reply.startsWith("感谢您的评价（1 分）！还有"), reply);
    assertEquals(CaseStatus.IN_PROGRESS, h.cases.get(r.id()).status());
    assertTrue(h.cases.history(r.id()).stream().anyMatch(e -> String.valueOf(e.note()).contains("没修好")));
  }

  @Test
  void notFixedWithoutAScoreReopensToo() {
    CaseRecord r = h.report("a", "幸福路12号院3号楼路灯坏了", null);
    h.staff("s", "/close " + r.id() + " 已修好");
    h.press("a", cn.fivestar.conversation.Role.RESIDENT, "rate:" + r.id() + ":4");
    h.say("a", "跳过");
    assertTrue(h.say("a", "路灯还是不亮").contains("重办"));
    assertEquals(CaseStatus.IN_PROGRESS, h.cases.get(r.id()).status());
  }

  @Test
  void anUrgentDangerGetsAdviceFirstAndIsRegisteredAsUrgent() {
    String reply = h.say("a", "快快快 电梯困人了！！锦艺西社区6号楼 邻居家老太太关在里面出不来了");
    assertTrue(reply.indexOf("96333") >= 0 && reply.indexOf("96333") < reply.indexOf("编号"), reply);
    CaseRecord r = h.cases.get(Harness.trackingNumber(reply));
    assertEquals(CaseKind.URGENT, r.kind());
    assertTrue(h.notifier.staff.stream().anyMatch(o -> o.text().contains("紧急") && o.text().contains(r.id())),
        "staff are alerted at once");
    assertTrue(h.say("a", "电话13700002222 赶紧派人").contains("电话已补充"));
  }

  @Test
  void askingWhoHandlesAProblemReportsItAndSaysWho() {
    String reply = h.say("a", "电梯又坏了，这归谁管？");
    assertTrue(reply.contains("物业") && reply.contains("在哪里"), reply);
  }

  @Test
  void anAddressAloneAsksWhatHappened() {
    String reply = h.say("a", "幸福路12号院3号楼");
    assertTrue(reply.contains("什么问题"), reply);
    String summary = h.say("a", "楼道里堆了一堆纸箱子旧家具 怕着火");
    assertTrue(summary.contains("地点：幸福路12号院3号楼"), summary);
  }

  @Test
  void statusInTheMiddleOfANewReportKeepsTheDraft() {
    CaseRecord first = h.report("a", "通信花园社区纬五路13号院6号楼 单元门口的台阶塌了一块", null);
    h.say("a", "又发现个问题 车棚顶子破了个大窟窿");
    String status = h.say("a", "我的单子现在都啥状态了");
    assertTrue(status.contains(first.id()) && status.contains("还没有提交"), status);
    assertTrue(h.say("a", "车棚那个算了 先不报了").contains("已取消"));
    assertEquals(1, caseCount());
    assertNull(h.state("a").draft());
  }
}
