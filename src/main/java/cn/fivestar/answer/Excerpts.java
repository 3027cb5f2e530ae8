package cn.fivestar.answer;

import cn.fivestar.knowledge.Sentences;
import java.util.ArrayList;
import java.util.List;

/** How much of a long sentence an answer quotes: the clauses that answer a fact question, or its opening. */
final class Excerpts {
  /** A fact sentence longer than this is quoted from the clauses that hold the answer, not from its start. */
  static final int FACT_CHARS = 100;
  private static final int MAX_CHARS = 160;

  private final TermOverlap overlap;

  Excerpts(TermOverlap overlap) {
    this.overlap = overlap;
  }

  /**
   * A long fact sentence cut to the run of clauses that best answers the question: the clauses sharing most
   * of its words, or naming the asked kind of thing, so the answer is not lost past a cut at the sentence's start.
   */
  String of(String question, String kind, String sentence) {
    if (sentence.length() <= FACT_CHARS + 20) return sentence;
    List<String> clauses = clauses(sentence);
    String best = null;
    double bestScore = -1;
    for (int from = 0; from < clauses.size(); from++) {
      StringBuilder window = new StringBuilder();
      for (int to = from; to < clauses.size(); to++) {
        if (window.length() > 0 && window.length() + clauses.get(to).length() > FACT_CHARS) break;
        window.append(clauses.get(to));
        String w = window.toString();
        double score = overlap.coverage(question, w);
        if (kind != null && AskedThing.namesInstance(w, kind, question)) score += 0.3;
        if (w.endsWith("：") || w.endsWith(":")) continue;  // "常用的意见渠道有：" announces the answer; the list is it
        if (score > bestScore + 1e-9) {  // ties keep the earlier, shorter window
          bestScore = score;
          best = w;
        }
      }
    }
    if (best == null || best.length() > MAX_CHARS) return cut(sentence);
    String quoted = best.replaceAll("[，,、：；]$", "");
    return sentence.endsWith(best) ? quoted : quoted + "……";
  }

  /** The clauses of a sentence, each with its closing comma, colon or semicolon. */
  private static List<String> clauses(String sentence) {
    List<String> out = new ArrayList<>();
    int start = 0;
    int depth = 0;  // commas inside brackets or quotes do not end a clause
    for (int i = 0; i < sentence.length(); i++) {
      char c = sentence.charAt(i);
      if (c == '（' || c == '“' || c == '(') depth++;
      else if ((c == '）' || c == '”' || c == ')') && depth > 0) depth--;
      else if (depth == 0 && "，,；;：".indexOf(c) >= 0) {
        out.add(sentence.substring(start, i + 1));
        start = i + 1;
      }
    }
    if (start < sentence.length()) out.add(sentence.substring(start));
    return out;
  }

  /** A sentence cut at a comma to at most {@value #MAX_CHARS} characters, marked "……" when cut. */
  static String cut(String s) {
    if (s.length() <= MAX_CHARS) return s;
    List<String> pieces = Sentences.cap(s, MAX_CHARS);
    return pieces.get(0).replaceAll("[，,、：]$", "") + "……";
  }
}
