package cn.fivestar.knowledge;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Second-stage ordering of the BM25 candidates. BM25 rewards a frequent term even when the other query terms are
 * missing; a passage that covers more of the question (its words and bigrams, in text or heading) is usually the
 * one that answers it. For "how many" questions, a passage with a number next to a question word is preferred.
 */
final class Reranker {
  /** A related official term is weaker evidence than the question's own word. */
  static final double SYNONYM_CREDIT = 0.6;
  private static final Pattern QUANTITY_QUESTION = Pattern.compile("多少|" + Counts.ASKING_JI + "|数量|多大|多长|多久");
  private static final Pattern NUMBER = Pattern.compile("\\d[\\d.,，万千百]*\\s*[个项名人户家次场支种条类万%％余多平米元辆座位所栋间]");

  private static final double OVERVIEW_PENALTY = 0.1;

  record Weights(float bm25, float coverage, float quantity) {
    static final Weights DEFAULT = new Weights(0.5f, 0.5f, 0.15f);
  }

  private final QueryBuilder queries;
  private final java.util.function.ToDoubleFunction<String> wordIdf;
  private final java.util.function.ToDoubleFunction<String> bigramIdf;

  /** {@code wordIdf}/{@code bigramIdf} weigh a term by how rare it is in the corpus. */
  Reranker(QueryBuilder queries, java.util.function.ToDoubleFunction<String> wordIdf,
      java.util.function.ToDoubleFunction<String> bigramIdf) {
    this.queries = queries;
    this.wordIdf = wordIdf;
    this.bigramIdf = bigramIdf;
  }

  /** A BM25 candidate with its pre-analysed terms (words and bigrams of heading + text). */
  record Candidate(Passage passage, float score, Set<String> words, Set<String> bigrams) {}

  /** A query term with its IDF weight and, for words, the official terms that also count as a match. */
  private record Weighted(String term, double idf, List<String> synonyms) {}

  /**
   * How much of the query a piece of text covers, as {@link Hit#coverage()} measures it for a passage: the
   * IDF-weighted share of its words (a colloquial word also counts through its official terms) and bigrams.
   */
  double coverage(String query, String text) {
    String core = QueryBuilder.normalize(query);
    List<Weighted> qWords = weightedWords(core);
    List<Weighted> qBigrams = weightedBigrams(core);
    Set<String> words = new java.util.HashSet<>(queries.wordTerms(text));
    Set<String> bigrams = new java.util.HashSet<>(queries.bigramTerms(text));
    return Math.max(0.5 * overlap(qWords, words, null) + 0.5 * overlap(qBigrams, bigrams, null),
        overlap(qWords, words, text));
  }

  /** The query's content words (question words removed) with their IDF and their official synonyms. */
  private List<Weighted> weightedWords(String core) {
    List<Weighted> out = new ArrayList<>();
    for (String t : new java.util.LinkedHashSet<>(queries.wordTerms(queries.stripQuestionWords(core)))) {
      out.add(new Weighted(t, wordIdf.applyAsDouble(t), queries.thesaurus().synonymsOf(t, core)));
    }
    return out;
  }

  /** The query's content bigrams with their IDF. */
  private List<Weighted> weightedBigrams(String core) {
    List<Weighted> out = new ArrayList<>();
    for (String t : new java.util.LinkedHashSet<>(queries.bigramTerms(queries.stripQuestionWords(core)))) {
      out.add(new Weighted(t, bigramIdf.applyAsDouble(t), List.of()));
    }
    return out;
  }

  List<Hit> rerank(String query, List<Candidate> candidates, int k, Weights w) {
    if (candidates.isEmpty()) return List.of();
    String core = QueryBuilder.normalize(query);
    // Weights and synonyms are looked up once per query, not once per candidate.
    List<Weighted> qWords = weightedWords(core);
    List<Weighted> qBigrams = weightedBigrams(core);
    boolean quantity = QUANTITY_QUESTION.matcher(core).find();
    Predicate<String> countsAsked = Counts.ofAskedThing(core);
    List<String> asked = Definitions.asked(core);
    boolean definition = !asked.isEmpty();
    boolean namesPlace = PlaceNames.named(core);
    float max = candidates.get(0).score();
    List<Hit> out = new ArrayList<>(candidates.size());
    for (Candidate h : candidates) {
      Passage p = h.passage();
      String hay = p.heading() + "\n" + p.text();
      double cov = Math.max(0.5 * overlap(qWords, h.words(), null) + 0.5 * overlap(qBigrams, h.bigrams(), null),
          overlap(qWords, h.words(), hay));
      double score = w.bm25() * (h.score() / max) + w.coverage() * cov;
      if (quantity && numberNearQueryWord(p.text(), qWords)) score += w.quantity();
      if (quantity && countsAsked.test(p.text())) score += 2 * w.quantity();  // "违建20余处" for 多少处违建
      // A question naming a community or street wants that place's own story, not a digest that mentions it.
      if (namesPlace && "overview".equals(p.kind())) score -= OVERVIEW_PENALTY;
      if (definition) {
        score += definitionBonus(core, p.heading(), w.quantity());
        if (asked.stream().anyMatch(t -> Definitions.explains(p.text(), t))) score += w.quantity();
      }
      out.add(new Hit(p, (float) score, (float) cov));
    }
    out.sort(Comparator.comparingDouble(Hit::score).reversed());
    return out.subList(0, Math.min(k, out.size()));
  }

  /**
   * IDF-weighted share of the query terms found among the passage terms. With {@code hay} given, a colloquial
   * word also counts as found when the passage uses one of its official terms (吵架 ~ 调解), so paraphrased
   * questions are not mistaken for questions the documents do not cover.
   */
  private static double overlap(List<Weighted> query, Set<String> passageTerms, String hay) {
    double found = 0;
    double total = 0;
    for (Weighted t : query) {
      total += t.idf();
      if (passageTerms.contains(t.term())) {
        found += t.idf();
      } else if (hay != null) {
        for (String syn : t.synonyms()) {
          if (hay.contains(syn)) {
            found += SYNONYM_CREDIT * t.idf();
            break;
          }
        }
      }
    }
    return total == 0 ? 0 : found / total;
  }

  /**
   * "X是什么意思": the passage whose section is titled X (a glossary entry, or "什么是X") defines it. Quotes,
   * punctuation and question words are ignored on both sides.
   */
  private static double definitionBonus(String query, String heading, double bonus) {
    String h = Definitions.strip(heading);
    String q = Definitions.strip(query);
    if (h.length() < 2 || q.length() < 2) return 0;
    if (h.equals(q)) return 2 * bonus;
    return q.contains(h) || h.contains(q) ? bonus / 2 : 0;
  }

  private static boolean numberNearQueryWord(String text, List<Weighted> words) {
    Matcher m = NUMBER.matcher(text);
    while (m.find()) {
      int from = Math.max(0, m.start() - 12);
      int to = Math.min(text.length(), m.end() + 12);
      String window = text.substring(from, to);
      for (Weighted w : words) {
        if (w.term().length() >= 2 && window.contains(w.term())) return true;
      }
    }
    return false;
  }
}
