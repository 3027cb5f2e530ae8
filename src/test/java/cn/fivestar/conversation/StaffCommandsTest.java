package cn.fivestar.conversation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.fivestar.cases.CaseRecord;
import cn.fivestar.cases.CaseStatus;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Slash commands by role. */
class StaffCommandsTest {
  @TempDir Path dir;
  Harness h;
  CaseRecord c;

  @BeforeEach
  void start() {
    h = new Harness(dir);
    c = h.report("a", "小区门口的垃圾好几天没人清运了", "幸福路12号院");
  }

  @AfterEach
  void stop() {
    h.close();
  }

  @Test
  void helpDependsOnTheRole() {
    String resident = Harness.join(h.send("a", Role.RESIDENT, "/help"));
    String staff = Harness.join(h.send("s", Role.STAFF, "/help"));
    String supervisor = Harness.join(h.send("v", Role.SUPERVISOR, "/help"));
    assertFalse(resident.contains("/take"), resident);
    assertTrue(staff.contains("/take") && staff.contains("/reply") && !staff.contains("/overdue"), staff);
    assertTrue(supervisor.contains("/overdue") && supervisor.contains("/stats"), supervisor);
    assertTrue(Harness.join(h.send("a", Role.RESIDENT, "/start")).contains("您好"));
  }

  @Test
  void residentsAndStaffAreRefusedCommandsAboveTheirRole() {
    String r = h.say("a", "/take " + c.id());
    assertTrue(r.contains("只对社区工作人员开放"), r);
    assertEquals(CaseStatus.RECEIVED, h.cases.get(c.id()).status());
    assertTrue(h.staff("s", "/overdue").contains("督办"));
    assertTrue(h.say("a", "/frobnicate").contains("/help"));
  }

  @Test
  void staffWorkACaseFromNewToClosed() {
    assertTrue(h.staff("s", "/new").contains(c.id()));
    assertTrue(h.staff("s", "/take " + c.id()).contains("已接办"));
    assertTrue(h.staff("s", "/mine").contains(c.id()));
    assertFalse(h.staff("s", "/new").contains(c.id()));
    assertTrue(h.staff("s", "/note " + c.id() + " 已联系环卫所").contains("备注"));
    String show = h.staff("s", "/show " + c.id());
    assertTrue(show.contains("已联系环卫所") && show.contains("办理中"), show);
    assertTrue(h.staff("s", "/reply " + c.id() + " 环卫所今天下午清运").contains("已答复"));
    assertTrue(h.staff("s", "/status " + c.id() + " closed 已清运完毕").contains("已办结"));
    assertEquals(CaseStatus.CLOSED, h.cases.get(c.id()).status());
    // The resident's note is internal: not in what the resident sees.
    assertFalse(h.say("a", c.id()).contains("环卫所已"), "notes stay internal");
    assertFalse(h.say("a", c.id()).contains("已联系环卫所"));
  }

  @Test
  void badCommandsGetUsageOrTheStoresReason() {
    assertTrue(h.staff("s", "/reply").contains("用法"));
    assertTrue(h.staff("s", "/reply " + c.id()).contains("用法"));
    assertTrue(h.staff("s", "/status " + c.id() + " flying").contains("未知的状态"));
    assertTrue(h.staff("s", "/show 20990101-0009").contains("找不到"));
    String illegal = h.staff("s", "/status " + c.id() + " closed");
    assertTrue(illegal.contains("不能"), illegal);
    assertEquals(CaseStatus.RECEIVED, h.cases.get(c.id()).status());
  }

  @Test
  void supervisorsSeeOverdueCasesAndStats() {
    assertTrue(Harness.join(h.send("v", Role.SUPERVISOR, "/overdue")).contains("暂无"));
    h.clock.advance(Duration.ofDays(30));
    String overdue = Harness.join(h.send("v", Role.SUPERVISOR, "/overdue"));
    assertTrue(overdue.contains(c.id()), overdue);
    String stats = Harness.join(h.send("v", Role.SUPERVISOR, "/stats 全部"));
    assertTrue(stats.contains("共 1 件") && stats.contains("环境卫生"), stats);
  }

  @Test
  void staffCloseReopenAndMergeInChat() {
    assertTrue(h.staff("s", "/close " + c.id() + " 已清运").contains("已办结"));
    assertEquals(CaseStatus.CLOSED, h.cases.get(c.id()).status());
    assertTrue(h.notifier.to("chat-a").stream().anyMatch(o -> o.text().contains("已清运")), "the resident hears the result");
    assertTrue(h.say("a", "/reopen " + c.id() + " 不对").contains("只对社区工作人员开放"));
    String reopened = h.staff("s", "/reopen " + c.id() + " 回访时居民说又堆起来了");
    assertTrue(reopened.contains("重新交办"), reopened);
    assertEquals(CaseStatus.IN_PROGRESS, h.cases.get(c.id()).status());
    assertTrue(h.notifier.staff.stream().anyMatch(o -> o.text().contains("重办")));

    CaseRecord other = h.report("b", "人民路3号院门口垃圾没人清", null);
    String merged = h.staff("s", "/merge " + other.id() + " " + c.id());
    assertTrue(merged.contains("已并入"), merged);
    assertEquals(CaseStatus.MERGED, h.cases.get(other.id()).status());
    assertTrue(h.staff("s", "/merge " + c.id()).contains("用法"));
  }

  @Test
  void closingAnAnsweredCaseTellsTheResidentTheClosingText() {
    h.staff("s", "/reply " + c.id() + " 明天上午来清运");
    h.staff("s", "/close " + c.id() + " 已清运完毕");
    assertTrue(h.notifier.to("chat-a").stream().anyMatch(o -> o.text().contains("已办结") && o.text().contains("已清运完毕")),
        "the result the resident reads is the closing text, not the earlier reply");
  }
}
