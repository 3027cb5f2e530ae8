package cn.fivestar.answer;

import cn.fivestar.knowledge.Hit;
import cn.fivestar.knowledge.KnowledgeBase;
import cn.fivestar.knowledge.Passage;
import cn.fivestar.knowledge.SearchFilter;
import cn.fivestar.knowledge.Sentences;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Structured answers about one star ("平安法治星有哪些任务？", "怎么争创平安法治星？") from the knowledge base's
 * criteria documents (front matter {@code kind: criteria}, {@code star: …}), followed by what other communities
 * and villages did (story documents of the same star). Folders without criteria documents are left to ordinary
 * retrieval.
 */
final class StarNavigator {
  private static final Pattern ASKS_CRITERIA = Pattern.compile(
      "任务|标准|要求|条件|内容|包括|包含|指标|怎么评|如何评|评定|争创|创建|怎么创|如何创|怎样创|做什么|哪些工作|做法|是什么");
  private static final int CRITERIA_SENTENCES = 8;
  private static final int PRACTICES = 5;

  private final KnowledgeBase kb;
  private final TermOverlap overlap;

  StarNavigator(KnowledgeBase kb, TermOverlap overlap) {
    this.kb = kb;
    this.overlap = overlap;
  }

  Optional<Answer> answer(String original, String question) {
    String star = Stars.find(question);
    if (star == null || !ASKS_CRITERIA.matcher(question).find()) return Optional.empty();
    List<Passage> criteria = pickVariant(kb.passages(new SearchFilter(star, "criteria")), Stars.aboutVillage(question));
    if (criteria.isEmpty()) return Optional.empty();
    Passage first = criteria.get(0);
    List<Citation> citations = new ArrayList<>(List.of(new Citation(first.source(), first.title(), first.text())));
    StringBuilder text = new StringBuilder();
    String variant = first.place().isEmpty() ? "" : "（" + first.place() + "）";
    text.append("【").append(star).append(variant).append("的主要任务和做法】\n");
    for (String s : pickCriteria(question, criteria, first.source())) text.append("· ").append(s).append("[1]\n");
    // Most stories serve several stars (star: 全部), so look for the star's vocabulary in every story.
    String related = String.join(" ", kb.relatedTerms(question));
    List<Hit> stories = distinctSources(kb.search(question + " " + related, PRACTICES * 3, new SearchFilter("", "story")));
    if (!stories.isEmpty()) {
      text.append("\n【其他社区和村的经验】\n");
      int n = 0;
      for (Hit h : stories) {
        String best = bestSentence(h, related);
        citations.add(new Citation(h.source(), h.title(), h.text()));
        String place = ExtractiveAnswerer.placeOf(best, h.passage());
        text.append(++n).append(". ");
        if (!place.isEmpty() && !best.contains(place)) text.append("【").append(place).append("】");
        text.append(best).append("[").append(citations.size()).append("]\n");
      }
    }
    return Optional.of(new Answer(original, true, text.toString().strip(), citations));
  }

  /**
   * The sentences of the star's criteria document that best answer the question: named practices (in quotes)
   * and sentences sharing the question's words first, then shown in document order.
   */
  private List<String> pickCriteria(String question, List<Passage> criteria, String source) {
    record Candidate(String text, int order, double score) {}
    List<Candidate> all = new ArrayList<>();
    int order = 0;
    for (Passage p : criteria) {
      if (!p.source().equals(source)) continue;
      for (String s : Sentences.split(p.text())) {
        double score = overlap.coverage(question, p.heading() + s) + (s.contains("“") ? 0.3 : 0)
            + (p.heading().contains("做法") || p.heading().contains("任务") ? 0.2 : 0) - order * 0.001;
        all.add(new Candidate(s.length() > 200 ? s.substring(0, 198) + "……" : s, order++, score));
      }
    }
    all.sort(java.util.Comparator.comparingDouble(Candidate::score).reversed());
    List<Candidate> chosen = new ArrayList<>();
    for (Candidate c : all) {
      if (chosen.size() >= CRITERIA_SENTENCES) break;
      if (chosen.stream().noneMatch(x -> overlap.similar(x.text(), c.text()))) chosen.add(c);
    }
    chosen.sort(java.util.Comparator.comparingInt(Candidate::order));
    return chosen.stream().map(Candidate::text).toList();
  }

  /** One passage per story document, so the practices come from different places. */
  private static List<Hit> distinctSources(List<Hit> hits) {
    List<Hit> out = new ArrayList<>();
    java.util.Set<String> seen = new java.util.HashSet<>();
    for (Hit h : hits) {
      if (out.size() < PRACTICES && seen.add(h.source())) out.add(h);
    }
    return out;
  }

  /** The community or village variant of a star, as the question asks (community by default). */
  private static List<Passage> pickVariant(List<Passage> all, boolean village) {
    List<Passage> preferred = new ArrayList<>();
    for (Passage p : all) {
      boolean isVillage = p.place().contains("农村") || p.place().contains("村");
      if (isVillage == village) preferred.add(p);
    }
    return preferred.isEmpty() ? all : preferred;
  }

  /** The sentence of a story passage that mentions a named practice or most of the question, else the first. */
  private String bestSentence(Hit h, String related) {
    List<String> sentences = Sentences.split(h.text());
    String best = sentences.isEmpty() ? h.text() : sentences.get(0);
    double bestScore = -1;
    for (String s : sentences) {
      double score = (ExtractiveAnswerer.namesPractice(s) ? 1 : 0) + overlap.anyOf(related, s)
          + (s.length() > 20 ? 0.5 : 0);
      if (score > bestScore) {
        best = s;
        bestScore = score;
      }
    }
    return best.length() > 160 ? best.substring(0, 158) + "……" : best;
  }
}
