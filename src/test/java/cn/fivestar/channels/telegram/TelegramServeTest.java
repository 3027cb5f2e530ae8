package cn.fivestar.channels.telegram;

import static cn.fivestar.channels.telegram.BotHarness.STAFF_GROUP;
import static cn.fivestar.channels.telegram.BotHarness.STAFF_USER;
import static cn.fivestar.channels.telegram.BotHarness.SUPERVISOR_USER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import cn.fivestar.app.Main;
import cn.fivestar.app.Services;
import cn.fivestar.app.ServeCommand;
import cn.fivestar.cases.CaseRecord;
import cn.fivestar.cases.CaseStatus;
import cn.fivestar.conversation.Outbound;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Whole conversations on Telegram with the real engine: the wiring {@code serve} uses ({@link ServeCommand#open}
 * on {@link Services}: knowledge base, extractive answerer, case store, dialog state in SQLite) against the fake
 * Bot API over real HTTP.
 */
class TelegramServeTest {
  static final long RESIDENT = 31_001;
  static final Pattern CASE_ID = Pattern.compile("\\d{8}-\\d{4}");

  @TempDir static Path template;
  @TempDir Path data;
  FakeBotApi api;
  Services services;
  TelegramBot bot;

  /** Builds the knowledge index once; each test copies it into its own data folder. */
  @BeforeAll
  static void buildIndex() {
    try (Services s = Services.open(template)) {
      s.awaitKnowledge();  // the index opens in the background; the tests copy it once built
    }
  }

  @BeforeEach
  void setUp() throws IOException {
    try (Stream<Path> files = Files.walk(template)) {
      for (Path p : (Iterable<Path>) files::iterator) {
        Path target = data.resolve(template.relativize(p).toString());
        if (Files.isDirectory(p)) Files.createDirectories(target);
        else if (p.toString().contains("index")) Files.copy(p, target);
      }
    }
    Files.writeString(data.resolve("roles.properties"),
        "# test staff\ntelegram:" + STAFF_USER + "=staff\ntelegram:" + SUPERVISOR_USER + "=supervisor\n",
        StandardCharsets.UTF_8);
    api = new FakeBotApi();
    serve(s -> s);
  }

  private void serve(UnaryOperator<TelegramSettings> tweak) {
    services = Services.open(data);
    bot = ServeCommand.open(tweak.apply(BotHarness.testSettings(api)), services);
  }

  private void stop() {
    bot.close();
    services.close();
  }

  @AfterEach
  void tearDown() {
    stop();
    api.close();
  }

  private FakeBotApi.Sent say(long chat, String name, String text, String expect) {
    int before = api.sentTo(chat).size();
    api.enqueue(chat < 0 ? api.groupText(chat, STAFF_USER, name, text) : api.text(chat, name, text));
    api.await("a reply containing " + expect, () -> api.sentTo(chat).stream().skip(before)
        .anyMatch(s -> s.text().contains(expect)));
    return api.sentTo(chat).stream().skip(before).filter(s -> s.text().contains(expect)).findFirst().orElseThrow();
  }

  private FakeBotApi.Sent press(long chat, long user, String label, String expect) {
    int before = api.sentTo(chat).size();
    api.enqueue(api.press(chat, user, "王阿姨", label));
    api.await("after pressing " + label + ", a reply containing " + expect, () -> api.sentTo(chat).stream()
        .skip(before).anyMatch(s -> s.text().contains(expect)));
    return api.sentTo(chat).stream().skip(before).filter(s -> s.text().contains(expect)).findFirst().orElseThrow();
  }

  private static String caseId(String text) {
    Matcher m = CASE_ID.matcher(text);
    assertTrue(m.find(), "no tracking number in: " + text);
    return m.group();
  }

  /** Files a report through the inline confirmation button and returns its tracking number. */
  private String report(long resident, String problem) {
    FakeBotApi.Sent summary = say(resident, "王阿姨", problem, "请核对您要反映的内容");
    assertEquals(List.of("确认", "修改", "取消"), summary.buttonLabels());
    return caseId(press(resident, resident, "确认", "已为您登记").text());
  }

  @Test
  void reportStaffReplyClosingAndRatingReachTheRightPeople() {
    FakeBotApi.Sent hello = say(RESIDENT, "王阿姨", "/start", "您好！我是社区助手");
    assertTrue(hello.text().contains("反映问题或求助"), hello.text());

    String id = report(RESIDENT, "幸福路12号院3号楼的路灯坏了");
    assertEquals(1, api.calls("answerCallbackQuery").size(), "the press is acknowledged");
    api.awaitText(STAFF_GROUP, "新诉求 " + id);

    say(STAFF_USER, "李网格员", "/take " + id, "已接办 " + id);
    say(STAFF_USER, "李网格员", "/reply " + id + " 已安排电工明天上午维修。", id);
    api.awaitText(RESIDENT, "已安排电工明天上午维修。");

    say(STAFF_USER, "李网格员", "/status " + id + " closed 路灯已修好", id);
    FakeBotApi.Sent closed = api.awaitText(RESIDENT, "已办结");
    assertEquals(List.of("1分", "2分", "3分", "4分", "5分"), closed.buttonLabels());
    press(RESIDENT, RESIDENT, "5分", "感谢您的评价（5 分）");
    press(RESIDENT, RESIDENT, "跳过", "感谢您的反馈");

    CaseRecord r = services.cases().find(id).orElseThrow();
    assertEquals(CaseStatus.CLOSED, r.status());
    assertEquals(5, r.rating());
    assertEquals("telegram", r.channel());
    assertEquals(Long.toString(RESIDENT), r.userId());
  }

  @Test
  void theKeyboardOfMainActionsDrivesTheConversation() {
    FakeBotApi.Sent hello = say(RESIDENT, "王阿姨", "/start", "您好！我是社区助手");
    assertEquals(List.of("我要反映问题", "我要咨询", "查询进度", "五星知识"), hello.keyboardLabels());
    assertTrue(hello.replyMarkup().path("is_persistent").asBoolean(), hello.replyMarkup().toString());

    FakeBotApi.Sent stars = say(RESIDENT, "王阿姨", "五星知识", "来源：");
    assertTrue(stars.text().contains("支部过硬星"), stars.text());
    say(RESIDENT, "王阿姨", "我要反映问题", "发生了什么");
    say(RESIDENT, "王阿姨", "小区东门的垃圾三天没人清运了", "请问具体在哪里");
    // A button pressed instead of the place switches to the progress list; nothing is filed with it as the place.
    say(RESIDENT, "王阿姨", "查询进度", "还没有反映过问题");
    assertTrue(services.cases().listByReporter("telegram", Long.toString(RESIDENT)).isEmpty());

    FakeBotApi.Sent staff = say(STAFF_USER, "李网格员", "/start", "工作人员命令");
    assertTrue(staff.keyboardLabels().containsAll(List.of("新案件", "我的案件")), staff.keyboardLabels().toString());
    say(STAFF_USER, "李网格员", "新案件", "待派单的诉求");
    say(SUPERVISOR_USER, "赵主任", "超期案件", "超期");
  }

  @Test
  void staffTakeANewCaseWithTheButtonOnTheGroupNotice() {
    String id = report(RESIDENT, "幸福路12号院3号楼的路灯坏了");
    FakeBotApi.Sent notice = api.awaitText(STAFF_GROUP, "新诉求 " + id);
    assertEquals(List.of("接办"), notice.buttonLabels());
    assertEquals("take:" + id, notice.replyMarkup().path("inline_keyboard").path(0).path(0).path("callback_data").asText());
    // Prepared now, while the notice still has its button (the supervisor presses a stale copy at the end).
    var bySupervisor = api.press(STAFF_GROUP, SUPERVISOR_USER, "赵主任", "接办");

    // A resident in the group presses it: refused with a notice only they see; the button stays for the staff.
    int groupMessages = api.sentTo(STAFF_GROUP).size();
    api.enqueue(api.press(STAFF_GROUP, RESIDENT, "王阿姨", "接办"));
    JsonNode alert = awaitAlert("只有社区工作人员可以接办");
    assertTrue(alert.path("show_alert").asBoolean(), alert.toString());
    assertEquals(CaseStatus.RECEIVED, services.cases().find(id).orElseThrow().status());
    assertEquals(0, groupEdits(), "a refused press does not use the button up");
    assertEquals(groupMessages, api.sentTo(STAFF_GROUP).size(), "nothing posted to the group");
    assertEquals(List.of("接办"), current(notice).buttonLabels());
    assertEquals(notice.text(), current(notice).text());

    // Staff press the same button: it is used up and the notice shows who took the case.
    api.enqueue(api.press(STAFF_GROUP, STAFF_USER, "李网格员", "接办"));
    api.awaitText(STAFF_GROUP, "已接办 " + id);
    api.await("the notice edited", () -> current(notice).text().endsWith("✅ 李网格员 选择了：接办"));
    assertTrue(current(notice).buttonLabels().isEmpty(), current(notice).toString());
    CaseRecord r = services.cases().find(id).orElseThrow();
    assertEquals(CaseStatus.IN_PROGRESS, r.status());
    assertEquals("telegram:" + STAFF_USER, r.assignee());
    api.awaitText(RESIDENT, "工作人员已经在办理了");

    // A late press of a stale copy is refused and changes nothing.
    api.enqueue(bySupervisor);
    awaitAlert("已由 李网格员 接办");
    assertEquals(1, groupEdits());
    assertEquals("telegram:" + STAFF_USER, services.cases().find(id).orElseThrow().assignee());
  }

  /** Waits for a button press notice containing {@code text} and returns its parameters. */
  private JsonNode awaitAlert(String text) {
    api.await("a press notice containing " + text, () -> api.calls("answerCallbackQuery").stream()
        .anyMatch(c -> c.params().path("text").asText().contains(text)));
    return api.calls("answerCallbackQuery").stream().map(FakeBotApi.Call::params)
        .filter(p -> p.path("text").asText().contains(text)).findFirst().orElseThrow();
  }

  private long groupEdits() {
    return api.calls("editMessageText").stream()
        .filter(c -> c.params().path("chat_id").asText().equals(Long.toString(STAFF_GROUP))).count();
  }

  /** The message as it is now in its chat (edits applied). */
  private FakeBotApi.Sent current(FakeBotApi.Sent message) {
    return api.sentTo(Long.parseLong(message.chatId())).stream().filter(s -> s.messageId() == message.messageId())
        .findFirst().orElseThrow();
  }

  @Test
  void aCaseLoggedOnTheCommandLineReachesTheStaffGroupOnce() {
    // First a case reported on Telegram: its notice is sent by serve itself, and must not come again from the queue.
    String viaTelegram = report(RESIDENT, "幸福路12号院3号楼的路灯坏了");
    api.awaitText(STAFF_GROUP, "新诉求 " + viaTelegram);

    // `cases create` is another process in real life: its notice waits in the outbox until serve drains it.
    assertEquals(0, Main.execute("--data", data.toString(), "cases", "create", "--text", "和平小区2号楼电梯停了两天",
        "--location", "和平小区2号楼"));
    FakeBotApi.Sent notice = api.awaitText(STAFF_GROUP, "和平小区2号楼");
    String byPhone = caseId(notice.text());
    assertTrue(notice.text().startsWith("新诉求 " + byPhone), notice.text());
    assertEquals(List.of("接办"), notice.buttonLabels());
    assertEquals("take:" + byPhone, notice.replyMarkup().path("inline_keyboard").path(0).path(0).path("callback_data")
        .asText());

    // The queue was drained after the Telegram case was made, and that case's notice still came only once.
    assertEquals(1, api.textsTo(STAFF_GROUP).stream().filter(t -> t.contains("新诉求 " + viaTelegram)).count());
    assertEquals(2, api.textsTo(STAFF_GROUP).stream().filter(t -> t.startsWith("新诉求 ")).count());
  }

  @Test
  void aCaseLoggedWhileServeWasDownReachesTheStaffGroupAtStart() {
    stop();
    assertEquals(0, Main.execute("--data", data.toString(), "cases", "create", "--text", "村东头的桥栏杆断了",
        "--location", "王庄村东头"));
    serve(s -> s);
    FakeBotApi.Sent notice = api.awaitText(STAFF_GROUP, "王庄村东头");
    assertEquals(List.of("接办"), notice.buttonLabels());
  }

  @Test
  void photosDuringAnIntakeAreFiledWithTheCase() {
    say(RESIDENT, "王阿姨", "我要反映问题", "请简单描述一下您遇到的问题");
    int before = api.sentTo(RESIDENT).size();
    api.enqueue(api.photo(RESIDENT, "王阿姨", "PHOTO-1", "幸福小区3号楼下的垃圾堆了好几天没人清运"));
    api.await("the summary", () -> api.sentTo(RESIDENT).stream().skip(before)
        .anyMatch(s -> s.text().contains("请核对您要反映的内容")));
    String id = caseId(press(RESIDENT, RESIDENT, "确认", "已为您登记").text());
    assertEquals(List.of("PHOTO-1"), services.cases().find(id).orElseThrow().photoIds());
  }

  @Test
  void aQuestionGetsACitedAnswer() {
    FakeBotApi.Sent answer = say(RESIDENT, "王阿姨", "平安法治星的标准是什么？", "来源：");
    assertTrue(answer.text().contains("平安法治星"), answer.text());
    assertTrue(answer.text().matches("(?s).*\\[1]《[^》]+》.*"), answer.text());
  }

  @Test
  void aStatusQueryListsTheResidentsCases() {
    String id = report(RESIDENT, "小区东门的垃圾三天没人清运了，在幸福小区东门");
    FakeBotApi.Sent status = say(RESIDENT, "王阿姨", "我反映的事怎么样了", id);
    assertTrue(status.text().contains("已受理"), status.text());
    // Another resident cannot see it.
    FakeBotApi.Sent other = say(RESIDENT + 1, "张大爷", id, "没有找到");
    assertTrue(other.text().contains("保护隐私"), other.text());
  }

  @Test
  void anIntakeSurvivesARestartOfTheBot() {
    say(RESIDENT, "王阿姨", "我要反映问题", "请简单描述一下您遇到的问题");
    say(RESIDENT, "王阿姨", "小区东门的垃圾三天没人清运了", "请问具体在哪里");
    stop();
    serve(s -> s);
    FakeBotApi.Sent summary = say(RESIDENT, "王阿姨", "幸福小区东门", "请核对您要反映的内容");
    assertTrue(summary.text().contains("事项：小区东门的垃圾三天没人清运了"), summary.text());
    assertTrue(summary.text().contains("地点：幸福小区东门"), summary.text());
  }

  @Test
  void aReDeliveredConfirmationFilesOneCase() {
    say(RESIDENT, "王阿姨", "幸福路12号院3号楼的路灯坏了", "请核对您要反映的内容");
    int press = api.enqueue(api.press(RESIDENT, RESIDENT, "王阿姨", "确认"));
    api.awaitText(RESIDENT, "已为您登记");
    api.redeliver(press);
    api.redeliver(press);
    say(RESIDENT, "王阿姨", "我反映的事怎么样了", "共 1 件");
    assertEquals(1, services.cases().listByReporter("telegram", Long.toString(RESIDENT)).size());
  }

  @Test
  void staffWorkInTheGroupAndChatterIsIgnored() {
    String id = report(RESIDENT, "幸福路12号院3号楼的路灯坏了");
    api.awaitText(STAFF_GROUP, "新诉求 " + id);
    int before = api.sentTo(STAFF_GROUP).size();
    api.enqueue(api.groupText(STAFF_GROUP, STAFF_USER, "李网格员", "大家辛苦了"));
    FakeBotApi.Sent waiting = say(STAFF_GROUP, "李网格员", "/new@" + FakeBotApi.BOT_USERNAME, "待派单的诉求");
    assertTrue(waiting.text().contains(id), waiting.text());
    assertEquals(before + 1, api.sentTo(STAFF_GROUP).size(), "the chatter got no answer");
    assertTrue(waiting.request().has("reply_parameters"));
  }

  @Test
  void residentsCannotUseStaffCommandsAndStaffGetTheirMenu() {
    say(RESIDENT, "王阿姨", "/new", "只对社区工作人员开放");
    say(STAFF_USER, "李网格员", "/new", "待派单的诉求");
    assertTrue(api.calls("setMyCommands").stream().anyMatch(c ->
        c.params().path("scope").path("chat_id").asText().equals(Long.toString(STAFF_USER))
            && c.params().path("commands").toString().contains("\"take\"")), "staff menu in the staff chat");
    say(SUPERVISOR_USER, "赵主任", "/stats", "率");
  }

  @Test
  void pushesQueuedWhileNoBotRanAreDeliveredAtStart() {
    stop();
    // E.g. a staff reply made on the console while serve was down: the engine queued it for Telegram.
    try (Services offline = Services.open(data)) {
      offline.notifiers().toChat("telegram", Long.toString(RESIDENT), Outbound.text("您反映的问题有了答复：已处理。"));
    }
    serve(s -> s);
    api.awaitText(RESIDENT, "您反映的问题有了答复：已处理。");
  }

  @Test
  void aReplyMadeOnTheCommandLineReachesTheResidentWhileServeRuns() {
    String id = report(RESIDENT, "幸福路12号院3号楼的路灯坏了");
    // `cases update` is another process in real life: no engine, only the outbox that serve drains.
    assertEquals(0, Main.execute("--data", data.toString(), "cases", "update", id, "--reply", "已安排电工明天上午维修。",
        "--by", "staff1"));
    api.awaitText(RESIDENT, "已安排电工明天上午维修。");
  }

  @Test
  void serveWithoutATokenIsABadUsage() {
    assumeTrue(System.getenv(TelegramSettings.TOKEN_ENV) == null, "a real token is set in this environment");
    assertEquals(2, Main.execute("--data", data.toString(), "serve"));
  }
}
