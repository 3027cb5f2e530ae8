package cn.fivestar.conversation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.fivestar.answer.Answerer;
import cn.fivestar.cases.CaseFilter;
import cn.fivestar.cases.CaseRecord;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The persistent reply keyboard: shown by /start and /help, and its labels understood whenever they arrive. */
class KeyboardConversationTest {
  static final List<List<String>> RESIDENT_KEYS = List.of(List.of("我要反映问题", "我要咨询"), List.of("查询进度", "五星知识"));

  @TempDir Path dir;
  Harness h;
  /** Every question the (real) answerer was asked. */
  final List<String> asked = new ArrayList<>();

  @BeforeEach
  void start() {
    Answerer real = Harness.realAnswerer();
    h = new Harness(dir, (q, history) -> {
      asked.add(q);
      return real.answer(q, history);
    }, null);
  }

  @AfterEach
  void stop() {
    h.close();
  }

  private List<List<String>> keyboard(List<Outbound> replies) {
    return replies.stream().map(Outbound::keyboard).filter(k -> !k.isEmpty()).findFirst().orElse(List.of());
  }

  @Test
  void startAndHelpShowEachRolesKeyboard() {
    List<Outbound> start = h.send("a", Role.RESIDENT, "/start");
    assertTrue(Harness.join(start).contains("您好"), Harness.join(start));
    assertEquals(RESIDENT_KEYS, keyboard(start));
    assertEquals(RESIDENT_KEYS, keyboard(h.send("a", Role.RESIDENT, "/help")));
    List<String> staff = keyboard(h.send("s", Role.STAFF, "/start")).stream().flatMap(List::stream).toList();
    assertTrue(staff.containsAll(List.of("新案件", "我的案件")) && !staff.contains("超期案件"), staff.toString());
    List<String> supervisor = keyboard(h.send("v", Role.SUPERVISOR, "/start")).stream().flatMap(List::stream).toList();
    assertTrue(supervisor.containsAll(List.of("新案件", "我的案件", "超期案件")), supervisor.toString());
  }

  @Test
  void reportButtonStartsAnIntakeThatFilesACase() {
    String ask = h.say("a", "我要反映问题");
    assertTrue(ask.contains("发生了什么"), ask);
    assertTrue(h.say("a", "楼道里的灯坏了，晚上看不见路").contains("具体在哪里"));
    assertTrue(h.say("a", "幸福路12号院3号楼").contains("请核对"));
    CaseRecord r = h.cases.get(Harness.trackingNumber(h.say("a", "确认")));
    assertEquals("幸福路12号院3号楼", r.location());
  }

  @Test
  void aLabelInTheMiddleOfAnIntakeIsNeverTakenAsThePlace() {
    h.say("a", "小区东门的垃圾三天没人清运了");
    String status = h.say("a", "查询进度");
    assertFalse(status.contains("请核对"), status);
    assertTrue(status.contains("还没有提交") && status.contains("还没有反映过问题"), status);
    // The intake is over: a place sent now is not filed as anything.
    h.say("a", "幸福小区东门");
    assertTrue(h.cases.list(CaseFilter.all()).isEmpty());
  }

  @Test
  void reportButtonDuringAnIntakeStartsAfreshPolitely() {
    h.say("a", "小区东门的垃圾三天没人清运了");
    String restart = h.say("a", "我要反映问题");
    assertTrue(restart.contains("重新开始登记") && restart.contains("发生了什么"), restart);
    h.say("a", "3号楼电梯坏了，困了好几次人");
    String summary = h.say("a", "阳光花苑3号楼");
    assertTrue(summary.contains("事项：3号楼电梯坏了") && !summary.contains("垃圾"), summary);
  }

  @Test
  void askButtonTreatsTheNextMessageAsAQuestion() {
    String prompt = h.say("a", "我要咨询");
    assertTrue(prompt.contains("想了解什么"), prompt);
    assertTrue(asked.isEmpty());
    // Said cold, this reads as a report; after 我要咨询 it is a question for the knowledge base.
    String reply = h.say("a", "楼道灯坏了");
    assertEquals(List.of("楼道灯坏了"), asked);
    assertFalse(reply.contains("具体在哪里") || reply.contains("请核对"), reply);
    // Only the next message: afterwards the same words start an intake again.
    assertTrue(h.say("a", "楼道灯坏了").contains("具体在哪里"));
  }

  @Test
  void askButtonDuringAnIntakeSwitchesToTheQuestion() {
    h.say("a", "小区东门的垃圾三天没人清运了");
    String prompt = h.say("a", "我要咨询");
    assertTrue(prompt.contains("还没有提交") && prompt.contains("想了解什么"), prompt);
    String answer = h.say("a", "平安法治星的标准是什么？");
    assertTrue(answer.contains("来源："), answer);
    assertTrue(h.cases.list(CaseFilter.all()).isEmpty());
  }

  @Test
  void cancelAfterTheAskButtonIsPolite() {
    h.say("a", "我要咨询");
    String cancel = h.say("a", "取消");
    assertFalse(cancel.contains("没有提交"), cancel);
    assertTrue(asked.isEmpty());
  }

  @Test
  void starsButtonGivesACitedOverviewThroughTheAnswerer() {
    String overview = h.say("a", "五星知识");
    assertEquals(List.of(Keyboards.STARS_QUESTION), asked);
    assertTrue(overview.contains("来源：") && overview.contains("支部过硬星"), overview);
  }

  @Test
  void statusButtonListsTheResidentsCases() {
    CaseRecord c = h.report("a", "小区门口的垃圾好几天没人清运了", "幸福路12号院");
    String list = h.say("a", "[查询进度]");  // the console shows keyboard labels in brackets
    assertTrue(list.contains(c.id()) && list.contains("共 1 件"), list);
  }

  @Test
  void staffLabelsRunTheirCommandsOnlyForStaff() {
    CaseRecord c = h.report("a", "小区门口的垃圾好几天没人清运了", "幸福路12号院");
    assertTrue(h.staff("s", "新案件").contains(c.id()));
    h.staff("s", "/take " + c.id());
    String mine = h.staff("s", "我的案件");
    assertTrue(mine.contains("我承办的诉求") && mine.contains(c.id()), mine);
    assertTrue(Harness.join(h.send("v", Role.SUPERVISOR, "超期案件")).contains("超期"));
    assertFalse(h.staff("s", "超期案件").contains("只对街道"), "staff have no overdue button; the words are just text");
    String resident = h.say("b", "新案件");
    assertFalse(resident.contains("待派单的诉求") || resident.contains("只对社区工作人员开放"), resident);
  }
}
