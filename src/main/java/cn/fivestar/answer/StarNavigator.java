package cn.fivestar.answer;

import cn.fivestar.knowledge.Hit;
import cn.fivestar.knowledge.KnowledgeBase;
import cn.fivestar.knowledge.Passage;
import cn.fivestar.knowledge.SearchFilter;
import cn.fivestar.knowledge.Sentences;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Answers about one star ("平安法治星有哪些任务？", "怎么争创平安法治星？"), built per star: the star's standard
 * (from a criteria document, {@code kind: criteria}, where the knowledge base has one) and the practices the
 * documents tie to that very star, one line per practice with its place, most specific first, at most
 * {@value #MAX_ITEMS} lines in all.
 *
 * <p>A practice is tied to a star by the text itself: it names the star ("让‘宜业兴业星’更亮"), follows a lead-in
 * that names it ("网格服务引领，争创‘平安法治星’。将辖区划分为10个网格…"), sits under a heading or in a document
 * of that star, or in the star's criteria document's list of practices; failing that, it must use the star's
 * vocabulary (调解, 网格… for 平安法治星). A sentence tied to another star is left out, so a 宜业兴业星 example
 * never answers a 支部过硬星 question. This works the same on a raw corpus without criteria documents.
 */
final class StarNavigator {
  private static final Pattern ASKS_CRITERIA = Pattern.compile(
      "任务|标准|要求|条件|内容|包括|包含|指标|怎么评|如何评|评定|争创|创建|怎么创|如何创|怎样创|咋创|怎么争|咋争|争|做什么|哪些工作|"
          + "做法|经验|举措|办法|借鉴|参考|是什么|怎么做|咋做|怎么搞|咋搞|下手"
          // "别的社区都做了哪些事": what was done for the star is its practices.
          + "|哪些事|什么事|啥事|做了哪些|做了什么|干了哪些|干了啥|哪些活动|哪些项目|哪些实事|怎么干|咋干"
          // "给我讲讲幸福和谐星": tell about the star.
          + "|说说|讲讲|介绍|聊聊"
          + "|干点啥|干些啥|干啥|做点啥|做些啥|干什么|能做什么|主要看|看啥|看什么|评啥|考啥|考核什么");
  /** The words of a star question that say how it asks, not what about. */
  private static final Pattern ASKING = Pattern.compile(
      "我们|咱们|俺们|俺|那个|这个|平时|平常|评上|评|能干点|干点|社区|村里|村|街道|想要|想|要|咋|怎么|如何|怎样|争创|创建|创|争|有哪些|哪些|什么|啥|好的|好|具体|做法|办法|经验|"
          + "可以|借鉴|学学|参考|能|应该|该|工作|任务|标准|要求|做|搞|下手|从|地方|这块|方面|有|的|呢|吗|了|和|是|主要|内容|包括"
          // "那平安法治星呢 俺们村也想争 说说": asking to be told, no topic of its own.
          + "|说说|讲讲|介绍|聊聊|一下|那|也"
          // "那主星具体看啥 还有别的吗": more of the same star.
          + "|还有别的|还有|别的|其他|吗|看啥|具体");
  /** Any star, by its full or core name (幸福和谐指数 counts for 幸福和谐星, 过硬支部星 for 支部过硬星). */
  private static final Pattern ANY_STAR = Pattern.compile(
      "(支部过硬|过硬支部|共建共享|平安法治|平安法制|幸福和谐|宜业兴业|产业兴旺|生态宜居|文明幸福|主(?=星(?!引领)))");
  /** How reports frame a campaign ("以…为契机", "开展以来"), rather than what was done. */
  private static final Pattern FRAMING = Pattern.compile("为契机|为载体|总体要求|开展以来|真实缩影|一个缩影|走向深入");
  private static final Pattern NUMBER = Pattern.compile("\\d");
  /** "（京广路街道冯春社区）：" — a practice line of a criteria document names its place in brackets. */
  private static final Pattern BRACKET_PLACE = Pattern.compile("（([^（）]{2,20}(?:街道|社区|村|镇|区|乡)[^（）]{0,12})）");
  static final int MAX_ITEMS = 8;
  private static final int MAX_STANDARDS = 1;
  private static final int PER_SOURCE = 3;
  private static final int CANDIDATES = 40;
  private static final int MAX_LINE_CHARS = 120;
  /**
   * How much the text's own tie to the star counts against vocabulary alone: a sentence the document ties to
   * the star (tie 0.6 and up) outranks one that only uses the star's words.
   */
  private static final double TIE_WEIGHT = 2.0;

  private final KnowledgeBase kb;
  private final TermOverlap overlap;
  /** {@link #leadInScopes()} of the index version it was computed for. */
  private volatile Map.Entry<String, Map<String, String>> scopes;

  StarNavigator(KnowledgeBase kb, TermOverlap overlap) {
    this.kb = kb;
    this.overlap = overlap;
  }

  /** A line of the answer with the passage it comes from. */
  record Item(String text, Hit hit, double score, boolean standard) {}

  /**
   * Past this many characters of its own, a star question's topic ("怎么让在职党员、老党员亮身份" in "争创支部过硬星，
   * 怎么让…") is what it asks about: answered from the passages on that topic, not from the star's general list.
   * Measured on 104 how-to questions: 4 took how-to coverage on the seeds from 0.603 to 0.655 (index/ 0.607 to
   * 0.608), 6 to 0.643, 8 to 0.639.
   */
  private static final int MAX_TOPIC_CHARS = 4;

  /**
   * Whether a question asks what a star requires or how to earn it in general; null when it names no star or
   * asks about one topic within the star's work.
   */
  static String askedStar(String question) {
    String star = Stars.find(question);
    return star != null && ASKS_CRITERIA.matcher(question).find()
        && topic(question).replace(" ", "").length() < MAX_TOPIC_CHARS ? star : null;
  }

  Optional<Answer> answer(String original, String question) {
    String star = askedStar(question);
    if (star == null) return Optional.empty();
    List<Item> items = select(question, star);
    if (items.isEmpty()) return Optional.empty();
    return Optional.of(render(original, star, items));
  }

  /** The lines of a star answer: standards first, then practices, at most {@value #MAX_ITEMS}. */
  List<Item> select(String question, String star) {
    return select(question, star, line -> false);
  }

  /** As {@link #select(String, String)} without the lines the person has just read ("还有别的吗" asks for others). */
  List<Item> select(String question, String star, Predicate<String> shown) {
    boolean village = Stars.aboutVillage(question) || Stars.VILLAGE.contains(star) && !Stars.COMMUNITY.contains(star);
    List<Passage> criteria = pickVariant(kb.passages(new SearchFilter(star, "criteria")), village);
    String criteriaSource = criteria.isEmpty() ? "" : criteria.get(0).source();
    List<Item> standards = standards(question, star, criteria, criteriaSource).stream()
        .filter(i -> !shown.test(i.text())).toList();
    List<Item> practices = practices(question, star, criteriaSource, MAX_ITEMS - standards.size(), village, shown);
    List<Item> out = new ArrayList<>(standards);
    out.addAll(practices);
    return out;
  }

  Answer render(String original, String star, List<Item> items) {
    Map<Passage, Integer> numbers = new LinkedHashMap<>();
    List<Citation> citations = new ArrayList<>();
    StringBuilder text = new StringBuilder();
    Item first = items.get(0);
    String variant = first.standard() && !first.hit().passage().place().isEmpty()
        ? "（" + first.hit().passage().place() + "）" : "";
    text.append("【").append(star).append(variant).append("】\n");
    boolean standardsShown = false;
    boolean practicesShown = false;
    int n = 0;
    for (Item it : items) {
      Passage p = it.hit().passage();
      Integer no = numbers.get(p);
      if (no == null) {
        no = citations.size() + 1;
        numbers.put(p, no);
        citations.add(new Citation(p.source(), p.title(), p.text()));
      }
      if (it.standard() && !standardsShown) {
        text.append("标准：\n");
        standardsShown = true;
      } else if (!it.standard() && !practicesShown) {
        text.append(standardsShown ? "\n" : "").append("各地做法：\n");
        practicesShown = true;
      }
      if (it.standard()) {
        text.append("· ").append(it.text()).append("[").append(no).append("]\n");
      } else {
        String place = placeOf(it.text(), p);
        text.append(++n).append(". ");
        if (!place.isEmpty() && !it.text().contains(place)) text.append("【").append(place).append("】");
        text.append(it.text()).append("[").append(no).append("]\n");
      }
    }
    return new Answer(original, true, text.toString().strip(), citations);
  }

  /** What the star's criteria document says it requires (not its list of practices, which are practices). */
  private List<Item> standards(String question, String star, List<Passage> criteria, String source) {
    List<Item> all = new ArrayList<>();
    int order = 0;
    for (Passage p : criteria) {
      if (!p.source().equals(source) || practiceSection(p.heading())) continue;
      for (String s : Sentences.splitStatements(p.text())) {
        order++;
        // Remarks about the documents or the bot itself are not the standard.
        if (s.length() < 12 || remark(s)) continue;
        double score = overlap.coverage(question, p.heading() + s) + (s.contains(core(star)) ? 0.2 : 0)
            + (p.heading().contains("要求") || p.heading().contains("任务") || p.heading().contains("标准") ? 0.3 : 0)
            - order * 0.01;
        all.add(new Item(cap(s), new Hit(p, 0f, 0f), score, true));
      }
    }
    all.sort(Comparator.comparingDouble(Item::score).reversed());
    List<Item> chosen = new ArrayList<>();
    for (Item c : all) {
      if (chosen.size() >= MAX_STANDARDS) break;
      if (chosen.stream().noneMatch(x -> overlap.similar(x.text(), c.text()))) chosen.add(c);
    }
    return chosen;
  }

  /**
   * Practices tied to the star: candidate sentences from the star's criteria practices and from the passages a
   * search for the star and its vocabulary returns, each scored by how the text ties it to the star, how much of
   * the star's vocabulary and the question's own words it uses, and how specific it is (a named practice, a
   * figure).
   */
  private List<Item> practices(String question, String star, String criteriaSource, int max, boolean village,
                               Predicate<String> shown) {
    List<String> vocabulary = kb.relatedTerms(star);
    Set<String> starWords = new HashSet<>(List.of(core(star)));
    String topic = topic(question);
    List<Hit> hits = new ArrayList<>();
    Set<Passage> seen = new HashSet<>();
    for (Passage p : kb.passages(new SearchFilter(star, "criteria"))) {
      if (p.source().equals(criteriaSource) && seen.add(p)) hits.add(new Hit(p, 1f, 1f));
    }
    for (Hit h : kb.search(star + " " + topic + " " + String.join(" ", vocabulary), CANDIDATES)) {
      if (!"criteria".equals(h.passage().kind()) && seen.add(h.passage())) hits.add(h);
    }
    List<Item> candidates = new ArrayList<>();
    for (Hit h : hits) {
      Passage p = h.passage();
      boolean criteriaPractice = p.source().equals(criteriaSource) && practiceSection(p.heading());
      if (p.source().equals(criteriaSource) && !criteriaPractice) continue;
      // The star a section or document is about, until a lead-in sentence names another one.
      String headingStar = Stars.find(p.heading());
      String docStar = p.star();
      boolean docOfOneStar = Stars.COMMUNITY.contains(docStar) || Stars.VILLAGE.contains(docStar);
      String scope = headingStar != null ? headingStar : docOfOneStar ? docStar : leadInScopes().get(key(p));
      List<String> sentences = Sentences.splitStatements(p.text());
      boolean onTopic = false;  // the sentence before is clearly about the star's work
      for (String s : sentences) {
        boolean follows = onTopic;
        onTopic = false;
        String named = namedStar(s);
        if (leadIn(s)) {  // "功能服务引领，争创“幸福和谐星”。" opens a star's part of a report
          scope = named;
          continue;
        }
        if (s.length() < 16 || remark(s)) continue;
        Set<String> stars = starsNamed(s);
        // A sentence naming another star is that star's; one naming three or more is a digest, not a practice.
        if (stars.size() > 2 || !stars.isEmpty() && !stars.contains(star)) continue;
        if (stars.isEmpty() && scope != null && !scope.equals(star) && !criteriaPractice) continue;
        double tie = criteriaPractice ? 1.0 : stars.contains(star) ? 0.8 : scope != null ? 0.6 : 0;
        // The star's own name ("平安法治") holds vocabulary words (平安, 法治) that say nothing about the practice.
        double vocab = vocabularyShare(vocabulary, starWords, ANY_STAR.matcher(s).replaceAll(" "));
        double asked = topic.isBlank() ? 0 : overlap.coverage(topic, s);
        onTopic = vocab >= 1.0;
        // Neither tied to the star nor clearly about its work. A report's paragraph on the star's work goes on in
        // sentences using fewer of its words ("…抓招商、促营商…。建立全员招商机制…"): one following such a
        // sentence needs only one.
        if (tie == 0 && vocab < (follows ? 0.5 : 1.0)) continue;
        // Most specific first: a named practice (“梨园之家”, 一图一表一清单) before a figure, then a place. A
        // criteria document's practice line is a practice, but one without a name says less.
        double specific = (namesPractice(s) ? 0.6 : criteriaPractice ? 0.2 : 0) + (NUMBER.matcher(s).find() ? 0.2 : 0)
            + (placeOf(s, p).isEmpty() ? 0 : 0.2) + (s.length() >= 30 ? 0 : -0.3);
        // A practice of the other variant (a village's for a community question) is still a practice, but later.
        if (Stars.aboutVillage(p.place() + p.title()) != village && !criteriaPractice) specific -= 0.3;
        if (FRAMING.matcher(s).find()) specific -= 0.8;
        double score = specific + TIE_WEIGHT * tie + vocab + 0.8 * asked;
        if (!shown.test(cap(s))) candidates.add(new Item(cap(s), h, score, false));
      }
    }
    candidates.sort(Comparator.comparingDouble(Item::score).reversed());
    List<Item> chosen = new ArrayList<>();
    Map<String, Integer> perSource = new HashMap<>();
    Set<String> names = new HashSet<>();
    List<Set<String>> chosenBigrams = new ArrayList<>();
    for (Item c : candidates) {
      if (chosen.size() >= max) break;
      // One article of a newspaper page is one source of practices: count by document and section.
      String src = c.hit().source() + "#" + c.hit().passage().heading();
      if (perSource.getOrDefault(src, 0) >= PER_SOURCE && !c.hit().source().equals(criteriaSource)) continue;
      List<String> practiceNames = new ArrayList<>(practiceNames(c.text()));
      Matcher head = BRACKET_PLACE.matcher(c.text());
      if (head.find() && head.start() > 1) practiceNames.add(c.text().substring(0, head.start()).replaceAll("[“”\"]", ""));
      // The same practice told twice (one story and the digest, or two stories) is shown once.
      if (!practiceNames.isEmpty() && names.containsAll(practiceNames)) continue;
      Set<String> bigrams = overlap.terms(c.text());
      boolean repeat = false;
      for (int i = 0; i < chosen.size() && !repeat; i++) {
        repeat = TermOverlap.similar(chosenBigrams.get(i), bigrams, chosen.get(i).text(), c.text());
      }
      if (repeat) continue;
      chosen.add(c);
      chosenBigrams.add(bigrams);
      names.addAll(practiceNames);
      perSource.merge(src, 1, Integer::sum);
    }
    return chosen;
  }

  /**
   * The star a passage's section is about when an earlier passage of the same section opened that star's part
   * with a lead-in ("功能服务引领，争创“幸福和谐星”。" then, in the next passage, "利用社区少年儿童活动中心…"): a
   * report's part on one star often runs over into the next passage. Keyed by {@link #key(Passage)}; computed
   * once per index version.
   */
  private Map<String, String> leadInScopes() {
    String version = kb.version();
    Map.Entry<String, Map<String, String>> cached = scopes;
    if (cached != null && cached.getKey().equals(version)) return cached.getValue();
    Map<String, String> out = new HashMap<>();
    Passage previous = null;
    String scope = null;
    for (Passage p : kb.passages(SearchFilter.NONE)) {
      boolean sameSection = previous != null && previous.source().equals(p.source())
          && previous.heading().equals(p.heading());
      if (sameSection && scope != null) out.put(key(p), scope);
      // A star's part runs into the next passage at most: further on, a page's next article may have begun.
      scope = null;
      for (String s : Sentences.splitStatements(p.text())) {
        if (leadIn(s)) scope = namedStar(s);
      }
      previous = p;
    }
    scopes = Map.entry(version, out);
    return out;
  }

  private static String key(Passage p) {
    return p.source() + "#" + p.position();
  }

  /**
   * What a star question asks about beyond the star and the asking ("环境这块" in "争创生态宜居星，环境这块该从哪些地方
   * 下手？"); blank for a plain "怎么争创X星？".
   */
  static String topic(String question) {
    String rest = ANY_STAR.matcher(question).replaceAll(" ");
    rest = ASKING.matcher(rest.replace("星", " ")).replaceAll(" ");
    return rest.replaceAll("[^\\p{IsHan}]+", " ").strip().replaceAll("\\s+", " ").length() < 2 ? ""
        : rest.replaceAll("[^\\p{IsHan}]+", " ").strip();
  }

  /** Share of the star's vocabulary terms the sentence uses, saturating at two terms. */
  private static double vocabularyShare(List<String> vocabulary, Set<String> starWords, String s) {
    int n = 0;
    for (String t : vocabulary) {
      if (!starWords.contains(t) && s.contains(t)) n++;
    }
    return Math.min(1.0, n / 2.0);
  }

  /** The star a sentence names (full or core name), or null; the first one when it names several. */
  private static String namedStar(String s) {
    Matcher m = ANY_STAR.matcher(s);
    if (!m.find()) return null;
    return Stars.find(m.group(1).equals("过硬支部") ? "支部过硬星" : m.group(1) + "星");
  }

  /** The distinct stars a sentence names. */
  static Set<String> starsNamed(String s) {
    Set<String> out = new HashSet<>();
    Matcher m = ANY_STAR.matcher(s);
    while (m.find()) {
      String found = Stars.find(m.group(1).equals("过硬支部") ? "支部过硬星" : m.group(1) + "星");
      if (found != null) out.add(found);
    }
    return out;
  }

  /** A remark about the documents or the bot ("本资料没有逐条列出…", "以正式文件为准"), not a practice. */
  private static boolean remark(String s) {
    return s.contains("本资料") || s.contains("为准") || s.contains("机器人") || s.contains("对应关系");
  }

  /** "网格服务引领，争创“平安法治星”。": a short sentence that opens a star's part of a report. */
  private static boolean leadIn(String s) {
    return s.length() < 30 && ANY_STAR.matcher(s).find();
  }

  private static boolean practiceSection(String heading) {
    return heading.contains("做法") || heading.contains("经验") || heading.contains("举措") || heading.contains("怎么争创");
  }

  static boolean namesPractice(String s) {
    return !practiceNames(s).isEmpty();
  }

  /** The mechanisms a sentence names (see {@link Mechanisms}): “一长三员”, “书记周周评”, 一图一表一清单. */
  private static List<String> practiceNames(String s) {
    return Mechanisms.in(s);
  }

  /** A criteria document's practice line names its place in brackets; otherwise as for other answers. */
  private static String placeOf(String sentence, Passage p) {
    Matcher m = BRACKET_PLACE.matcher(sentence);
    if (m.find()) return m.group(1);
    String place = ExtractiveAnswerer.placeOf(sentence, p);
    return place.contains("城市社区") || place.contains("农村") ? "" : place;
  }

  private static String core(String star) {
    return star.substring(0, star.length() - 1);
  }

  private static String cap(String s) {
    if (s.length() <= MAX_LINE_CHARS) return s;
    return Sentences.cap(s, MAX_LINE_CHARS).get(0).replaceAll("[，,、：；;]$", "") + "……";
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
}
