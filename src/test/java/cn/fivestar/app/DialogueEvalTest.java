package cn.fivestar.app;

import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.fivestar.answer.Answerer;
import cn.fivestar.knowledge.KnowledgeBase;
import cn.fivestar.knowledge.KnowledgeSources;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Guards whole conversations (issue 12): the shared dev dialogues and the team's sets (half written by helpers who
 * never saw the engine) are played through chat --json semantics, each on a fresh store, with the targets.
 */
class DialogueEvalTest {
  @TempDir static Path data;
  static KnowledgeBase kb;
  static Answerer answerer;

  @BeforeAll
  static void open() {
    kb = KnowledgeBase.open(data, List.of(KnowledgeSources.defaultFolder()), false, s -> {});
    answerer = Answerers.create(kb, data);
  }

  @AfterAll
  static void close() {
    kb.close();
  }

  private static void check(Path file, double minTurns, double minDialogues) {
    List<DialogueEval.Outcome> outcomes;
    ByteArrayOutputStream report = new ByteArrayOutputStream();
    try (PrintStream out = new PrintStream(report, true, StandardCharsets.UTF_8)) {
      outcomes = new DialogueEval(answerer).run(DialogueEval.read(file), out);
    }
    int turns = outcomes.stream().mapToInt(DialogueEval.Outcome::turns).sum();
    int turnsPassed = outcomes.stream().mapToInt(DialogueEval.Outcome::turnsPassed).sum();
    long passed = outcomes.stream().filter(DialogueEval.Outcome::passed).count();
    String text = report.toString(StandardCharsets.UTF_8);
    assertTrue(turnsPassed >= minTurns * turns, file + ": " + turnsPassed + "/" + turns + " turns\n" + text);
    assertTrue(passed >= minDialogues * outcomes.size(), file + ": " + passed + "/" + outcomes.size() + " dialogues\n" + text);
  }

  @Test
  void devDialogues() {
    Path dev = Path.of("..", "shared", "eval", "dev-dialogues.jsonl");
    if (!Files.exists(dev)) return;  // shared/ lies beside the project on CI and developer machines
    check(dev, 1.0, 1.0);  // all twelve: one missed turn hid a follow-up regression for a round
  }

  /**
   * The team's sets, each with the share of turns and of dialogues it must keep passing. The blind sets 2–7 were
   * written in issue 14's sixth round, each after the previous one's fixes; held out they passed 8 of 30, 15 of 24,
   * 6 of 20, 4 of 16, 6 of 14 and 1 of 12 dialogues, and their floors are the figures reached since. Sets 8–10 were
   * written in the seventh round, 11 after 8–10's fixes and 12 after 11's; held out they passed 3 of 14, 1 of 12, 6 of
   * 12, 3 of 12 and 1 of 12. Sets 13–14 and questions-blind-14 opened the eighth round, 15–16 were written after 13–14's
   * fixes; held out they passed 3, 6, 1 and 1 of 12; 17–18 were written after 15–16's and passed 8 and 2 of 12; 19, written at the round's end, passed 6 of 12.
   * Sets 26–27 opened the eleventh round (held out 2 and 3 of 12), 28–29 were written after their fixes (2 and 2 of 12).
   * Sets 30–31 opened the twelfth round (held out 5 and 3 of 12), 32–33 were written after their first fixes (6 and 2),
   * 34 after those (3 of 12).
   */
  @ParameterizedTest
  @CsvSource({
      "dialogues-blind.jsonl, 0.95, 0.85",
      "dialogues-team.jsonl, 0.95, 0.85",
      "dialogues-blind-2.jsonl, 0.93, 0.8",
      "dialogues-blind-3.jsonl, 0.95, 0.8",
      "dialogues-blind-4.jsonl, 0.92, 0.55",
      "dialogues-blind-5.jsonl, 0.93, 0.6",
      "dialogues-blind-6.jsonl, 0.93, 0.6",
      "dialogues-blind-7.jsonl, 0.92, 0.4",
      "dialogues-blind-8.jsonl, 0.96, 0.65",
      "dialogues-blind-9.jsonl, 0.97, 0.7",
      "dialogues-blind-10.jsonl, 0.96, 0.7",
      "dialogues-blind-11.jsonl, 0.95, 0.55",
      "dialogues-blind-12.jsonl, 0.94, 0.4",
      "dialogues-blind-13.jsonl, 0.97, 0.55",
      "dialogues-blind-14.jsonl, 0.93, 0.6",
      "dialogues-blind-15.jsonl, 0.95, 0.55",
      "dialogues-blind-16.jsonl, 0.8, 0.3",
      "dialogues-blind-17.jsonl, 0.95, 0.6",
      "dialogues-blind-18.jsonl, 0.84, 0.2",
      // Sets 19–21 expect an urgent report to wait for 确认 like any other; the bot registers it at once and adds what
      // follows to it, so their confirmation turns fail by design.
      "dialogues-blind-19.jsonl, 0.87, 0.5",
      "dialogues-blind-20.jsonl, 0.95, 0.7",
      "dialogues-blind-21.jsonl, 0.83, 0.4",
      "dialogues-blind-22.jsonl, 0.95, 0.7",
      "dialogues-blind-23.jsonl, 0.97, 0.75",
      "dialogues-blind-24.jsonl, 0.97, 0.85",
      "dialogues-blind-25.jsonl, 0.92, 0.45",
      "dialogues-blind-26.jsonl, 0.95, 0.5",
      "dialogues-blind-27.jsonl, 0.88, 0.3",
      "dialogues-blind-28.jsonl, 0.8, 0.3",
      "dialogues-blind-29.jsonl, 0.94, 0.4",
      "dialogues-blind-30.jsonl, 0.96, 0.75",
      "dialogues-blind-31.jsonl, 0.84, 0.4",
      "dialogues-blind-32.jsonl, 0.96, 0.7",
      "dialogues-blind-33.jsonl, 0.84, 0.15",
      "dialogues-blind-34.jsonl, 0.91, 0.45",
      "dialogues-blind-35.jsonl, 0.95, 0.7",
      "dialogues-blind-36.jsonl, 0.96, 0.7",
      "dialogues-blind-37.jsonl, 0.87, 0.45",
      "dialogues-blind-38.jsonl, 0.92, 0.35",
      "dialogues-blind-39.jsonl, 0.96, 0.65",
      "dialogues-blind-40.jsonl, 0.86, 0.15"})
  void teamDialogueSets(String file, double minTurns, double minDialogues) {
    check(Path.of("eval", file), minTurns, minDialogues);
  }

  @Test
  void chatJsonAnswersEveryLineAndSurvivesBadInput() {
    var chat = new cn.fivestar.channels.console.JsonChat(
        m -> List.of(cn.fivestar.conversation.Outbound.text("ok")), null, (c, u) -> cn.fivestar.conversation.Role.RESIDENT);
    assertTrue(chat.send("not json").has("error"));
    assertTrue(chat.send("[1,2]").has("error"));
    assertTrue(chat.send("{\"text\":\"no user\"}").has("error"));
    assertTrue(chat.send("{\"user\":\"a\",\"role\":\"boss\",\"text\":\"x\"}").has("error"));
  }
}
