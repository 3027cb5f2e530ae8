package cn.fivestar.answer;

import cn.fivestar.knowledge.Hit;
import cn.fivestar.knowledge.KnowledgeBase;
import java.util.List;
import java.util.Optional;

/**
 * The bot's answerer: rewrites follow-ups, retrieves passages, refuses what the knowledge base does not cover,
 * and answers from the passages — with the LLM when one is configured, else (or when it fails) extractively.
 */
public final class GroundedAnswerer implements Answerer {
  /**
   * Below this IDF-weighted term coverage of the best passage, the question is taken as not covered. Calibrated
   * on the dev set: out-of-scope questions scored at most 0.26, in-scope ones at least 0.39.
   */
  static final float MIN_COVERAGE = 0.33f;
  static final int MAX_QUESTION_CHARS = 500;
  private static final int PASSAGES = 8;
  private static final int LLM_PASSAGES = 5;

  private final KnowledgeBase kb;
  private final Optional<Generator> llm;
  private final TermOverlap overlap = new TermOverlap();
  private final ExtractiveAnswerer extractive = new ExtractiveAnswerer(overlap);
  private final StarNavigator stars;
  private final String refusal;

  public GroundedAnswerer(KnowledgeBase kb, Optional<Generator> llm, String refusal) {
    this.kb = kb;
    this.llm = llm;
    this.stars = new StarNavigator(kb, overlap);
    this.refusal = refusal;
  }

  @Override
  public Answer answer(String question, List<String> history) {
    String original = question == null ? "" : question;
    String q = FollowUps.rewrite(clean(original), history);
    if (q.isBlank()) {
      return new Answer(original, false, "请告诉我您想了解什么，例如：“怎么争创平安法治星？”", List.of());
    }
    Optional<Answer> structured = stars.answer(original, q);
    if (structured.isPresent()) return structured.get();
    List<Hit> hits = kb.search(q, PASSAGES);
    if (hits.isEmpty() || hits.get(0).coverage() < MIN_COVERAGE || Regions.asksAboutOtherRegion(kb, q)) {
      return new Answer(original, false, refusal, List.of());
    }
    if (llm.isPresent()) {
      Optional<Answer> generated = llm.get().generate(q, hits.subList(0, Math.min(LLM_PASSAGES, hits.size())));
      if (generated.isPresent()) {
        Answer a = generated.get();
        return new Answer(original, a.answered(), a.text(), a.citations());
      }
    }
    Answer answer = extractive.answer(original, q, kb.relatedTerms(q), hits);
    if (ExtractiveAnswerer.asksQuantity(q) && !ExtractiveAnswerer.answersQuantity(q, answer.text())) {
      // "How many…" answered without any number: the documents mention the subject but not the figure.
      return new Answer(original, false, refusal, List.of());
    }
    return answer;
  }

  /** Bounded length, control characters removed: user text is data, whatever it contains. */
  static String clean(String text) {
    String s = text.length() > MAX_QUESTION_CHARS ? text.substring(0, MAX_QUESTION_CHARS) : text;
    return s.replaceAll("\\p{Cntrl}", " ").strip();
  }
}
