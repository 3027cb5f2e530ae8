package cn.fivestar.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.fivestar.answer.Answerer;
import cn.fivestar.answer.GroundedAnswerer;
import cn.fivestar.answer.llm.Prompts;
import cn.fivestar.channels.console.ConsoleChat;
import cn.fivestar.conversation.Button;
import cn.fivestar.conversation.Inbound;
import cn.fivestar.conversation.Outbound;
import cn.fivestar.conversation.Role;
import cn.fivestar.knowledge.KnowledgeBase;
import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code cases update/merge} run in their own process with no channel listening: what residents should hear is
 * queued in the outbox exactly as the engine would send it, and reaches them through their channel later.
 */
class CaseToolsNotifyTest {
  private static KnowledgeBase kb;
  private static Answerer answerer;
  @TempDir Path dir;

  @BeforeAll
  static void knowledge() {
    kb = KnowledgeBase.open(Path.of("target", "case-tools-test-kb"), List.of(Path.of("index")), false, s -> { });
    answerer = new GroundedAnswerer(kb, Optional.empty(), Prompts.load().refusal());
  }

  @AfterAll
  static void closeKnowledge() {
    kb.close();
  }

  private int cli(String... args) {
    String[] all = new String[args.length + 2];
    all[0] = "--data";
    all[1] = dir.toString();
    System.arraycopy(args, 0, all, 2, args.length);
    return Main.execute(all);
  }

  /** One console session of a resident (as `chat` runs it) and what it printed. */
  private String console(String user, String script) {
    try (Services services = new Services(dir, answerer)) {
      StringWriter out = new StringWriter();
      ConsoleChat chat = new ConsoleChat(services.engine(), services.backlog(), user, Role.RESIDENT, new PrintWriter(out, true));
      services.notifiers().attach(ConsoleChat.CHANNEL, chat);
      chat.run(new BufferedReader(new StringReader(script)), false);
      return out.toString();
    }
  }

  /** Messages from a Telegram resident to the engine (no Telegram bot runs: pushes for them are queued). */
  private static String telegram(Services services, long user, String text) {
    Inbound in = new Inbound("telegram", Long.toString(user), Long.toString(user), "王阿姨", Role.RESIDENT, text, null,
        List.of());
    return services.engine().handle(in).stream().map(Outbound::text).collect(Collectors.joining("\n"));
  }

  private static String trackingNumber(String text) {
    Matcher m = Pattern.compile("\\d{8}-\\d{4}").matcher(text);
    assertTrue(m.find(), "no tracking number in: " + text);
    return m.group();
  }

  @Test
  void aReplyFromTheCommandLineReachesAConsoleResidentWhenTheyNextChat() {
    String id = trackingNumber(console("r1", "幸福路12号院3号楼的路灯坏了\n确认\n"));
    assertEquals(0, cli("cases", "update", id, "--reply", "已安排电工明天上午维修。", "--by", "staff1"));
    String back = console("r1", "谢谢\n");
    assertTrue(back.startsWith("【通知】您反映的问题（编号 " + id + "）有了答复：\n已安排电工明天上午维修。"), back);
  }

  @Test
  void closingFromTheCommandLineQueuesTheRatingRequestForATelegramResident() {
    String id;
    try (Services services = new Services(dir, answerer)) {
      telegram(services, 31001, "幸福路12号院3号楼的路灯坏了");
      id = trackingNumber(telegram(services, 31001, "确认"));
    }
    assertEquals(0, cli("cases", "update", id, "--status", "closed", "--reply", "路灯已修好。", "--by", "staff1"));
    try (Services services = new Services(dir, answerer)) {
      List<Outbound> queued = services.backlog().take("telegram", "31001");
      String texts = queued.stream().map(Outbound::text).collect(Collectors.joining("\n"));
      assertTrue(texts.contains("有了答复：\n路灯已修好。") && texts.contains("已办结"), texts);
      List<String> labels = queued.get(queued.size() - 1).buttons().stream().flatMap(List::stream)
          .map(Button::label).toList();
      assertEquals(List.of("1分", "2分", "3分", "4分", "5分"), labels);
      // The command line also put the resident's chat into "waiting for a score": a bare 5 rates the case.
      assertTrue(telegram(services, 31001, "5").contains("感谢您的评价（5 分）"));
      assertEquals(5, services.cases().get(id).rating());
    }
  }

  @Test
  void mergingFromTheCommandLineTellsTheDuplicatesReporter() {
    String first;
    String second;
    try (Services services = new Services(dir, answerer)) {
      telegram(services, 31001, "幸福路12号院3号楼的路灯坏了");
      first = trackingNumber(telegram(services, 31001, "确认"));
      telegram(services, 31002, "阳光花苑5号楼门口的路灯不亮了");
      second = trackingNumber(telegram(services, 31002, "确认"));
    }
    assertEquals(0, cli("cases", "merge", second, first, "--by", "staff1"));
    try (Services services = new Services(dir, answerer)) {
      String merged = services.backlog().take("telegram", "31002").stream().map(Outbound::text)
          .collect(Collectors.joining("\n"));
      assertTrue(merged.contains("与编号 " + first + " 是同一件事"), merged);
      assertTrue(services.backlog().take("telegram", "31001").isEmpty(), "the first reporter is not bothered");
    }
  }
}
