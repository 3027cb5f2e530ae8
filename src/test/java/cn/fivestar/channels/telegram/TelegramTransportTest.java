package cn.fivestar.channels.telegram;

import cn.fivestar.infra.TestDatabases;
import static cn.fivestar.channels.telegram.BotHarness.STAFF_GROUP;
import static cn.fivestar.channels.telegram.BotHarness.STAFF_USER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import cn.fivestar.infra.Database;
import cn.fivestar.infra.TestLogs;
import cn.fivestar.infra.UserException;
import cn.fivestar.conversation.Inbound;
import cn.fivestar.conversation.Role;
import java.nio.file.Path;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.objects.Update;

/**
 * The Telegram transport end to end over real HTTP (fake Bot API on 127.0.0.1, real OkHttp client, real SQLite),
 * with a scripted engine standing in for the conversation engine.
 */
class TelegramTransportTest {
  static final long RESIDENT = 4242;

  @TempDir Path dir;
  FakeBotApi api;
  BotHarness bot;
  ScriptedEngine engine;

  @BeforeEach
  void setUp() throws Exception {
    api = new FakeBotApi();
  }

  @AfterEach
  void tearDown() {
    if (engine != null) engine.release.countDown();
    if (bot != null) bot.close();
    api.close();
  }

  private BotHarness start() {
    return start(s -> s);
  }

  private BotHarness start(java.util.function.UnaryOperator<TelegramSettings> tweak) {
    bot = new BotHarness(api, dir, tweak);
    engine = new ScriptedEngine(bot.notifier());
    return bot.start(engine);
  }

  private long engineSaw(String text) {
    return engine.received.stream().filter(i -> i.text().equals(text)).count();
  }

  @Test
  void startGreetsWithTheMenuKeyboardAndSetsUpTheBot() {
    start();
    api.enqueue(api.text(RESIDENT, "王阿姨", "/start"));

    FakeBotApi.Sent greeting = api.awaitText(RESIDENT, "您好，王阿姨");
    assertEquals(List.of("我要反映问题", "我要咨询", "查询进度", "五星知识"), greeting.keyboardLabels());
    assertFalse(greeting.request().has("parse_mode"), "plain text, nothing to escape");
    assertEquals(1, api.calls("deleteWebhook").size());
    assertTrue(api.calls("setMyCommands").stream().anyMatch(c -> c.params().path("scope").path("type")
        .asText().equals("default")), "residents' default menu");
    assertTrue(api.calls("setMyCommands").stream().anyMatch(c -> c.params().path("scope").path("chat_id")
        .asText().equals(Long.toString(STAFF_GROUP))), "staff menu in the staff group");
    assertEquals("fivestar_test_bot", bot.bot.username());
  }

  @Test
  void reportWithInlineConfirmationReachesStaffGroupAndStaffReplyReachesResident() {
    start();
    api.enqueue(api.text(RESIDENT, "王阿姨", "我要反映问题"));
    api.awaitText(RESIDENT, "请描述");
    api.enqueue(api.text(RESIDENT, "王阿姨", "3号楼楼道灯坏了一个星期"));
    FakeBotApi.Sent confirm = api.awaitText(RESIDENT, "确认提交吗");
    assertEquals(List.of("确认提交", "取消"), confirm.buttonLabels());

    api.enqueue(api.press(RESIDENT, RESIDENT, "王阿姨", "确认提交"));
    api.awaitText(RESIDENT, "已受理，编号 C-1");
    assertEquals(1, api.calls("answerCallbackQuery").size(), "the button press is acknowledged");
    FakeBotApi.Sent used = api.sentTo(RESIDENT).stream().filter(s -> s.messageId() == confirm.messageId())
        .findFirst().orElseThrow();
    assertTrue(used.text().endsWith("您选择了：确认提交"), used.text());
    assertTrue(used.buttonLabels().isEmpty(), "buttons are used up after the press");

    FakeBotApi.Sent notice = api.awaitText(STAFF_GROUP, "新案件 C-1：3号楼楼道灯坏了一个星期");
    assertEquals(List.of("接单"), notice.buttonLabels());

    api.enqueue(api.press(STAFF_GROUP, STAFF_USER, "李网格员", "接单"));
    api.awaitText(RESIDENT, "已由工作人员李网格员接手办理");
    api.awaitText(STAFF_GROUP, "李网格员 已接单（角色 STAFF）");
    api.await("group notice marked as taken", () -> api.sentTo(STAFF_GROUP).get(0).text()
        .endsWith("李网格员 选择了：接单"));
    Inbound take = engine.received.stream().filter(i -> "take:4242".equals(i.callbackData())).findFirst()
        .orElseThrow();
    assertEquals(Role.STAFF, take.role());
    assertEquals(Long.toString(STAFF_GROUP), take.chatId());
    assertEquals(Long.toString(STAFF_USER), take.userId());
  }

  @Test
  void longRepliesAreSplitAtSentenceEndsUnderTheLimit() {
    start();
    api.enqueue(api.text(RESIDENT, "王阿姨", "长文"));
    String expected = ScriptedEngine.longText().replace("\n", "");
    api.await("the whole long reply", () -> String.join("", api.textsTo(RESIDENT)).replace("\n", "").equals(expected));
    List<String> parts = api.textsTo(RESIDENT);
    assertTrue(parts.size() >= 3, "9,000 characters need three messages");
    for (String p : parts) {
      assertTrue(p.length() <= 4096, "part of " + p.length());
      assertTrue(p.endsWith("。"), "each part ends a sentence: …" + p.substring(p.length() - 10));
    }
  }

  @Test
  void photosPassTheLargestFileIdAndTheCaption() {
    start();
    api.enqueue(api.photo(RESIDENT, "王阿姨", "PHOTO-big", "垃圾堆在楼下"));
    api.awaitText(RESIDENT, "收到：垃圾堆在楼下 照片:PHOTO-big");
  }

  @Test
  void unsupportedContentGetsAPoliteAnswerWithoutBotheringTheEngine() {
    start();
    api.enqueue(api.sticker(RESIDENT, "王阿姨"));
    api.awaitText(RESIDENT, "只能看懂文字和照片");
    assertTrue(engine.received.isEmpty());
  }

  @Test
  void idCommandTellsPeopleTheirIdsForTheRolesFile() {
    start();
    api.enqueue(api.text(RESIDENT, "王阿姨", "/id"));
    api.awaitText(RESIDENT, "用户编号：" + RESIDENT);
    api.enqueue(api.groupText(STAFF_GROUP, STAFF_USER, "李网格员", "/id@" + FakeBotApi.BOT_USERNAME));
    api.awaitText(STAFF_GROUP, "本聊天的编号：" + STAFF_GROUP);
  }

  @Test
  void reDeliveredUpdatesAreProcessedOnce() {
    start();
    int first = api.enqueue(api.text(RESIDENT, "王阿姨", "第一条"));
    api.awaitText(RESIDENT, "收到：第一条");
    api.redeliver(first);
    api.redeliver(first);
    api.enqueue(api.text(RESIDENT, "王阿姨", "第二条"));
    api.awaitText(RESIDENT, "收到：第二条");
    assertEquals(1, engineSaw("第一条"));
    assertEquals(1, api.textsTo(RESIDENT).stream().filter(t -> t.contains("第一条")).count());
  }

  @Test
  void rateLimitedSendIsRetriedAfterRetryAfter() {
    start();
    api.trouble("sendMessage", new FakeBotApi.TooManyRequests(1));
    api.enqueue(api.text(RESIDENT, "王阿姨", "你好"));
    api.awaitText(RESIDENT, "收到：你好");
    assertEquals(2, api.calls("sendMessage").size(), "one 429, then the retry");
  }

  @Test
  void serverErrorsAndGarbledAnswersAreRetriedWithBackoff() {
    start();
    api.trouble("sendMessage", new FakeBotApi.ServerError(500), new FakeBotApi.BadGateway(),
        new FakeBotApi.ServerError(503));
    api.enqueue(api.text(RESIDENT, "王阿姨", "你好"));
    api.awaitText(RESIDENT, "收到：你好");
    assertEquals(4, api.calls("sendMessage").size());
    assertEquals(1, api.textsTo(RESIDENT).size());
  }

  @Test
  void timeoutsAreRetried() {
    start(s -> s.withTimeouts(Duration.ofSeconds(1), Duration.ofMillis(700)));
    api.trouble("sendMessage", new FakeBotApi.Hang(Duration.ofMillis(2500)));
    api.enqueue(api.text(RESIDENT, "王阿姨", "你好"));
    api.awaitText(RESIDENT, "收到：你好");
    assertEquals(1, api.textsTo(RESIDENT).size());
  }

  @Test
  void messagesThatStillFailGoToTheRetryQueueAndArriveLaterInOrder() {
    start();
    // Four attempts fail (the retry budget), so the reply is parked; the next one queues behind it.
    api.trouble("sendMessage", new FakeBotApi.ServerError(500), new FakeBotApi.ServerError(500),
        new FakeBotApi.ServerError(500), new FakeBotApi.ServerError(500), new FakeBotApi.ServerError(500));
    api.enqueue(api.text(RESIDENT, "王阿姨", "一"));
    api.await("the first reply parked", () -> bot.bot.retryQueueSize() == 1);
    api.enqueue(api.text(RESIDENT, "王阿姨", "二"));
    api.await("both replies delivered", () -> api.textsTo(RESIDENT).size() == 2);
    assertEquals(List.of("收到：一 角色:RESIDENT", "收到：二 角色:RESIDENT"), api.textsTo(RESIDENT));
    api.await("retry queue empty", () -> bot.bot.retryQueueSize() == 0);
  }

  @Test
  void optionalMethodsTheServerLacksAreSkippedAndTheBotGoesOn() {
    api.unsupported("setMyCommands");
    api.unsupported("sendChatAction");
    api.unsupported("deleteWebhook");
    api.unsupported("answerCallbackQuery");
    api.unsupported("editMessageText");
    start();
    api.enqueue(api.text(STAFF_USER, "李网格员", "慢"));
    engine.release.countDown(); // answers at once; the typing timer may or may not fire
    api.awaitText(STAFF_USER, "慢消息处理完了");
    api.enqueue(api.text(RESIDENT, "王阿姨", "我要反映问题"));
    api.enqueue(api.text(RESIDENT, "王阿姨", "路灯坏了"));
    api.awaitText(RESIDENT, "确认提交吗");
    api.enqueue(api.press(RESIDENT, RESIDENT, "王阿姨", "确认提交"));
    api.awaitText(RESIDENT, "已受理");
    assertEquals(1, api.calls("setMyCommands").size(), "tried once, then known to be missing");
    assertEquals(1, api.calls("answerCallbackQuery").size());
  }

  @Test
  void aMinimalServerAnsweringLikeTelegramTestApiIsServed() throws Exception {
    // getMe without is_bot, dates in milliseconds, extra fields, null results, no long polling, and methods it
    // lacks refused with HTTP 500 {"message": …}: before, serve gave up at getMe after 5 attempts.
    api.likeTelegramTestApi();
    start(s -> s.withTypingDelay(Duration.ofMillis(1)));
    assertEquals(FakeBotApi.BOT_USERNAME, bot.bot.username());

    api.enqueue(api.text(RESIDENT, "王阿姨", "我要反映问题"));
    api.awaitText(RESIDENT, "请描述");
    api.enqueue(api.text(RESIDENT, "王阿姨", "3号楼楼道灯坏了一个星期"));
    FakeBotApi.Sent confirm = api.awaitText(RESIDENT, "确认提交吗");
    api.enqueue(api.press(RESIDENT, RESIDENT, "王阿姨", "确认提交"));
    api.awaitText(RESIDENT, "已受理，编号 C-1");
    api.await("the used button edited away", () -> api.sentTo(RESIDENT).stream()
        .anyMatch(s -> s.messageId() == confirm.messageId() && s.text().endsWith("您选择了：确认提交")));
    api.awaitText(STAFF_GROUP, "新案件 C-1");

    // Each reply sent once: a sent message with a millisecond date is not mistaken for a failure and re-sent.
    assertEquals(List.of("请描述您遇到的问题。", "您反映的是：3号楼楼道灯坏了一个星期\n确认提交吗？", "已受理，编号 C-1。我们会尽快处理。"),
        api.calls("sendMessage").stream().filter(c -> c.params().path("chat_id").asText().equals(Long.toString(RESIDENT)))
            .map(c -> c.params().path("text").asText()).collect(Collectors.toList()));
    assertEquals(1, api.calls("answerCallbackQuery").size());
    assertEquals(1, api.calls("setMyCommands").size(), "refused once, then known to be missing");
    assertTrue(api.calls("sendChatAction").size() <= 1, "typing: refused once at most");
    assertEquals(3, engine.received.size(), "every update reached the engine once");

    // The server answers getUpdates at once: the bot paces itself instead of spinning.
    int before = api.calls("getUpdates").size();
    Thread.sleep(1000);
    int polls = api.calls("getUpdates").size() - before;
    assertTrue(polls >= 1 && polls <= 6, polls + " polls in a second");
  }

  @Test
  void typingIsShownWhenTheEngineTakesAWhile() throws Exception {
    start();
    api.enqueue(api.text(RESIDENT, "王阿姨", "慢"));
    engine.slowStarted.await();
    api.await("typing shown", () -> !api.calls("sendChatAction").isEmpty());
    engine.release.countDown();
    api.awaitText(RESIDENT, "慢消息处理完了");
    assertEquals("typing", api.calls("sendChatAction").get(0).params().path("action").asText());
  }

  @Test
  void groupsOnlyGetAnswersToCommandsAndMentions() {
    start();
    api.enqueue(api.groupText(STAFF_GROUP, STAFF_USER, "李网格员", "大家早上好"));
    api.enqueue(api.groupText(STAFF_GROUP, STAFF_USER, "李网格员", "/start@other_bot"));
    api.enqueue(api.groupText(STAFF_GROUP, STAFF_USER, "李网格员", "@" + FakeBotApi.BOT_USERNAME + " 路灯归谁管"));
    api.awaitText(STAFF_GROUP, "收到：路灯归谁管 角色:STAFF");
    api.enqueue(api.groupText(STAFF_GROUP, STAFF_USER, "李网格员", "/start@" + FakeBotApi.BOT_USERNAME));
    FakeBotApi.Sent greeting = api.awaitText(STAFF_GROUP, "您好，李网格员");
    assertTrue(greeting.keyboardLabels().isEmpty(), "no reply keyboard popping up for the whole group");
    assertTrue(greeting.request().has("reply_parameters"), "answers quote the message in groups");
    assertEquals(List.of("路灯归谁管", "/start"),
        engine.received.stream().map(Inbound::text).collect(Collectors.toList()));
  }

  @Test
  void aFailingUpdateGetsAnApologyAndTheNextOneIsHandled() {
    start();
    api.enqueue(api.text(RESIDENT, "王阿姨", "出错"));
    api.awaitText(RESIDENT, "抱歉，系统暂时出了点问题");
    api.enqueue(api.text(RESIDENT, "王阿姨", "再试一次"));
    api.awaitText(RESIDENT, "收到：再试一次");
  }

  @Test
  void aSlowChatDoesNotHoldUpOthers() throws Exception {
    start();
    api.enqueue(api.text(RESIDENT, "王阿姨", "慢"));
    engine.slowStarted.await();
    api.enqueue(api.text(RESIDENT, "王阿姨", "排在慢消息后面"));
    api.enqueue(api.text(7777, "张大爷", "你好"));
    api.awaitText(7777, "收到：你好");
    assertEquals(0, engineSaw("排在慢消息后面"), "same chat waits its turn");
    engine.release.countDown();
    api.awaitText(RESIDENT, "收到：排在慢消息后面");
    assertEquals(List.of("慢消息处理完了", "收到：排在慢消息后面 角色:RESIDENT"), api.textsTo(RESIDENT));
  }

  @Test
  void repliesKeepTheOrderOfEachChat() {
    start();
    for (int i = 0; i < 30; i++) {
      api.enqueue(api.text(RESIDENT, "王阿姨", "消息" + i));
      api.enqueue(api.text(RESIDENT + 1, "张大爷", "消息" + i));
    }
    api.await("all replies", () -> api.textsTo(RESIDENT).size() == 30 && api.textsTo(RESIDENT + 1).size() == 30);
    for (long chat : new long[] {RESIDENT, RESIDENT + 1}) {
      List<String> texts = api.textsTo(chat);
      for (int i = 0; i < 30; i++) assertEquals("收到：消息" + i + " 角色:RESIDENT", texts.get(i));
    }
  }

  @Test
  void pollingSurvivesServerTrouble() {
    api.trouble("getUpdates", new FakeBotApi.ServerError(502), new FakeBotApi.BadGateway(),
        new FakeBotApi.TooManyRequests(1));
    start();
    api.enqueue(api.text(RESIDENT, "王阿姨", "你好"));
    api.awaitText(RESIDENT, "收到：你好");
  }

  @Test
  void gracefulShutdownFinishesTheUpdateInProgress() throws Exception {
    start();
    api.enqueue(api.text(RESIDENT, "王阿姨", "慢"));
    engine.slowStarted.await();
    CompletableFuture<Void> closing = CompletableFuture.runAsync(bot.bot::close);
    api.await("shutdown begun", bot.bot::isStopping);
    engine.release.countDown();
    closing.get();
    assertEquals(List.of("慢消息处理完了"), api.textsTo(RESIDENT));

    // Nothing is left half-done: a new run does not handle it again.
    try (BotHarness again = new BotHarness(api, dir, s -> s)) {
      ScriptedEngine second = new ScriptedEngine(again.notifier());
      again.start(second);
      api.enqueue(api.text(RESIDENT, "王阿姨", "重启后"));
      api.awaitText(RESIDENT, "收到：重启后");
      assertEquals(List.of("重启后"), second.received.stream().map(Inbound::text).collect(Collectors.toList()));
    }
  }

  @Test
  void restartKeepsTheOffsetAndResumesUnfinishedUpdates() throws Exception {
    start();
    api.enqueue(api.text(RESIDENT, "王阿姨", "重启前"));
    api.awaitText(RESIDENT, "收到：重启前");
    bot.close();

    // An update taken by a run that then crashed (recorded with the offset, never handled): the server will not
    // send it again, the next run must handle it from the database.
    ObjectNode crashed = api.text(RESIDENT, "王阿姨", "崩溃前收到的");
    int crashedId = api.enqueue(crashed);
    {
      UpdateStore store = new UpdateStore(TestDatabases.open(dir), Clock.systemUTC());
      Update update = new ObjectMapper().convertValue(crashed, Update.class);
      store.record(List.of(update), UpdateMapper::chatKey, crashedId + 1);
    }
    int pollsBefore = api.calls("getUpdates").size();
    bot = new BotHarness(api, dir, s -> s);
    engine = new ScriptedEngine(bot.notifier());
    bot.start(engine);
    api.awaitText(RESIDENT, "收到：崩溃前收到的");
    api.enqueue(api.text(RESIDENT, "王阿姨", "重启后"));
    api.awaitText(RESIDENT, "收到：重启后");
    assertEquals(List.of("崩溃前收到的", "重启后"),
        engine.received.stream().map(Inbound::text).collect(Collectors.toList()));
    assertEquals(crashedId + 1, api.calls("getUpdates").get(pollsBefore).params().path("offset").asInt(),
        "polling resumed from the stored offset");
  }

  @Test
  void theTokenNeverReachesTheLogsEvenWhenTheServerEchoesTheUrl() {
    String secret = FakeBotApi.TOKEN.substring(FakeBotApi.TOKEN.indexOf(':') + 1);
    ListAppender<ILoggingEvent> logs = new ListAppender<>();
    Logger logger = (Logger) LoggerFactory.getLogger("cn.fivestar");
    Level level = logger.getLevel();
    logger.setLevel(Level.DEBUG);
    logs.start();
    logger.addAppender(logs);
    try {
      api.trouble("getMe", new FakeBotApi.EchoUrl(502));
      api.trouble("getUpdates", new FakeBotApi.EchoUrl(503));
      api.trouble("sendMessage", new FakeBotApi.EchoUrl(400), new FakeBotApi.EchoUrl(400));
      api.trouble("setMyCommands", new FakeBotApi.EchoUrl(403));
      start();
      api.enqueue(api.text(RESIDENT, "王阿姨", "你好"));
      api.await("the refused message logged", () -> TestLogs.events(logs).stream()
          .anyMatch(e -> e.getFormattedMessage().contains("not delivered")));

      // The same on the command line: a start that fails names the server's answer, not the token.
      TelegramSettings settings = BotHarness.testSettings(api).withRetry(
          new RetryPolicy(2, Duration.ofMillis(10), Duration.ofMillis(10), Duration.ofSeconds(1)), Duration.ofSeconds(1));
      api.trouble("getMe", new FakeBotApi.EchoUrl(502), new FakeBotApi.EchoUrl(502));
      try (TelegramBot b = new TelegramBot(settings, TestDatabases.open(dir.resolve("other")), BotHarness.roles())) {
        UserException e = assertThrows(UserException.class, () -> b.start(new ScriptedEngine(b.notifier())));
        assertTrue(e.getMessage().contains("upstream failed for http://127.0.0.1:"), e.getMessage());
        assertTrue(e.getMessage().contains("/bot<redacted>/getme"), e.getMessage());
        assertFalse(e.getMessage().contains(secret), e.getMessage());
      }
    } finally {
      logger.detachAppender(logs);
      logger.setLevel(level);
    }
    List<String> lines = TestLogs.events(logs).stream().map(e -> e.getFormattedMessage()
        + (e.getThrowableProxy() == null ? "" : " " + e.getThrowableProxy().getMessage())).toList();
    assertTrue(lines.stream().filter(l -> l.contains("upstream failed for") && l.contains("bot<redacted>")).count() >= 3,
        String.join("\n", lines));
    for (String line : lines) assertFalse(line.contains(secret), line);
  }

  @Test
  void aRejectedTokenFailsStartWithAClearMessage() {
    TelegramSettings wrong = BotHarness.testSettings(api);
    wrong = new TelegramSettings("999:wrong", wrong.apiUrl(), null, 1, 8, wrong.pollTimeout(),
        wrong.requestTimeout(), wrong.retry(), wrong.limits(), wrong.outboxInterval(), wrong.typingDelay(),
        wrong.shutdownGrace());
    try (TelegramBot b = new TelegramBot(wrong, TestDatabases.open(dir), BotHarness.roles())) {
      UserException e = assertThrows(UserException.class, () -> b.start(new ScriptedEngine(b.notifier())));
      assertTrue(e.getMessage().contains("TELEGRAM_BOT_TOKEN"), e.getMessage());
    }
  }
}
