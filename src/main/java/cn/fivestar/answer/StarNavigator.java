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
  private static final int CRITERIA_SENTENCES = 6;
  private static final int PRACTICES = 5;

  private final KnowledgeBase kb;

  StarNavigator(KnowledgeBase kb) {
    this.kb = kb;
  }

  Optional<Answer> answer(String original, String question) {
    String star = Stars.find(question);
    if (star == null || !ASKS_CRITERIA.matcher(question).find()) return Optional.empty();
    List<Passage> criteria = pickVariant(kb.passages(new SearchFilter(star, "criteria")), Stars.aboutVillage(question));
    if (criteria.isEmpty()) return Optional.empty();
    List<Citation> citations = new ArrayList<>();
    StringBuilder text = new StringBuilder();
    Passage first = criteria.get(0);
    String variant = first.place().isEmpty() ? "" : "（" + first.place() + "）";
    text.append("【").append(star).append(variant).append("的主要任务和标准】\n");
    int sentences = 0;
    String lastSource = null;
    for (Passage p : criteria) {
      if (sentences >= CRITERIA_SENTENCES) break;
      if (!p.source().equals(lastSource)) {
        citations.add(new Citation(p.source(), p.title(), p.text()));
        lastSource = p.source();
      }
      for (String s : Sentences.split(p.text())) {
        if (sentences >= CRITERIA_SENTENCES) break;
        text.append("· ").append(s).append("[").append(citations.size()).append("]\n");
        sentences++;
      }
    }
    List<Hit> stories = kb.search(question, PRACTICES, new SearchFilter(star, "story"));
    if (!stories.isEmpty()) {
      text.append("\n【其他社区和村的做法】\n");
      int n = 0;
      for (Hit h : stories) {
        String best = bestSentence(question, h);
        citations.add(new Citation(h.source(), h.title(), h.text()));
        String place = ExtractiveAnswerer.placeOf(best, h.passage());
        text.append(++n).append(". ");
        if (!place.isEmpty() && !best.contains(place)) text.append("【").append(place).append("】");
        text.append(best).append("[").append(citations.size()).append("]\n");
      }
    }
    return Optional.of(new Answer(original, true, text.toString().strip(), citations));
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
  private static String bestSentence(String question, Hit h) {
    List<String> sentences = Sentences.split(h.text());
    String best = sentences.isEmpty() ? h.text() : sentences.get(0);
    int bestScore = -1;
    for (String s : sentences) {
      int score = (s.contains("“") ? 2 : 0) + (s.length() > 20 ? 1 : 0);
      if (score > bestScore) {
        best = s;
        bestScore = score;
      }
    }
    return best.length() > 160 ? best.substring(0, 158) + "……" : best;
  }
}
