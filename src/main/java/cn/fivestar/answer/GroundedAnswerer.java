package cn.fivestar.answer;

import cn.fivestar.knowledge.Hit;
import cn.fivestar.knowledge.KnowledgeBase;
import cn.fivestar.knowledge.Sentences;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
  /**
   * For a question about community life (see {@link Topics}) or naming a star, the documents' practices are worth
   * showing even when the resident's words barely overlap theirs ("家里老人白天没人照看" ~ 日间照料中心); such
   * answers are marked tentative.
   */
  static final float MIN_COMMUNITY_COVERAGE = 0.08f;
  /** Past this many characters a question tells a story, and its coverage bar falls in proportion. */
  static final int STORY_CHARS = 24;
  /** An off-topic question is refused unless the documents clearly cover it after all. */
  static final float MIN_OFF_TOPIC_COVERAGE = 0.5f;
  /**
   * Below this coverage of the question by the answer's own sentences (with their documents' titles), the
   * answer is tentative: related material, not the answer itself. Measured on the team, validation and dev
   * sets on both corpora: 0.25 marks 14 of 33 wrong answers and 31 of 332 right ones (the old rule, best
   * passage coverage below 0.33, marked 15 wrong and 58 right ones).
   */
  static final double MIN_SUPPORT = 0.25;
  /**
   * The same bar for a question in a resident's words (the best passage covers under half of it): quoting a
   * practice that covers little of such a question is offering related material. Measured on 672 questions: 0.35
   * (0.45) took confident-but-wrong colloquial answers from 0.081 to 0.046 (0.014) on index/ and from 0.067 to
   * 0.018 (0.004) on the seeds, with the share correct unchanged; 0.45 marked three in four tentative.
   */
  static final double MIN_COLLOQUIAL_SUPPORT = 0.35;
  private static final float COLLOQUIAL_COVERAGE = 0.5f;
  static final int MAX_QUESTION_CHARS = 500;
  /** "效果咋样 有弄上去哩没": a longer question asking about results names a subject of its own. */
  private static final int EFFECT_QUESTION_CHARS = 20;
  /** All the reranked candidates: a fact may lie in a lower-ranked passage of the top passage's story. */
  private static final int PASSAGES = 20;
  private static final int LLM_PASSAGES = 5;
  /**
   * "俺们院大门敞着谁都能进 咋整", "城管能不能常来俺们这片转转": a question about the resident's own courtyard, building
   * or neighbourhood is about community life however it is worded, unless it asks how to get a public service.
   */
  private static final Pattern LOCAL_PLACE = Pattern.compile(
      "(?:俺|我|咱|恁)们?(?:这|那)?个?(?:院|楼|小区|村|片|单元|巷|胡同)|家门口|家附近|楼下|楼道|院子|这片|那片|社区|街道|小区|村里|院里|楼里");
  private static final Pattern ASKING = Pattern.compile(
      "咋|怎么|能不能|有没有|有没|有啥|谁|啥|是不是|多少|(\\p{IsHan})不\\1|真[哩的]假[哩的]|[吗不没][？?]?\\s*$|[？?]");
  static final String TENTATIVE = "资料里没有和您的问题完全对应的内容，下面是其他社区的相关做法，供您参考：\n";

  private final KnowledgeBase kb;
  private final Optional<Generator> llm;
  private final TermOverlap overlap = new TermOverlap();
  private final ExtractiveAnswerer extractive;
  private final StarNavigator stars;
  private final String refusal;
  private final Topics topics;
  private final ShownFollowUps aboutShown;
  private static final Pattern SAME_AGAIN = Pattern.compile("例子|案例|还有|别的|其他|具体|详细|再说");
  private static final String SOURCES = "上面的内容出自这些报道和材料（都在知识库里，标题如下）：";
  private static final String NUMBERED_ITEM = "您问的这一条，资料里是这样说的：";
  private static final String STAR_OF_SHOWN = "上面说的是争创%s的做法，资料里把它列在这颗星下面。";

  /** Coverage alone decides whether the knowledge base covers a question. */
  public GroundedAnswerer(KnowledgeBase kb, Optional<Generator> llm, String refusal) {
    this(kb, llm, refusal, Topics.NONE);
  }

  /** {@code topics} moves the coverage bar for questions clearly about community life or clearly not. */
  public GroundedAnswerer(KnowledgeBase kb, Optional<Generator> llm, String refusal, Topics topics) {
    this.topics = topics;
    this.kb = kb;
    this.llm = llm;
    this.stars = new StarNavigator(kb, overlap);
    this.extractive = new ExtractiveAnswerer(overlap, kb::coverage);
    this.aboutShown = new ShownFollowUps(kb);
    this.refusal = refusal;
  }

  @Override
  public Answer answer(String question, List<String> history, Shown previous) {
    // "这是哪个地方搞哩": the places of the practices just shown, not a new search.
    if (previous != null && history != null && !history.isEmpty()) {
      String own = clean(question);
      Optional<Answer> about = FollowUps.asksWhereDone(own) ? aboutShown.places(question, previous)
          : FollowUps.asksEffect(own) && own.length() <= EFFECT_QUESTION_CHARS ? aboutShown.effects(question, previous)
          : Optional.empty();
      if (about.isPresent()) return about.get();
      // "出自哪篇报道": the documents the last answer quoted.
      if (FollowUps.asksSource(own) && !previous.citations().isEmpty()) return sources(question, previous);
      // "还有别的做法没": other practices than those just shown.
      if (FollowUps.asksOtherWays(own)) return answerOthers(question, history, previous);
      // "刚才说哩第二个呢 咋弄哩": about the item at that place in the answer, or all of it when nothing more is asked.
      Optional<ShownFollowUps.NumberedItem> numbered = ShownFollowUps.itemByNumber(own, previous);
      if (numbered.isPresent()) {
        ShownFollowUps.NumberedItem n = numbered.get();
        Optional<Answer> more = aboutItem(question, n.text(), n.asked().isEmpty() ? "具体怎么做的" : n.asked(), previous, true);
        if (more.isPresent()) return more.get();
        // Nothing more found: that item again, whole, rather than an answer about something else.
        return n.citation() == null ? new Answer(question, true, NUMBERED_ITEM + n.text(), List.of())
            : new Answer(question, true, NUMBERED_ITEM + n.text() + "[1]", List.of(n.citation()));
      }
      // "这算哪颗星哩": the star of the practice shown first.
      Optional<String> first = FollowUps.asksStarOfShown(own) ? ShownFollowUps.firstItem(previous) : Optional.empty();
      if (first.isPresent()) {
        Optional<Answer> ofItem = aboutItem(question, first.get(), "这算哪颗星", previous, false);
        if (ofItem.isPresent()) return ofItem.get();
        // Shown as a practice of the star asked about a turn or two before ("平安法治星咋争创" → its items): that star.
        for (int i = history.size() - 1; i >= 0; i--) {
          String star = Stars.find(history.get(i));
          if (star == null) continue;
          List<Citation> cited = previous.citations().isEmpty() ? List.of() : List.of(previous.citations().get(0));
          return new Answer(question, true, String.format(STAR_OF_SHOWN, star) + (cited.isEmpty() ? "" : "[1]"), cited);
        }
      }
      // "具体咋弄哩 谁牵哩头" after an answer showing one practice: about that practice, not the earlier question.
      Optional<String> only = FollowUps.asksDetails(own) ? ShownFollowUps.onlyItem(previous) : Optional.empty();
      Optional<Answer> details = only.flatMap(it -> aboutItem(question, it, own, previous, true));
      if (details.isPresent()) return details.get();
      // "那个基地里头都弄了些啥": about the item of the answer that names it, not about the earlier question.
      Optional<Answer> named = ShownFollowUps.itemNaming(own, previous).flatMap(it -> aboutItem(question, it, own, previous, true));
      if (named.isPresent()) return named.get();
      // "他们群众哩意见咋收上来哩": a follow-up answered with what was just shown asks something of its own — unless it
      // asks for more of the same ("有没有村里的例子").
      Answer followUp = answer(question, history);
      if (followUp.answered() && !tellsMore(followUp, previous) && !SAME_AGAIN.matcher(own).find()) {
        Answer alone = answer(question, List.of());
        if (alone.answered() && tellsMore(alone, previous)) return alone;
      }
      // "那个乒乓球比赛是哪个社区搞哩": read with the earlier question it finds nothing head-on, but it names its own
      // subject, which the documents answer ("…那一套呢" asks what the question before asked, so it stays as read).
      if (followUp.tentative() && !FollowUps.elliptic(own)) {
        Answer alone = answer(question, List.of());
        if (alone.answered() && !alone.tentative() && FollowUps.echoes(own, alone.text())) return alone;
      }
      return followUp;
    }
    return answer(question, history);
  }

  /**
   * Whether an answer only tells about the one shown before (its places, its sources): a follow-up after it
   * ("第二个具体咋弄") still means the items of that earlier answer.
   */
  public static boolean describesShown(Answer a) {
    return a.text().startsWith(SOURCES) || ShownFollowUps.listsPlaces(a.text());
  }

  /**
   * {@code asked} about one item of the answer shown ("…具体咋弄哩"), as the person's question: a confident answer, and
   * with {@code newOnly} one saying more than was shown; else empty.
   */
  private Optional<Answer> aboutItem(String question, String item, String asked, Shown previous, boolean newOnly) {
    Answer a = answer(item.replace("……", "") + " " + asked, List.of());
    boolean stands = a.answered() && !a.tentative() && (!newOnly || tellsMore(a, previous));
    return stands ? Optional.of(new Answer(question, true, a.text(), a.citations())) : Optional.empty();
  }

  /** The titles of the documents an answer quoted, each once, in the order first cited. */
  private static Answer sources(String question, Shown previous) {
    Set<String> titles = new LinkedHashSet<>();
    for (Citation c : previous.citations()) titles.add(c.title());
    StringBuilder text = new StringBuilder(SOURCES);
    int n = 0;
    for (String title : titles) text.append('\n').append(++n).append(". 《").append(title).append("》");
    return new Answer(question, true, text.toString(), List.of());
  }

  /** Whether an answer says something the one shown before did not (not just its item again). */
  private static boolean tellsMore(Answer a, Shown previous) {
    for (String sentence : Sentences.split(a.text().replaceAll("\\[\\d+\\]", ""))) {
      if (sentence.length() >= 8 && !previous.text().contains(opening(sentence))) return true;
    }
    return false;
  }

  /** The opening words of an answer line, enough to find it again in an answer shown before. */
  private static String opening(String line) {
    return line.substring(0, Math.min(line.length(), 16));
  }

  /** A passage by its source and opening words (a shown citation's text may be clipped). */
  private static String key(String source, String text) {
    String t = text.replaceAll("\\s+", " ").strip();
    return source + "|" + t.substring(0, Math.min(t.length(), 40));
  }

  @Override
  public Answer answer(String question, List<String> history) {
    return answerOthers(question, history, null);
  }

  /** {@code read}: the answer the person has just read (or null); its lines and passages are left out. */
  private Answer answerOthers(String question, List<String> history, Shown read) {
    String original = question == null ? "" : question;
    // "俺是郸城县农村哩 …": where the person comes from is no part of what is asked.
    String asked = Regions.withoutOrigin(kb, clean(original));
    String q = FollowUps.rewrite(asked, history);
    // "那个一长三员是哪三员", "那个和平新村社区 开了几回会": a follow-up naming a practice or place of the documents may
    // ask about it alone; its answer stands when it answers with confidence ("刚说那个议事亭 是哪个街道弄的" still needs the last one).
    if (!q.equals(asked) && namesWhatItsPassageNames(asked)) {
      Answer alone = answer(original, List.of());
      if (alone.answered() && !alone.tentative()) return alone;
    }
    if (q.isBlank()) {
      return new Answer(original, false, "请告诉我您想了解什么，例如：“怎么争创平安法治星？”", List.of());
    }
    String star = StarNavigator.askedStar(q);
    if (star != null) {
      List<StarNavigator.Item> items = stars.select(q, star, line -> read != null && read.text().contains(opening(line)));
      if (!items.isEmpty()) return starAnswer(original, q, star, items);
    }
    Set<String> seen = new HashSet<>();
    if (read != null) for (Citation c : read.citations()) seen.add(key(c.source(), c.text()));
    List<Hit> hits = kb.search(q, PASSAGES).stream().filter(h -> !seen.contains(key(h.source(), h.text()))).toList();
    // A follow-up ("在哪个社区？" after a question about children's activities) carries the earlier question's
    // words, which the knowledge base already covered; its own few words only narrow it down.
    float coverage = hits.isEmpty() ? 0 : hits.get(0).coverage();
    boolean followUp = !q.equals(asked);
    boolean covered = followUp
        ? coveredFollowUp(q, asked, history.get(history.size() - 1), coverage)
        : covered(q, coverage);
    if (hits.isEmpty() || Regions.asksAboutOtherRegion(kb, q) || Procedures.asksUnknownProcedure(kb, q) || !covered
        || asksAboutUnknownWord(q)) {
      return new Answer(original, false, refusal, List.of());
    }
    Answer answer = grounded(original, q, hits);
    if (!answer.answered()) return answer;
    // "哪条路？" answered by a sentence naming no road: the topic of the question, not the thing it asks for.
    boolean holdsKind = llm.isPresent() || ExtractiveAnswerer.holdsAskedKind(q, answer.text());
    // "樱桃沟社区属于哪个街道": which district or street a place belongs to, answered by a sentence naming none
    // (社区 is no 区) — the documents do not say, and related practices would not tell either.
    if (!AskedThing.namesUnitAsked(q, answer.text())) return new Answer(original, false, refusal, List.of());
    double bar = hits.get(0).coverage() < COLLOQUIAL_COVERAGE ? MIN_COLLOQUIAL_SUPPORT : MIN_SUPPORT;
    // "花园路街道党工委书记是谁" answered by a sentence naming only the 副书记: the topic, not the holder.
    // "比赛冠军是谁" answered by a sentence naming neither a champion nor anyone: the event, not who won it.
    boolean holdsHolder = llm.isPresent() || AskedThing.answersWho(q, answer.text().replaceAll("\\[\\d+\\]", ""));
    // "清援普法 能免费帮俺写个起诉状不" answered by what 清援普法 is: the practice, not whether it does that.
    boolean speaksOfAsked = llm.isPresent() || YesNo.speaksOf(q, answer.text());
    if (holdsKind && holdsHolder && speaksOfAsked && support(q, answer) >= bar) return answer;
    // The quoted sentences do not address the question itself: say these are related practices, not the answer,
    // and offer the best practice of each of the top passages (a question asking for one particular keeps its
    // sentence: a list would not answer "哪条路" either; a how-to answer is a list already).
    boolean particular = AskedThing.asksParticular(q);
    Answer shown = llm.isPresent() || particular || ExtractiveAnswerer.isHowTo(q) ? answer
        : extractive.relatedPractices(original, q, kb.relatedTerms(q), hits);
    // The tentative opening replaces a how-to list's own header, which would claim the list answers the question.
    String body = shown.text().startsWith(ExtractiveAnswerer.HOWTO_HEADER)
        ? shown.text().substring(ExtractiveAnswerer.HOWTO_HEADER.length()) : shown.text();
    return new Answer(original, true, true, TENTATIVE + body, shown.citations());
  }

  /**
   * A star question: the LLM, when configured, writes from the same per-star selection of passages the
   * extractive answer lists (standards first); the extractive list is the fallback.
   */
  private Answer starAnswer(String original, String q, String star, List<StarNavigator.Item> items) {
    if (llm.isPresent()) {
      java.util.LinkedHashMap<cn.fivestar.knowledge.Passage, Hit> passages = new java.util.LinkedHashMap<>();
      for (StarNavigator.Item it : items) {
        if (passages.size() < LLM_PASSAGES) passages.putIfAbsent(it.hit().passage(), it.hit());
      }
      Optional<Answer> generated = llm.get().generate(q, List.copyOf(passages.values()));
      if (generated.isPresent()) {
        Answer a = generated.get();
        return new Answer(original, a.answered(), a.text(), a.citations());
      }
    }
    return stars.render(original, star, items);
  }

  private Answer grounded(String original, String q, List<Hit> hits) {
    if (llm.isPresent()) {
      Optional<Answer> generated = llm.get().generate(q, hits.subList(0, Math.min(LLM_PASSAGES, hits.size())));
      if (generated.isPresent()) {
        Answer a = generated.get();
        return new Answer(original, a.answered(), a.text(), a.citations());
      }
    }
    Answer answer = extractive.answer(original, q, kb.relatedTerms(q), hits);
    // Without the one detail asked for (a figure, a name, a date…) the answer is the subject, not the answer. The
    // quoted story's title tells whose story it is (a byline names no place).
    StringBuilder evidence = new StringBuilder(answer.text());
    for (Citation c : answer.citations()) evidence.append('\n').append(c.title());
    return AskedDetail.given(q, evidence.toString()) ? answer : new Answer(original, false, refusal, List.of());
  }

  /** A Latin word of three letters or more, not laughter ("hhh", "haha") or "ok". */
  private static final Pattern LATIN_WORD = Pattern.compile("(?i)(?<![a-z])(?!h+(?![a-z])|(?:ha)+(?![a-z])|ok(?![a-z])|lol(?![a-z]))[a-z]{3,}");

  /** "社区有没有wifi 密码是多少": the clause asking names a Latin word no document uses — a thing they never cover. */
  private boolean asksAboutUnknownWord(String q) {
    Matcher m = LATIN_WORD.matcher(Procedures.askedPart(q));
    while (m.find()) {
      if (!kb.mentions(m.group())) return true;
    }
    return false;
  }

  /** Whether the question names what its best passage's document is about: four characters or more of its title. */
  private boolean namesTitleSubject(String question) {
    List<Hit> best = kb.search(question, 1);
    return !best.isEmpty() && ExtractiveAnswerer.sharesWord(question, best.get(0).title());
  }

  /**
   * Whether the question names a practice (“一长三员”) the best passage for it names in quotes, or a place
   * ("那个和平新村社区 开了几回会") it names too.
   */
  private boolean namesWhatItsPassageNames(String question) {
    List<Hit> best = kb.search(question, 1);
    if (best.isEmpty()) return false;
    String text = best.get(0).text();
    List<String> quoted = ExtractiveAnswerer.quotedNames(text);
    if (quoted.stream().anyMatch(n -> n.length() >= 3 && question.contains(n))) return true;
    // "“三零”创建": a short name counts when the question quotes it too.
    if (ExtractiveAnswerer.quotedNames(question).stream().anyMatch(quoted::contains)) return true;
    java.util.regex.Matcher m = AskedThing.PLACE.matcher(question);
    while (m.find()) {
      if (m.group().length() >= 3 && text.contains(m.group())) return true;
    }
    return false;
  }

  /** How much of the question the quoted sentences (with their sources' titles and headings) cover. */
  private double support(String q, Answer a) {
    StringBuilder text = new StringBuilder(a.text().replaceAll("\\[\\d+\\]", ""));
    for (Citation c : a.citations()) text.append('\n').append(c.title());
    return kb.coverage(q, text.toString());
  }

  /**
   * A follow-up keeps the earlier question's subject when its own words are ones the documents use ("在哪个社区",
   * "具体怎么做的"); a word they never use ("那明天天气呢") turns to something else, judged as a new question.
   */
  private boolean coveredFollowUp(String q, String own, String previous, float coverage) {
    // "那个", "这些" point back at the earlier subject, "别的地方" at other places doing it; they are no new word.
    // "还有啥别的不 俺就周末有空 想带着娃一块去": more of the same subject; what follows is the person's own remark.
    String words = FollowUps.asksOtherWays(own) ? ""
        : FollowUps.beforeAskingMore(own).replaceAll("别的地方|其他地方|别处|[那这哪][个些里儿]?", " ");
    if (!kb.unknownWords(words).isEmpty() || topics.offTopic().test(own)) return coveredAlone(own);  // a new subject
    // Only a subject the knowledge base covered carries over ("那股票呢" then "具体怎么做的" is still about shares).
    return coveredAlone(previous) ? coverage >= communityCoverage(q) : covered(q, coverage);
  }

  /** Whether the knowledge base covers the text asked on its own. */
  private boolean coveredAlone(String text) {
    List<Hit> hits = kb.search(text, 1);
    return !hits.isEmpty() && covered(text, hits.get(0).coverage());
  }

  private boolean covered(String q, float coverage) {
    if (coverage >= MIN_OFF_TOPIC_COVERAGE) return true;
    if (coverage >= MIN_COVERAGE) return !topics.offTopic().test(q);
    // A question naming one of the stars, or what a document is about ("评那个星级楼组 人家到底都看啥"), is about the
    // campaign itself, whatever else it says.
    // So is one naming a practice or place its best passage names ("老听人说啥“三零”创建", "经一路边上那个小游园").
    return coverage >= communityCoverage(q)
        && (Stars.aboutCampaign(q) || topics.communityMatter().test(q) || asksAboutLocalPlace(q) || namesTitleSubject(q)
            || namesWhatItsPassageNames(q));
  }

  private static boolean asksAboutLocalPlace(String q) {
    return LOCAL_PLACE.matcher(q).find() && ASKING.matcher(q).find() && !Procedures.asksService(q);
  }

  /**
   * The coverage bar for a question about community life: a resident telling a long story ("俺在巷子里开了个小饭馆
   * 后厨天天动火…社区有人教没") uses many words no document needs, so the bar falls with the question's length.
   */
  private static float communityCoverage(String q) {
    long chars = q.codePoints().filter(Character::isIdeographic).count();
    return MIN_COMMUNITY_COVERAGE * Math.min(1f, STORY_CHARS / (float) Math.max(1, chars));
  }

  /**
   * Whether the question asks how to get an everyday public service (办证, 申请低保, 补缴社保), what one costs (调解收钱不,
   * 物业修这个要俺们掏钱不) or when it is open (活动室几点开门): a question to pass on, never a problem to report, even
   * when the intent model reads "俺爹65了 优待卡能办不" as a report.
   */
  public static boolean asksEverydayService(String question) {
    return Procedures.asksService(question) || Procedures.asksPrice(question) || Procedures.asksHours(question);
  }

  /** Bounded length, control characters removed: user text is data, whatever it contains. */
  static String clean(String text) {
    String s = text.length() > MAX_QUESTION_CHARS ? text.substring(0, MAX_QUESTION_CHARS) : text;
    return s.replaceAll("\\p{Cntrl}", " ").strip();
  }
}
