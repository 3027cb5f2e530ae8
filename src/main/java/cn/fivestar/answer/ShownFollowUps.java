package cn.fivestar.answer;

import cn.fivestar.knowledge.KnowledgeBase;
import cn.fivestar.knowledge.Passage;
import cn.fivestar.knowledge.PlaceNames;
import cn.fivestar.knowledge.SearchFilter;
import cn.fivestar.knowledge.Sentences;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.ToDoubleBiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Follow-ups about what the previous answer showed, answered from it rather than from a new search: "这是哪个地方
 * 搞哩" gets the places of the practices it quoted, "效果咋样" the results its stories report.
 */
final class ShownFollowUps {
  /** One quoted item: the text up to its citation mark. */
  private static final Pattern ITEM = Pattern.compile("([^\\n\\[\\]]+?)\\[(\\d+)\\]");
  private static final Pattern TAG = Pattern.compile("【([^】]+)】");
  private static final Pattern LIST_NUMBER = Pattern.compile("^\\s*\\d+\\.\\s*");
  private static final Pattern CITATION_MARK = Pattern.compile("\\[(\\d+)\\]");
  private static final Pattern GENERIC = Pattern.compile("^(?:城市社区|农村|城市社区、农村)$");
  private static final int ITEM_CHARS = 40;
  /** A sentence reporting what came of a practice: a change brought about, a figure reached, a title won. */
  private static final Pattern RESULT = Pattern.compile(
      "激发|吸引|变成|变为|实现了|降低|上升|提升了|提高了|达到|达标|获评|荣获|获得|被评为|评为|累计|共计|解决了|化解|成效|效果|受益|满意|好评|"
          + "摘得|夺得|先后|已[经有]|目前|截至|有效|明显|大大|极大|最终|缓解|建成|新建|增强|改善|减少|下降|覆盖");
  private static final Pattern FIGURE = Pattern.compile("\\d+(?:\\.\\d+)?\\s*(?:%|个|项|次|件|人|户|名|家|余|多|万|平方米|场|条)");
  private static final int RESULTS = 3;
  private static final TermOverlap SAME = new TermOverlap();
  private static final String PLACES_HEADING = "上面说的做法出自这些地方：";
  private static final Pattern ONE_PLACE = Pattern.compile("^这是[^：\n]{1,30}的做法：");

  /** Whether a text lists the places of what was shown before (it is about that answer, not a new one). */
  static boolean listsPlaces(String text) {
    return text.startsWith(PLACES_HEADING) || ONE_PLACE.matcher(text).find();
  }

  /** Two sentences telling the same result: most words shared, or the same figure ("2万多人次"). */
  private static boolean sameResult(String a, String b) {
    if (SAME.similar(a, b)) return true;
    Matcher m = FIGURE.matcher(a);
    while (m.find()) {
      int from = Math.max(0, m.start() - 2);
      if (b.contains(a.substring(from, m.end()))) return true;
    }
    return false;
  }

  /** How much a result naming a practice an item names counts, beside an item's rank (1 for the first). */
  private static final double NAMED_PRACTICE_BONUS = 1.0;

  /** How much less each later item of the answer weighs when its results are ranked. */
  private static final double ITEM_RANK_WEIGHT = 0.3;
  /** The stories of a place an item names weigh half as much as the story the item quotes. */
  private static final double PLACE_WEIGHT = 0.5;

  private final KnowledgeBase kb;

  ShownFollowUps(KnowledgeBase kb) {
    this.kb = kb;
  }

  /** "这是哪个地方搞哩": the places of the items the answer showed, or empty when it named none. */
  Optional<Answer> places(String question, Shown previous) {
    Map<String, String> items = itemsByPlace(previous, kb.passages(SearchFilter.NONE));
    if (items.isEmpty()) return Optional.empty();
    StringBuilder text = new StringBuilder();
    if (items.size() == 1) {
      var only = items.entrySet().iterator().next();
      text.append("这是").append(only.getKey()).append("的做法：").append(only.getValue());
    } else {
      text.append(PLACES_HEADING).append('\n');
      int n = 0;
      for (var e : items.entrySet()) text.append(++n).append(". ").append(e.getKey()).append("：").append(e.getValue()).append('\n');
    }
    return Optional.of(new Answer(question, true, text.toString().strip(), previous.citations()));
  }

  /** The places of the items the answer showed, in order, each with its first item (clipped, with its mark). */
  private static Map<String, String> itemsByPlace(Shown previous, List<Passage> all) {
    Map<String, String> items = new LinkedHashMap<>();
    Matcher m = ITEM.matcher(previous.text());
    while (m.find()) {
      String item = LIST_NUMBER.matcher(m.group(1)).replaceFirst("").strip();
      int no = Integer.parseInt(m.group(2));
      if (item.isEmpty() || no < 1 || no > previous.citations().size()) continue;
      String place = placeOf(item, passageOf(previous.citations().get(no - 1), all));
      if (!place.isEmpty()) items.putIfAbsent(place, clip(TAG.matcher(item).replaceAll("")) + "[" + no + "]");
    }
    return items;
  }

  /**
   * "效果咋样 真管用不": the results told where what the answer showed comes from — the story of each item counts
   * fully, the stories of the places the items name half, an earlier item more than a later one, the sentence's
   * overlap with the items breaking ties; empty when none tells any.
   */
  Optional<Answer> effects(String question, Shown previous) {
    List<Passage> all = kb.passages(SearchFilter.NONE);
    Map<Passage, Double> prior = new LinkedHashMap<>();
    List<Integer> cited = new ArrayList<>();
    Matcher m = CITATION_MARK.matcher(previous.text());
    while (m.find()) {
      int no = Integer.parseInt(m.group(1));
      if (no >= 1 && no <= previous.citations().size() && !cited.contains(no)) cited.add(no);
    }
    for (int i = 0; i < cited.size(); i++) {
      Citation c = previous.citations().get(cited.get(i) - 1);
      // A digest of many places' practices is no story of its own: its other items were not shown, so only the
      // overlap with what was shown counts there (the places named weigh their own stories below).
      double weight = digest(c, all) ? 0 : 1 / (1 + ITEM_RANK_WEIGHT * i);
      for (Passage p : storyOf(c, all)) prior.merge(p, weight, Math::max);
    }
    List<String> places = List.copyOf(itemsByPlace(previous, all).keySet());
    for (int i = 0; i < places.size(); i++) {
      double weight = PLACE_WEIGHT / (1 + ITEM_RANK_WEIGHT * i);
      String place = places.get(i);
      for (Passage p : all) if (p.place().equals(place) || p.heading().contains(place)) prior.merge(p, weight, Math::max);
    }
    List<String> items = items(previous);
    // "“邻里一家亲”等活动吸引2万多人次参加": a result naming a practice an item names is that practice's result.
    Set<String> named = new HashSet<>();
    for (String item : items) named.addAll(ExtractiveAnswerer.quotedNames(item));
    return results(question, List.copyOf(prior.keySet()), (p, sentence) -> {
      double overlap = 0;
      for (String item : items) overlap = Math.max(overlap, kb.coverage(sentence, item));
      boolean namesItem = named.stream().anyMatch(n -> n.length() >= 3 && sentence.contains(n));
      return prior.get(p) + overlap + (namesItem ? NAMED_PRACTICE_BONUS : 0);
    });
  }

  /** The sentences reporting results among {@code passages}, the best by {@code score} first, in reading order. */
  private static Optional<Answer> results(String question, List<Passage> passages, ToDoubleBiFunction<Passage, String> score) {
    record Result(String sentence, Passage passage, double score, int order) {}
    List<Result> found = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (Passage p : passages) {
      for (String sentence : Sentences.split(p.text())) {
        String s = sentence.strip();
        // A result reports a change or a figure reached: "激发了…", "累计…36次", "最终…安装5个充电桩".
        if (!seen.add(s) || !RESULT.matcher(s).find() || !FIGURE.matcher(s).find() && !s.contains("激发")) continue;
        found.add(new Result(s, p, score.applyAsDouble(p, s), found.size()));
      }
    }
    if (found.isEmpty()) return Optional.empty();
    // A story and its digest tell the same result: it is quoted once.
    List<Result> best = new ArrayList<>();
    for (Result r : found.stream().sorted(Comparator.comparingDouble(Result::score).reversed()).toList()) {
      if (best.size() < RESULTS && best.stream().noneMatch(b -> sameResult(b.sentence(), r.sentence()))) best.add(r);
    }
    best.sort(Comparator.comparingInt(Result::order));
    List<Citation> citations = new ArrayList<>();
    StringBuilder text = new StringBuilder("资料里说到的成效：\n");
    int n = 0;
    for (Result r : best) {
      Passage p = r.passage();
      // One source per story, however many of its passages the results come from.
      Citation cited = citations.stream().filter(x -> x.title().equals(p.title())).findFirst().orElse(null);
      if (cited == null) citations.add(cited = new Citation(p.source(), p.title(), p.text()));
      text.append(++n).append(". ").append(r.sentence()).append("[").append(1 + citations.indexOf(cited)).append("]\n");
    }
    return Optional.of(new Answer(question, true, text.toString().strip(), citations));
  }

  /** The words of a follow-up that point back or ask, leaving what it asks about ("那个基地里头都弄了些啥" → 基地). */
  private static final Pattern POINTING = Pattern.compile(
      "那个|这个|那些|这些|刚才|上面|里头|里面|具体|都|弄了些|弄了|干了些|干了|搞了|有些|些|啥|什么|哪个|哪些|哪|多少|几|谁|是|有|没|在"
          + "|社区|街道|村|这一级|一级|俺们|俺|我们|我|咱|恁|你|吗|呢|哩|嘞|的|了|那|这");
  private static final int MIN_NAMED = 2;
  private static final Pattern POINTS_BACK = Pattern.compile("(?:那个|这个|那些|这些|刚才|上面)");

  /**
   * "那个基地里头都弄了些啥": the item of the answer just shown that holds what the follow-up asks about (基地) —
   * the earliest one holding the longest such word — or empty.
   */
  static Optional<String> itemNaming(String question, Shown previous) {
    // It must point back ("那个基地…"); "能给送到家不" shares 送到 with an item by chance, "那幸福和谐星呢" turns to a star.
    if (!POINTS_BACK.matcher(question).lookingAt() || Stars.find(question) != null) return Optional.empty();
    String rest = POINTING.matcher(question).replaceAll(" ");
    String best = null;
    int bestLength = MIN_NAMED - 1;
    for (String item : items(previous)) {
      for (String run : rest.split("[^\\p{IsHan}]+")) {
        for (int len = run.length(); len > bestLength; len--) {
          boolean found = false;
          for (int i = 0; i + len <= run.length() && !found; i++) found = item.contains(run.substring(i, i + len));
          if (found) {
            best = item;
            bestLength = len;
            break;
          }
        }
      }
    }
    return Optional.ofNullable(best).map(ShownFollowUps::clip);
  }

  /** "刚才说哩第二个呢", "第三条具体咋弄": an item of the answer just shown, by its place in the list. */
  private static final Pattern ORDINAL = Pattern.compile(
      "^(?:那|那个)?(?:刚才|刚|上面|你|恁)?(?:说|讲)?(?:的|哩|嘞)?第([一二三四五六七八九十]|\\d{1,2})(?:个|条|项|种|点|家)"
          + "(?=[呢是咋怎具说讲那里中他她啥的哩嘞]|[^\\p{IsHan}]|$)");
  private static final String DIGITS = "一二三四五六七八九十";

  /** An item of the answer just shown: its text, the citation it quotes (or null), what the follow-up asks of it. */
  record NumberedItem(String text, Citation citation, String asked) {}

  /**
   * The item a follow-up points at by number ("刚才说哩第二个呢 咋弄哩" → the answer's second line) and what it asks
   * of it ("咋弄哩"), or empty when it points at none or the answer showed fewer items.
   */
  static Optional<NumberedItem> itemByNumber(String question, Shown previous) {
    Matcher m = ORDINAL.matcher(question.strip());
    if (!m.find()) return Optional.empty();
    String n = m.group(1);
    int number = n.matches("\\d+") ? Integer.parseInt(n) : DIGITS.indexOf(n) + 1;
    String asked = question.strip().substring(m.end()).replaceFirst("^[呢啊\\s，,。？?]+", "").strip();
    // A numbered list is counted by its numbers (one line may quote two passages), other answers by quoted sentence.
    Matcher line = Pattern.compile("(?m)^\\s*" + number + "\\.\\s*(.+)$").matcher(previous.text());
    boolean listed = line.find();
    String source = listed ? line.group(1) : previous.text();
    int skip = listed ? 0 : number - 1;
    Matcher item = ITEM.matcher(source);
    for (int i = 0; item.find(); ) {
      String text = TAG.matcher(LIST_NUMBER.matcher(item.group(1)).replaceFirst("")).replaceAll("").strip();
      if (text.isEmpty() || i++ < skip) continue;
      // The whole numbered line, however many passages it quotes; the first one cited.
      if (listed) text = TAG.matcher(CITATION_MARK.matcher(source).replaceAll("")).replaceAll("").strip();
      int cited = Integer.parseInt(item.group(2)) - 1;
      Citation citation = cited < previous.citations().size() ? previous.citations().get(cited) : null;
      return Optional.of(new NumberedItem(text, citation, asked));
    }
    return Optional.empty();
  }

  /**
   * The one practice an answer showed, when it showed one (no numbered list, a single passage quoted): "具体咋弄哩"
   * after it asks about that practice.
   */
  static Optional<String> onlyItem(Shown previous) {
    if (previous.citations().size() != 1 || previous.text().matches("(?s).*(?m:^)\\s*2\\..*")) return Optional.empty();
    List<String> items = items(previous);
    return items.isEmpty() ? Optional.empty() : Optional.of(String.join(" ", items));
  }

  /** The first practice an answer showed, or empty. */
  static Optional<String> firstItem(Shown previous) {
    List<String> items = items(previous);
    return items.isEmpty() ? Optional.empty() : Optional.of(items.get(0));
  }

  /** The items the answer showed, in order, without list numbers, place tags and citation marks. */
  private static List<String> items(Shown previous) {
    List<String> out = new ArrayList<>();
    Matcher m = ITEM.matcher(previous.text());
    while (m.find()) {
      String item = TAG.matcher(LIST_NUMBER.matcher(m.group(1)).replaceFirst("")).replaceAll("").strip();
      if (!item.isEmpty()) out.add(item);
    }
    return out;
  }

  /**
   * The passages of the story a citation quotes: its whole document when that is one place's story, else the
   * passages under the same heading (a newspaper page holds several stories).
   */
  private static List<Passage> storyOf(Citation c, List<Passage> all) {
    Optional<Passage> cited = passageOf(c, all);
    if (cited.isEmpty()) return List.of();
    Passage p = cited.get();
    boolean onePlace = !p.place().isEmpty() && !GENERIC.matcher(p.place()).matches();
    return all.stream()
        .filter(x -> x.source().equals(p.source()) && (onePlace || x.heading().equals(p.heading())))
        .toList();
  }

  /** Whether the citation quotes a digest of several places (a standard's page), not one place's story. */
  private static boolean digest(Citation c, List<Passage> all) {
    return passageOf(c, all).map(p -> p.place().isEmpty() || GENERIC.matcher(p.place()).matches()).orElse(false);
  }

  /** Among {@code all}, the passage a citation quotes (the conversation keeps its text clipped). */
  private static Optional<Passage> passageOf(Citation c, List<Passage> all) {
    String start = c.text().endsWith("…") ? c.text().substring(0, c.text().length() - 1) : c.text();
    return all.stream()
        .filter(p -> p.source().equals(c.source()) && p.text().replaceAll("\\s+", " ").startsWith(start))
        .findFirst();
  }

  /** The item's own tag (【花园路街道】), else a place it names, else the place of its document. */
  private static String placeOf(String item, Optional<Passage> passage) {
    Matcher tag = TAG.matcher(item);
    if (tag.find() && !GENERIC.matcher(tag.group(1)).matches()) return tag.group(1);
    String plain = TAG.matcher(item).replaceAll("");
    List<String> named = PlaceNames.all(plain);
    if (!named.isEmpty()) return named.get(0);
    return passage.map(p -> ExtractiveAnswerer.placeOf(plain, p)).filter(p -> !GENERIC.matcher(p).matches()).orElse("");
  }

  private static String clip(String item) {
    String s = item.strip();
    return s.codePointCount(0, s.length()) <= ITEM_CHARS ? s : s.substring(0, s.offsetByCodePoints(0, ITEM_CHARS)) + "……";
  }
}
