package cn.fivestar.channels.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.fivestar.answer.Answerer;
import cn.fivestar.answer.GroundedAnswerer;
import cn.fivestar.answer.llm.Prompts;
import cn.fivestar.app.Services;
import cn.fivestar.cases.CaseFilter;
import cn.fivestar.cases.CaseRecord;
import cn.fivestar.conversation.Role;
import cn.fivestar.knowledge.KnowledgeBase;
import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The console channel over the real engine: scripted input, buttons typed as labels, queued notifications. */
class ConsoleChatTest {
  private static KnowledgeBase kb;
  private static Answerer answerer;
  @TempDir Path dir;

  @BeforeAll
  static void knowledge() {
    kb = KnowledgeBase.open(Path.of("target", "console-test-kb"), List.of(Path.of("index")), false, s -> { });
    answerer = new GroundedAnswerer(kb, Optional.empty(), Prompts.load().refusal());
  }

  @AfterAll
  static void closeKnowledge() {
    kb.close();
  }

  /** Runs one console session of a user over the data folder and returns what it printed. */
  private String session(String user, Role role, String script) {
    try (Services services = new Services(dir, answerer)) {
      StringWriter out = new StringWriter();
      ConsoleChat chat = new ConsoleChat(services.engine(), services.backlog(), user, role, new PrintWriter(out, true));
      services.notifiers().attach(ConsoleChat.CHANNEL, chat);
      chat.run(new BufferedReader(new StringReader(script)), false);
      return out.toString();
    }
  }

  private List<CaseRecord> cases() {
    try (Services services = new Services(dir, answerer)) {
      return services.cases().list(CaseFilter.all());
    }
  }

  @Test
  void aScriptedReportEndsWithATrackingNumber() {
    String out = session("r1", Role.RESIDENT, "楼下路灯坏了好几天了\n幸福路12号院3号楼\n确认\n");
    assertTrue(out.contains("[确认] [修改] [取消]"), out);
    assertTrue(out.matches("(?s).*已为您登记，编号 \\d{8}-\\d{4}。[^\\[]*"), "ends with the tracking number: " + out);
    List<CaseRecord> all = cases();
    assertEquals(1, all.size());
    assertEquals("设施维修", all.get(0).category());
    assertEquals("console", all.get(0).channel());
  }

  @Test
  void typingAButtonLabelPressesIt() {
    String out = session("r1", Role.RESIDENT, "幸福路12号院3号楼的路灯坏了\n[修改]\n地点\n幸福路12号院5号楼\n确认\n");
    assertTrue(out.contains("修改哪一项"), out);
    assertEquals("幸福路12号院5号楼", cases().get(0).location());
  }

  @Test
  void notificationsWaitUntilTheResidentChatsAgain() {
    String filed = session("r1", Role.RESIDENT, "幸福路12号院3号楼的路灯坏了\n确认\n");
    String id = filed.replaceAll("(?s).*编号 (\\d{8}-\\d{4}).*", "$1");
    String staff = session("s1", Role.STAFF, "/take " + id + "\n/reply " + id + " 已安排电工明天维修\n/status " + id + " closed\n");
    assertTrue(staff.contains("已办结"), staff);
    String back = session("r1", Role.RESIDENT, "5\n跳过\n");
    assertTrue(back.startsWith("【通知】"), back);
    assertTrue(back.contains("已安排电工明天维修") && back.contains("[5分]"), back);
    assertTrue(back.contains("感谢您的评价（5 分）"), back);
    assertEquals(5, cases().get(0).rating());
  }

  @Test
  void staffSeeNewCasesWhileChatting() {
    try (Services services = new Services(dir, answerer)) {
      StringWriter staffOut = new StringWriter();
      ConsoleChat staff = new ConsoleChat(services.engine(), services.backlog(), "s1", Role.STAFF, new PrintWriter(staffOut, true));
      services.notifiers().attach(ConsoleChat.CHANNEL, staff);
      ConsoleChat resident = new ConsoleChat(services.engine(), services.backlog(), "r2", Role.RESIDENT,
          new PrintWriter(new StringWriter(), true));
      resident.send("王庄村三组的机井坏了");
      resident.send("确认");
      assertTrue(staffOut.toString().contains("【工作提醒】新诉求"), staffOut.toString());
    }
  }
}
