package cn.fivestar.app;

import cn.fivestar.infra.*;
import cn.fivestar.answer.Answer;
import cn.fivestar.answer.Answerer;
import cn.fivestar.knowledge.Hit;
import cn.fivestar.knowledge.KnowledgeBase;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * Scores retrieval on a JSONL question set: hit@1, hit@5 and MRR@10 per question kind (a hit is a passage that
 * contains an expected phrase), coverage of expected phrases in the top 5 for howto questions, then a table of
 * the questions that missed.
 */
@Command(name = "eval", description = "Score retrieval and answers on a JSONL question set.")
public final class EvalCommand extends DataCommand implements Callable<Integer> {
  @Mixin SourceOptions sources;

  @Option(names = "--questions", paramLabel = "FILE", description = "JSONL question set.")
  Path questions;

  @Option(names = "--dialogues", paramLabel = "FILE",
      description = "JSONL dialogue set: each dialogue is played through chat --json on a fresh store.")
  Path dialogues;

  static final class Tally {
    int n;
    double hit1;
    double hit5;
    double mrr;
    double coverage;
    double answerCoverage;
    int refused;
    // Answer outcomes: correct, tentative (answered, marked as not answering itself), confident but wrong.
    int correct;
    int tentative;
    int confidentWrong;
    final List<Integer> factLengths = new ArrayList<>();
  }

  @Override
  public Integer call() {
    if ((questions == null) == (dialogues == null)) throw UserException.usage("give either --questions FILE or --dialogues FILE");
    if (dialogues != null) {
      List<com.fasterxml.jackson.databind.JsonNode> set = DialogueEval.read(dialogues);
      try (KnowledgeBase kb = sources.open(dataDir(), false)) {
        new DialogueEval(Answerers.create(kb, dataDir())).run(set, System.out);
      }
      return 0;
    }
    List<EvalQuestion> qs = read(questions);
    Map<String, Tally> byKind = new TreeMap<>();
    List<String> misses = new ArrayList<>();
    try (KnowledgeBase kb = sources.open(dataDir(), false)) {
      Answerer answerer = Answerers.create(kb, dataDir());
      for (EvalQuestion q : qs) {
        Answer answer = answerer.answer(q.q(), List.of());
        Tally t = byKind.computeIfAbsent(q.kind(), k -> new Tally());
        boolean outOfScope = q.expect().isEmpty();
        if (!answer.answered()) t.refused++;
        if (answer.answered() && answer.tentative()) t.tentative++;
        boolean holds = !outOfScope && coverage(answer.text(), q.expect()) > 0;
        boolean correct = outOfScope ? !answer.answered()
            : answer.answered() && ("howto".equals(q.kind()) ? coverage(answer.text(), q.expect()) >= 0.5 : holds);
        if (correct) t.correct++;
        if (answer.answered() && !answer.tentative() && (outOfScope || !holds)) {
          t.confidentWrong++;
          misses.add(String.format(Locale.ROOT, "%-8s %-6s confident but wrong: %s  | %s",
              q.id(), q.kind(), q.q(), clip(answer.text().replace('\n', ' '), 60)));
        }
        if ("fact".equals(q.kind()) && answer.answered()) {
          t.factLengths.add(answer.text().replaceAll("\\[\\d+\\]", "").length());
        }
        if (outOfScope != !answer.answered()) {
          misses.add(String.format(Locale.ROOT, "%-8s %-6s %s  %s",
              q.id(), q.kind(), outOfScope ? "answered but out of scope:" : "refused but in scope:", q.q()));
        }
        if (outOfScope) {
          t.n++;
          continue;
        }
        // howto: share of expected practices in the answer; other kinds: does the answer hold an expected phrase.
        double answerCov = "howto".equals(q.kind())
            ? coverage(answer.text(), q.expect())
            : (coverage(answer.text(), q.expect()) > 0 ? 1.0 : 0.0);
        t.answerCoverage += answerCov;
        if (answerCov < 1.0 && !"howto".equals(q.kind()) && answerCov == 0) {
          misses.add(String.format(Locale.ROOT, "%-8s %-6s answer lacks %s: %s",
              q.id(), q.kind(), q.expect(), clip(answer.text().replace('\n', ' '), 60)));
        }
        List<Hit> hits = kb.search(q.q(), 10);
        int rank = firstRelevant(hits, q.expect());
        t.n++;
        if (rank == 1) t.hit1++;
        if (rank >= 1 && rank <= 5) t.hit5++;
        if (rank >= 1) t.mrr += 1.0 / rank;
        double cov = coverage(joined(hits.subList(0, Math.min(5, hits.size()))), q.expect());
        t.coverage += cov;
        if (rank != 1 || cov < 1.0) {
          String top = hits.isEmpty() ? "-" : hits.get(0).source() + " " + clip(hits.get(0).text(), 40);
          misses.add(String.format(Locale.ROOT, "%-8s %-6s rank=%-3s cov=%.2f  %s  | top: %s",
              q.id(), q.kind(), rank < 0 ? "-" : String.valueOf(rank), cov, q.q(), top));
        }
      }
    }
    System.out.println("Retrieval: hit@k = a passage with an expected phrase in the top k; coverage@5 = share of");
    System.out.println("expected phrases in the top 5 passages. answer-coverage: howto = share of expected phrases in the");
    System.out.println("answer, other kinds = share of answers holding an expected phrase;");
    System.out.println("refused = share of questions answered with answered:false.");
    System.out.println("kind     n   hit@1  hit@5  MRR    coverage@5  answer-coverage  refused");
    Tally all = new Tally();
    int refusedTotal = 0;
    for (Map.Entry<String, Tally> e : byKind.entrySet()) {
      print(e.getKey(), e.getValue());
      Tally t = e.getValue();
      refusedTotal += t.refused;
      if ("oos".equals(e.getKey())) continue;
      all.n += t.n;
      all.hit1 += t.hit1;
      all.hit5 += t.hit5;
      all.mrr += t.mrr;
      all.coverage += t.coverage;
      all.answerCoverage += t.answerCoverage;
      all.refused += t.refused;
    }
    print("in-scope", all);
    System.out.println();
    System.out.println("Answers: correct = in scope: answered and holding an expected phrase (howto: at least half of");
    System.out.println("them), out of scope: refused; tentative = answered, marked as not answering the question itself;");
    System.out.println("confident-wrong = answered, not tentative, and out of scope or holding no expected phrase.");
    System.out.println("kind     n   correct  tentative  refused  confident-wrong  answered  median-chars");
    Tally inScope = new Tally();
    for (Map.Entry<String, Tally> e : byKind.entrySet()) {
      printAnswers(e.getKey(), e.getValue());
      if ("oos".equals(e.getKey())) continue;
      Tally t = e.getValue();
      inScope.n += t.n;
      inScope.correct += t.correct;
      inScope.tentative += t.tentative;
      inScope.refused += t.refused;
      inScope.confidentWrong += t.confidentWrong;
    }
    printAnswers("in-scope", inScope);
    Tally oos = byKind.get("oos");
    if (oos != null && oos.n > 0) {
      System.out.printf(Locale.ROOT, "refusal: precision %.3f, recall %.3f (%d of %d out-of-scope refused, %d refused in all)%n",
          refusedTotal == 0 ? 0.0 : (double) oos.refused / refusedTotal, (double) oos.refused / oos.n,
          oos.refused, oos.n, refusedTotal);
    }
    if (!misses.isEmpty()) {
      System.out.println();
      System.out.println("misses (rank of first passage with an expected phrase; coverage of expected phrases in top 5):");
      misses.forEach(System.out::println);
    }
    return 0;
  }

  private static void print(String kind, Tally t) {
    if (t.n == 0) return;
    if ("oos".equals(kind)) {
      System.out.printf(Locale.ROOT, "%-8s %-3d -      -      -      -           -                %.3f%n",
          kind, t.n, (double) t.refused / t.n);
      return;
    }
    System.out.printf(Locale.ROOT, "%-8s %-3d %.3f  %.3f  %.3f  %.3f       %.3f            %.3f%n",
        kind, t.n, t.hit1 / t.n, t.hit5 / t.n, t.mrr / t.n, t.coverage / t.n, t.answerCoverage / t.n,
        (double) t.refused / t.n);
  }

  /** Answer outcomes per kind (see the "Answers" table) and in all for the in-scope kinds ("in-scope"). */
  static Map<String, Tally> answerOutcomes(List<EvalQuestion> qs, Answerer answerer) {
    Map<String, Tally> byKind = new TreeMap<>();
    Tally inScope = new Tally();
    for (EvalQuestion q : qs) {
      Answer answer = answerer.answer(q.q(), List.of());
      boolean outOfScope = q.expect().isEmpty();
      for (Tally t : outOfScope ? List.of(byKind.computeIfAbsent(q.kind(), k -> new Tally()))
          : List.of(byKind.computeIfAbsent(q.kind(), k -> new Tally()), inScope)) {
        t.n++;
        if (!answer.answered()) t.refused++;
        if (answer.answered() && answer.tentative()) t.tentative++;
        double cov = outOfScope ? 0 : coverage(answer.text(), q.expect());
        boolean correct = outOfScope ? !answer.answered()
            : answer.answered() && ("howto".equals(q.kind()) ? cov >= 0.5 : cov > 0);
        if (correct) t.correct++;
        if (answer.answered() && !answer.tentative() && (outOfScope || cov == 0)) t.confidentWrong++;
        if ("howto".equals(q.kind())) t.answerCoverage += answer.answered() ? cov : 0;
        if ("fact".equals(q.kind()) && answer.answered()) {
          t.factLengths.add(answer.text().replaceAll("\\[\\d+\\]", "").length());
        }
      }
    }
    if (inScope.n > 0) byKind.put("in-scope", inScope);
    return byKind;
  }

  /** Median length of the answered fact questions' answers (citation marks left out), 0 when none. */
  static int medianFactLength(Tally t) {
    List<Integer> lengths = new ArrayList<>(t.factLengths);
    if (lengths.isEmpty()) return 0;
    java.util.Collections.sort(lengths);
    int n = lengths.size();
    return n % 2 == 1 ? lengths.get(n / 2) : (lengths.get(n / 2 - 1) + lengths.get(n / 2)) / 2;
  }

  private static void printAnswers(String kind, Tally t) {
    if (t.n == 0) return;
    String median = t.factLengths.isEmpty() ? "-" : String.valueOf(medianFactLength(t));
    System.out.printf(Locale.ROOT, "%-8s %-3d %.3f    %.3f      %.3f    %.3f            %.3f     %s%n",
        kind, t.n, (double) t.correct / t.n, (double) t.tentative / t.n, (double) t.refused / t.n,
        (double) t.confidentWrong / t.n, 1.0 - (double) t.refused / t.n, median);
  }

  static int firstRelevant(List<Hit> hits, List<String> expect) {
    for (int i = 0; i < hits.size(); i++) {
      for (String e : expect) {
        if (EvalQuestion.contains(hits.get(i).text(), e)) return i + 1;
      }
    }
    return -1;
  }

  static String joined(List<Hit> hits) {
    StringBuilder all = new StringBuilder();
    for (Hit h : hits) all.append(h.text()).append('\n');
    return all.toString();
  }

  /** Share of expected phrases found in the text. */
  static double coverage(String text, List<String> expect) {
    if (expect.isEmpty()) return 1.0;
    long found = expect.stream().filter(e -> EvalQuestion.contains(text, e)).count();
    return (double) found / expect.size();
  }

  private static String clip(String s, int n) {
    return s.length() <= n ? s : s.substring(0, n) + "…";
  }

  static List<EvalQuestion> read(Path file) {
    List<EvalQuestion> out = new ArrayList<>();
    try {
      int lineNo = 0;
      for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        lineNo++;
        if (line.isBlank()) continue;
        try {
          out.add(Json.MAPPER.readValue(line, EvalQuestion.class));
        } catch (IOException e) {
          throw new UserException(file + " line " + lineNo + ": not a JSON question: " + e.getMessage().lines().findFirst().orElse(""));
        }
      }
    } catch (IOException e) {
      throw new UserException("cannot read " + file + ": " + e.getMessage());
    }
    return out;
  }
}
