package cn.fivestar.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import cn.fivestar.answer.Answerer;
import cn.fivestar.knowledge.KnowledgeBase;
import cn.fivestar.knowledge.KnowledgeSources;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Guards answer quality on the team's question sets (team, validation-1, validation-2 and the twenty-eight blind sets:
 * 2434 questions, 2397 of them written by people who never saw the system's output) on both corpora: the shipped
 * {@code index/} and the raw seeds. The floors are the figures reached when this test was written, a little
 * below, so a change that makes answers worse fails; the README gives the targets and how far they are. Sets 23 and
 * 24 (harder, held out until measured) lowered the aggregate how-to and fact figures when they joined; the floors
 * were re-based then, and the README compares the older sets alone; set 28 (out-of-scope questions naming the seeds'
 * own people and programmes) raised the out-of-scope confidence ceiling to its figures when it joined.
 */
class AnswerQualityTest {
  private static final List<String> SETS = List.of(
      "eval/team-questions.jsonl", "eval/validation-1.jsonl", "eval/validation-2.jsonl", "eval/questions-blind.jsonl",
      "eval/questions-blind-2.jsonl", "eval/questions-blind-3.jsonl", "eval/questions-blind-4.jsonl",
      "eval/questions-blind-5.jsonl", "eval/questions-blind-6.jsonl", "eval/questions-blind-7.jsonl",
      "eval/questions-blind-8.jsonl", "eval/questions-blind-9.jsonl", "eval/questions-blind-10.jsonl",
      "eval/questions-blind-11.jsonl", "eval/questions-blind-12.jsonl", "eval/questions-blind-13.jsonl",
      "eval/questions-blind-14.jsonl", "eval/questions-blind-15.jsonl",
      "eval/questions-blind-16.jsonl", "eval/questions-blind-17.jsonl",
      "eval/questions-blind-18.jsonl", "eval/questions-blind-19.jsonl", "eval/questions-blind-20.jsonl",
      "eval/questions-blind-21.jsonl", "eval/questions-blind-22.jsonl", "eval/questions-blind-23.jsonl",
      "eval/questions-blind-24.jsonl", "eval/questions-blind-25.jsonl", "eval/questions-blind-26.jsonl",
      "eval/questions-blind-27.jsonl", "eval/questions-blind-28.jsonl");
  private static final Path SEEDS = Path.of("../shared/seeds");

  @TempDir Path data;

  /** Floors for one corpus. */
  record Floors(double fact, int factMedianChars, double para, double howtoCoverage, double inScopeAnswered,
      double inScopeConfidentWrong, double outOfScopeRefused, double outOfScopeConfident) {}

  @Test
  void shippedIndex() {
    check(List.of(KnowledgeSources.defaultFolder()), new Floors(0.895, 102, 0.73, 0.61, 0.97, 0.045, 0.855, 0.02));
  }

  @Test
  void rawSeeds() {
    assumeTrue(Files.isDirectory(SEEDS), "the seeds are not beside this checkout");
    check(List.of(SEEDS), new Floors(0.885, 118, 0.705, 0.64, 0.97, 0.03, 0.84, 0.015));
  }

  private void check(List<Path> sources, Floors floors) {
    List<EvalQuestion> questions = new ArrayList<>();
    for (String set : SETS) questions.addAll(EvalCommand.read(Path.of(set)));
    List<String> failures = new ArrayList<>();
    try (KnowledgeBase kb = KnowledgeBase.open(data, sources, false, s -> {})) {
      Answerer answerer = Answerers.create(kb);
      Map<String, EvalCommand.Tally> byKind = EvalCommand.answerOutcomes(questions, answerer);
      EvalCommand.Tally oos = byKind.get("oos");
      EvalCommand.Tally fact = byKind.get("fact");
      EvalCommand.Tally para = byKind.get("para");
      EvalCommand.Tally howto = byKind.get("howto");
      EvalCommand.Tally inScope = byKind.get("in-scope");
      // Target: every out-of-scope question refused, none answered with confidence (met on the first five sets only).
      atLeast(failures, "out-of-scope refused", share(oos.refused, oos), floors.outOfScopeRefused());
      atMost(failures, "out-of-scope confident", share(oos.confidentWrong, oos), floors.outOfScopeConfident());
      atLeast(failures, "fact correct", share(fact.correct, fact), floors.fact());
      atMost(failures, "fact median characters", EvalCommand.medianFactLength(fact), floors.factMedianChars());
      atLeast(failures, "colloquial correct", share(para.correct, para), floors.para());
      atLeast(failures, "how-to coverage of expected practices", howto.answerCoverage / howto.n,
          floors.howtoCoverage());
      atLeast(failures, "in-scope answered", 1.0 - share(inScope.refused, inScope), floors.inScopeAnswered());
      atMost(failures, "in-scope confident but wrong", share(inScope.confidentWrong, inScope),
          floors.inScopeConfidentWrong());
    }
    assertEquals(List.of(), failures, "on " + sources);
  }

  private static double share(int count, EvalCommand.Tally t) {
    return (double) count / t.n;
  }

  private static void atLeast(List<String> failures, String what, double value, double floor) {
    if (value < floor) failures.add(String.format(Locale.ROOT, "%s %.3f < %.3f", what, value, floor));
  }

  private static void atMost(List<String> failures, String what, double value, double ceiling) {
    if (value > ceiling) failures.add(String.format(Locale.ROOT, "%s %.3f > %.3f", what, value, ceiling));
  }
}
