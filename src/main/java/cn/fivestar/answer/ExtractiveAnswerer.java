package cn.fivestar.answer;

import cn.fivestar.knowledge.Counts;
import cn.fivestar.knowledge.Definitions;
import cn.fivestar.knowledge.Hit;
import cn.fivestar.knowledge.PlaceNames;
import cn.fivestar.knowledge.Passage;
import cn.fivestar.knowledge.Sentences;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.ToDoubleBiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Answers without an LLM: picks the sentences of the top passages that answer the question and stitches them
 * into a short reply with numbered citations. Fact questions get the one or two best sentences; "how do we…"
 * questions get several practices from different passages, each with the place that did it.
 */
final class ExtractiveAnswerer {
  private static final Pattern HOWTO = Pattern.compile(
      "怎么争创|怎样争创|如何争创|怎么创|如何创|做法|经验|举措|措施|哪些工作|什么工作|要做什么|怎么做|如何做|怎样做|怎么干|有哪些任务|任务有哪些|标准|要求"
          + "|借鉴|可参考|参考的|作参考|做参考|哪些项目|哪些活动|啥办法|啥好办法|什么好办法|啥门道|咋做|咋干|咋搞"
          + "|做了哪些事|干了哪些事|做了哪些实事"
          // "有哪些议事形式", "能做些啥", "有啥路子": the ways of doing something.
          + "|哪些\\p{IsHan}{0,16}?(?:形式|方式|路子|招|打法|法子|门路|抓手|载体|机制)|有啥(?:路子|招|法子|门路|抓手|打法)"
          + "|(?:能|可以|该)(?:做|干|搞|开展|弄)(?:些|点)?(?:啥|什么|哪些)");
  /**
   * "怎么/如何" + a verb, but not "是怎么…的" (how something was done), "不咋熟" (not very), "怎么样", "怎么回事", nor "怎么办" or
   * "咋整" (a resident's problem, answered as a fact question).
   */
  private static final Pattern HOW_TO_ACT =
      Pattern.compile("(?<![是不])(怎么|如何|怎样|咋)(?![样回办整])|从哪|哪些地方|哪些方面|下手|什么办法|哪些办法");
    private static final Pattern NUMBER = Pattern.compile("\\d|[一二三四五六七八九十百千万两]+[个项名人户家次场支种条类颗]");
  private static final Pattern PLACE_HOW = Pattern.compile("是(?:怎么|如何|怎样|咋)\\p{IsHan}{0,8}的"
      + "|(?:怎么|如何|怎样|咋)(?:做|推进|开展|落实|操作|组织|运转|抓|弄|干|搞)的|有哪些做法|都有哪些做法");
  private static final Pattern QUOTED = Pattern.compile("[“\"「]([^”\"」]{2,16})[”\"」]");
  private static final Pattern HOW = Pattern.compile("怎么|如何|怎样|为什么|哪些|什么样");
  private static final int FACT_PASSAGES = 3;
  /** How far below the best sentence one naming the asked thing may score and still be preferred. */
  private static final double NAMING_MARGIN = 0.5;
  /** A sentence that opens by referring back needs the one before it. */
  private static final Pattern REFERS_BACK = Pattern.compile("[他她它]们?|这|该|此|其|同时|此外|另外|随后|之后|为此|对此|目前|现在");
  private static final float COLLOQUIAL_COVERAGE = 0.5f;
  private static final int HOWTO_PASSAGES = 8;
  private static final int HOWTO_SENTENCES = 10;
  /** Passages a tentative answer offers one practice from each. */
  private static final int RELATED_PASSAGES = 6;
  /**
   * A tentative answer's practice scoring under this share of the best one's is left out: it shares a common word
   * with the question, not its subject. Measured on 914 questions with 3 / 5 / 6 / 8 passages and shares 0.5–0.8:
   * 6 passages at 0.5 took colloquial answers holding the expected practice from 0.688 to 0.732 on index/ and from
   * 0.691 to 0.748 on the seeds (held out, blind-10: 0.43 to 0.50); 3 passages with no share gave the old lists.
   */
  private static final double RELATED_SCORE_SHARE = 0.5;
  /** Passages searched for the top document's sentences naming the asked thing (a story's facts lie deeper). */
  private static final int TOP_DOCUMENT_PASSAGES = 20;
  /** "（记者 鲁燕，通讯员 张晓霞）": who wrote the report, never an answer. */
  private static final Pattern BYLINE_ASKED = Pattern.compile("通讯员|记者|署名|谁写的");
  private static final Pattern BYLINE = Pattern.compile("[（(]?\\s*(记者|通讯员|本报记者|责任编辑|编辑|来源)");
  /** How reports frame the work or point elsewhere ("以…为契机", "报道把创建称为…", "详见…"), rather than a practice. */
  private static final Pattern FRAMING =
      Pattern.compile("为契机|为载体|总体要求|开展以来|真实缩影|一个缩影|走向深入|报道把|报道中|报道标题|详见|本资料|机器人|一般背景|称为"
          + "|下一步|负责人表示|荣誉社区");
  private static final double FRAMING_PENALTY = 0.3;
  /** For a sentence holding the word after "什么" ("…为指引" for 以什么为指引); 0.4 measured better than 0.2 and 0. */
  private static final double SLOT_BONUS = 0.4;
  /**
   * Weight of a sentence's coverage of the words around the question word (see {@link AskedThing#focus}). Measured on
   * the 1474 questions of issue 14's ninth round: 0.3 took fact answers from 0.926 to 0.928 on index/ and 0.913 to
   * 0.917 on the seeds; 0.6 gave 0.928 / 0.919 but lost two colloquial answers on index/.
   */
  private static final double FOCUS_WEIGHT = 0.3;
  /** "这激发了…", "这样各社区…": what a practice led to, said after it; not a practice of its own. */
  private static final Pattern CONSEQUENCE = Pattern.compile("(?:【[^】]*】)?(?:这样|这激发|这让|这使|这也|由此|从而|通过这)");
  /** What a report was titled ("报道标题是…", "版面总题为…"): never a practice. */
  private static final Pattern TITLE_REMARK = Pattern.compile("^(?:【[^】]*】)?报道标题|版面总题");
  /** A remark about the documents or the bot (opening the sentence, or the bot anywhere), not about the matter. */
  private static final Pattern REMARK = Pattern.compile("^(?:这篇报道|本资料|报道标题|本篇)|机器人");
  /** "党组织全覆盖（花园路街道）：": a digest item's label and place. */
  private static final Pattern ITEM_LABEL = Pattern.compile("[^，。；：]{2,30}（[^（）]{2,20}）：");


  private final TermOverlap overlap;
  private final Excerpts excerpts;
  /**
   * Share of a fact sentence's match score given to IDF-weighted coverage (the rest is plain bigram overlap).
   * Measured on the 244 team questions: 0.3 answered 2 more colloquial questions on either corpus than 0 (and
   * 0.5 answered the same on the seeds, one fewer on index/), facts unchanged.
   */
  private static final double WEIGHTED_SHARE = 0.3;
  /** IDF-weighted coverage of a question by a text (rare words such as 消防 count more than 社区). */
  private final ToDoubleBiFunction<String, String> weighted;

  ExtractiveAnswerer(TermOverlap overlap, ToDoubleBiFunction<String, String> weighted) {
    this.overlap = overlap;
    this.excerpts = new Excerpts(overlap);
    this.weighted = weighted;
  }

  record Scored(String sentence, int passage, int order, double score) {}

  static boolean isHowTo(String question) {
    if (HOWTO.matcher(question).find()) return true;
    // "街道怎么督导各社区？", "环境从哪些地方下手？": how to do something, not how one named place did it.
    return HOW_TO_ACT.matcher(question).find() && !PlaceNames.namedFirst(question);
  }

  /** {@code related} are the documents' terms for the question's topic (see KnowledgeBase#relatedTerms). */
  Answer answer(String original, String question, List<String> related, List<Hit> hits) {
    // "下一期啥时候开班 咋报名": a how-to question that also asks for a detail is answered by the detail, not a list.
    boolean detail = AskedDetail.asked(question);
    boolean howto = isHowTo(question) && !detail;
    // "冯春社区是怎么分头推进的": how one named place did it is told in that place's own story, over many passages.
    boolean placeHow = howto || !detail && PLACE_HOW.matcher(question).find();
    List<Hit> own = placeHow ? placePassages(question, hits) : List.of();
    if (!own.isEmpty()) {
      List<Scored> practices = pickPractices(score(question, String.join(" ", related), own, true));
      return render(original, practices, own, true, "");
    }
    List<Hit> used = howto ? hits.subList(0, Math.min(HOWTO_PASSAGES, hits.size())) : factPassages(question, hits);
    // Official terms sharing a word with the question (社区, 城市社区) say nothing about which sentence answers it.
    Set<String> asked = overlap.terms(question);
    List<String> extra = related.stream().filter(t -> overlap.terms(t).stream().noneMatch(asked::contains)).toList();
    List<Scored> candidates = score(question, String.join(" ", howto ? related : extra), used, howto);
    String star = Stars.find(question);
    if (howto && star != null) {
      // "争创支部过硬星，怎么让老党员发挥作用": a practice the text ties to another star does not answer it.
      candidates = candidates.stream().filter(c -> {
        Set<String> named = StarNavigator.starsNamed(c.sentence());
        return named.isEmpty() || named.contains(star);
      }).toList();
    }
    boolean colloquial = !hits.isEmpty() && hits.get(0).coverage() < COLLOQUIAL_COVERAGE;
    // Passages of the top passage's document: a story split in passages holds its lead in the first and the
    // facts (who took part, which road) in the next ones.
    Set<Integer> topDocument = new HashSet<>();
    for (int p = 0; p < used.size(); p++) {
      if (used.get(p).passage().source().equals(used.get(0).passage().source())) topDocument.add(p);
    }
    List<Scored> chosen = howto ? pickPractices(candidates) : pickFact(question, candidates, colloquial, topDocument);
    Answer answer = render(original, chosen, used, howto, HOWTO_HEADER);
    return howto || chosen.isEmpty() ? answer : withAskedPlace(question, answer, used.get(chosen.get(0).passage()));
  }

  /**
   * The passages (in rank order, at most {@value #HOWTO_PASSAGES}) of the document about the place the question
   * names: the first ranked passage whose title, place or heading names it gives the document. Empty when the
   * question names no place or no document is about it.
   */
  private static List<Hit> placePassages(String question, List<Hit> hits) {
    for (String place : PlaceNames.all(question)) {
      String source = hits.stream()
          .filter(h -> (h.passage().title() + h.passage().place() + h.passage().heading()).contains(place))
          .map(Hit::source).findFirst().orElse(null);
      if (source == null) continue;
      List<Hit> own = hits.stream().filter(h -> h.source().equals(source)).limit(HOWTO_PASSAGES).toList();
      if (own.size() >= 2) return own;
    }
    return List.of();
  }

  /**
   * A tentative answer to a resident's question: the best practice of each of the top {@value #RELATED_PASSAGES}
   * passages that scores near the best one, each with its place. When the quoted sentence does not answer the
   * question itself, the right practice is as often in a lower passage as in the first (retrieval holds it in the
   * top five for 85% of the colloquial questions, in the top one for 67%), so a few options serve better than one.
   */
  Answer relatedPractices(String original, String question, List<String> related, List<Hit> hits) {
    List<Hit> used = hits.subList(0, Math.min(RELATED_PASSAGES, hits.size()));
    List<Scored> best = new ArrayList<>();
    for (Scored c : score(question, String.join(" ", related), used, true)) {
      // A framing sentence ("下一步…专项治理商户凸店经营") still answers a question naming what it names.
      boolean named = sharesWord(question, c.sentence());
      if (FRAMING.matcher(c.sentence()).find() && !named || REMARK.matcher(c.sentence()).find()
          || CONSEQUENCE.matcher(c.sentence()).lookingAt()) {
        continue;
      }
      Scored same = best.stream().filter(b -> b.passage() == c.passage()).findFirst().orElse(null);
      if (same == null) {
        best.add(c);
      } else if (c.score() > same.score()) {
        best.set(best.indexOf(same), c);
      }
    }
    // Of two items telling the same fact (a story and its digest), the better scored one stays.
    best.sort(Comparator.comparingDouble(Scored::score).reversed());
    double top = best.isEmpty() ? 0 : best.get(0).score();
    List<Scored> chosen = new ArrayList<>();
    for (Scored c : best) {
      if (c.score() < RELATED_SCORE_SHARE * top) break;
      if (chosen.stream().noneMatch(x -> overlap.similar(x.sentence(), c.sentence()))) chosen.add(c);
    }
    chosen.sort(Comparator.comparingInt(Scored::passage));
    return render(original, chosen, used, true, "");
  }

  /**
   * Whether the text holds a word of four Chinese characters from the question (a name: 凸店经营, 红色物业, a title's
   * subject). "五星红旗上的五颗星" shares "的五颗星" with a title: words, not phrases joined by 的, count.
   */
  static boolean sharesWord(String question, String text) {
    for (String run : question.split("[^\\p{IsHan}]+")) {
      for (int i = 0; i + 4 <= run.length(); i++) {
        String word = run.substring(i, i + 4);
        if (!word.matches(".*[的了是和与在有个这那].*") && text.contains(word)) return true;
      }
    }
    return false;
  }

  /**
   * The best {@value #FACT_PASSAGES} passages, plus, for a question asking which thing of a kind (哪条路, 哪些社区)
   * or how many, further passages of the top passage's document that name one or give the count: a story tells
   * its topic first and its particulars (the road swept, the communities visited, the figures) in later passages
   * that rank lower.
   */
  private static List<Hit> factPassages(String question, List<Hit> hits) {
    List<Hit> used = new ArrayList<>(hits.subList(0, Math.min(FACT_PASSAGES, hits.size())));
    String kind = AskedThing.askedKind(question);
    boolean detail = AskedDetail.asked(question);
    String slot = AskedThing.slotWord(question);
    boolean star = AskedThing.asksWhichStar(question);
    if (!AskedThing.concrete(kind) && !detail && slot == null && !star || hits.isEmpty()) return used;
    String top = hits.get(0).passage().source();
    for (int i = FACT_PASSAGES; i < Math.min(TOP_DOCUMENT_PASSAGES, hits.size()); i++) {
      Hit h = hits.get(i);
      // A role holder's name may be told in another story ("在花园路街道党工委书记张俊英的讲解下").
      if (!h.passage().source().equals(top) && !AskedThing.asksName(question)) continue;
      // "识别多少类问题" is answered by the story's later passage that counts 类 ("11大类56小类").
      // "以什么为指引" is answered by the later passage that says "以…为指引".
      boolean holds = detail ? AskedDetail.given(question, h.text())
          : AskedThing.concrete(kind) && AskedThing.namesInstance(h.text(), kind, question)
              || slot != null && h.text().contains(slot)
              || star && !StarNavigator.starsNamed(h.text()).isEmpty();
      if (holds) used.add(h);
    }
    return used;
  }

  private List<Scored> score(String question, String related, List<Hit> hits, boolean howto) {
    boolean quantity = Quantities.asked(question);
    String asked = AskedThing.askedKind(question);
    String role = AskedThing.askedRole(question);
    String slot = AskedThing.slotWord(question);
    String focus = howto ? null : AskedThing.focus(question);
    Predicate<String> countsAsked = Counts.ofAskedThing(question);
    List<String> terms = Definitions.asked(question);
    // "那篇报道署名的通讯员是谁": the byline, otherwise never an answer, is the one asked for.
    boolean bylineAsked = !howto && BYLINE_ASKED.matcher(question).find();
    List<Scored> out = new ArrayList<>();
    float top = hits.isEmpty() ? 1f : hits.get(0).score();
    // A question in the documents' own words is answered by its words; one in a resident's words needs the
    // documents' terms for them.
    boolean colloquial = !hits.isEmpty() && hits.get(0).coverage() < COLLOQUIAL_COVERAGE;
    for (int p = 0; p < hits.size(); p++) {
      Hit h = hits.get(p);
      // Facts are read as whole statements; practices may be single clauses of a list.
      List<String> sentences = howto ? Sentences.split(h.text()) : Sentences.splitStatements(h.text());
      for (int i = 0; i < sentences.size(); i++) {
        String s = sentences.get(i);
        boolean byline = BYLINE.matcher(s).lookingAt();
        if (s.length() < 4 || byline && !bylineAsked) continue;
        String context = h.passage().heading() + s;
        // A rare word of the question (消防, 红歌) tells the answering sentence better than a common one (社区). For
        // practices the weighted share alone: measured on 672 questions, plain bigram overlap (the earlier rule)
        // answered 2 fewer colloquial questions on either corpus and covered 0.608 / 0.655 of the expected
        // practices against 0.615 / 0.659 (index/ / seeds).
        double score = howto ? weighted.applyAsDouble(question, context)
            : (1 - WEIGHTED_SHARE) * overlap.coverage(question, context)
                + WEIGHTED_SHARE * weighted.applyAsDouble(question, context);
        if (howto) {
          // A practice often shares no word with "怎么争创X星" but uses the star's vocabulary (调解, 网格…).
          score = 0.5 * score + 0.5 * overlap.anyOf(related, context);
          if (s.length() < 20) score -= 0.2; // slogan-like lead-ins ("网格服务引领，争创…") say little
        } else if (colloquial) {
          // A resident's words in the documents' terms: "学门手艺" is answered by the sentence on 技能培训.
          score += 0.3 * overlap.anyOf(related, context);
        }
        score += 0.35 * (h.score() / top);
        if (focus != null) score += FOCUS_WEIGHT * overlap.coverage(focus, context);
        if (quantity && NUMBER.matcher(s).find()) score += 0.15;
        if (quantity && countsAsked.test(s)) score += 0.3;
        if (!howto && asked != null && AskedThing.namesKind(s, asked)) score += 0.2;
        if (!howto && slot != null && s.contains(slot)) score += SLOT_BONUS;
        if (!howto && asked != null && AskedThing.namesInstance(s, asked, question)) score += 0.2;
        if (!howto && role != null && AskedThing.namesHolder(s, role, question)) score += 0.5;
        if (!howto && defines(terms, s)) score += 1.0;  // structural evidence: decisive
        if (bylineAsked && (byline || BYLINE.matcher(s).find())) score += 1.0;
        // A sentence saying nothing but the question's own words and places ("西工房社区提升智慧社区治理的模式")
        // is the topic, not the answer.
        if (!howto && AskedThing.restates(question, s)) score -= 1.0;
        // "这篇报道讲的是…", "在本机器人里归为…": a remark about the documents, never an answer.
        if (!howto && REMARK.matcher(s).find()) score -= 1.0;
        if (howto && namesPractice(s)) score += 0.3;
        // A question asking for one particular (who, which, how many) is answered by the clauses holding it.
        boolean particular = asked != null || role != null || quantity;
        out.add(new Scored(!howto && particular ? excerpts.of(question, asked, s) : Excerpts.cut(s), p, i, score));
      }
    }
    return out;
  }

  /**
   * Whether a fact answer names a thing of the kind its "which/what" question asks for (a road for 哪条路, a
   * unit for 哪个单位); true when the question asks for no particular kind.
   */
  static boolean holdsAskedKind(String question, String answer) {
    if (isHowTo(question)) return true;
    if (AskedThing.asksWhichStar(question) && StarNavigator.starsNamed(answer).isEmpty()) return false;
    String kind = AskedThing.askedKind(question);
    // Abstract kinds are answered in other words: 什么形式 by "四不两直方式", 哪个单位 by "市总工会".
    if (!AskedThing.concrete(kind)) return true;
    String text = answer.replaceAll("\\[\\d+\\]", "");
    // "那5个行政村都叫啥名字": only a place's own name answers, not "行政村" again.
    if (AskedThing.asksPlaceNames(question)) return AskedThing.namesPlaceOfKind(text, kind, question);
    return AskedThing.namesKind(text, kind);
  }

  /** "X是什么意思": the sentence spells one of the asked terms out (see {@link Definitions}). */
  private static boolean defines(List<String> terms, String sentence) {
    for (String t : terms) if (Definitions.spellsOut(sentence, t)) return true;
    return false;
  }

  /** A quoted name that is not just the campaign's or a star's name: usually a named practice (“一长三员”). */
  static boolean namesPractice(String sentence) {
    return quotedNames(sentence).stream()
        .anyMatch(name -> !name.contains("五星") && !name.endsWith("星") && !name.equals("支部"));
  }

  /** The names a text puts in quotes (“一长三员”, “红色物业”), without the quotes. */
  static List<String> quotedNames(String text) {
    List<String> names = new ArrayList<>();
    Matcher m = QUOTED.matcher(text);
    while (m.find()) names.add(m.group(1));
    return names;
  }

  private static List<Scored> pickFact(
      String question, List<Scored> all, boolean colloquial, Set<Integer> topDocument) {
    // "How many…" is answered by a sentence with a number, "哪一天" by one with a date, when the passages have one.
    List<Scored> giving = AskedDetail.asked(question)
        ? all.stream().filter(c -> AskedDetail.given(question, c.sentence())).toList() : List.of();
    List<Scored> candidates = giving.isEmpty() ? all : giving;
    if (candidates.isEmpty()) return List.of();
    String kind = AskedThing.askedKind(question);
    Scored overall = candidates.stream().max(Comparator.comparingDouble(Scored::score)).orElseThrow();
    // "哪些社区" is answered by the sentence naming the communities, not by the lead that says "逐社区观摩"; "书记是谁"
    // by the sentence naming the 书记, wherever it ranks among the top passages.
    if (AskedThing.concrete(kind)) {
      candidates = preferNaming(candidates, overall, c -> AskedThing.namesInstance(c.sentence(), kind, question));
    }
    // "以什么为指引" is answered by the sentence saying "以…为指引", though the lead shares more of the question's words.
    // "…是用来争创哪颗星的" is answered by the sentence naming the star.
    if (AskedThing.asksWhichStar(question)) {
      candidates = preferNaming(candidates, overall, c -> !StarNavigator.starsNamed(c.sentence()).isEmpty());
    }
    String frame = AskedThing.framedSlot(question);
    if (frame != null) candidates = preferNaming(candidates, overall, c -> c.sentence().contains(frame));
    String noun = AskedThing.nounAsked(question);
    if (noun != null) candidates = preferNaming(candidates, overall, c -> c.sentence().contains(noun));
    String role = AskedThing.askedRole(question);
    if (role != null) {
      candidates = preferNaming(candidates, overall, c -> AskedThing.namesHolder(c.sentence(), role, question));
    } else if (AskedThing.asksAnyPerson(question)) {
      candidates = preferNaming(candidates, overall, c -> AskedThing.namesPerson(c.sentence(), question));
    }
    Scored top = candidates.stream().max(Comparator.comparingDouble(Scored::score)).orElseThrow();
    // Retrieval ranks whole passages well; prefer the top passage's best sentence unless another passage has a
    // clearly better one. A story's lead and its facts lie in different passages: a sentence of the top
    // passage's document naming the asked kind ("工商所、派出所等公共单位" for 哪些公共单位) counts as the top's.
    Scored best = candidates.stream()
        .filter(c -> c.passage() == 0 || (topDocument.contains(c.passage()) && AskedThing.concrete(kind)
            && AskedThing.namesKind(c.sentence(), kind)))
        .max(Comparator.comparingDouble(Scored::score))
        .filter(t -> t.score() + 0.25 >= top.score())
        .orElse(top);
    List<Scored> chosen = new ArrayList<>(List.of(best));
    // The sentence before often names who or what the best one is about; a short one is worth adding, and so
    // is one the best sentence refers back to ("他们…", "这也是…").
    boolean refersBack = REFERS_BACK.matcher(best.sentence()).lookingAt();
    // A digest's item ("党组织全覆盖（花园路街道）：…") opens with its own subject; the line before is another item,
    // kept only for a resident's question, which is answered less precisely (two neighbouring practices).
    boolean ownItem = !colloquial && ITEM_LABEL.matcher(best.sentence()).lookingAt();
    all.stream()
        .filter(c -> !ownItem && c.passage() == best.passage() && c.order() == best.order() - 1
            && !REMARK.matcher(c.sentence()).find()
            && c.sentence().length() <= (refersBack ? Excerpts.FACT_CHARS + 2 : colloquial ? 80 : 50))
        .findFirst()
        .ifPresent(prev -> chosen.add(0, prev));
    // A short best sentence, or one that only states the problem of a "how" question, needs the sentences
    // that follow it in the same passage.
    // A question in a resident's own words is answered less precisely: give it the original length.
    int wanted = (HOW.matcher(question).find() ? 100 : 70) + (colloquial ? 10 : 0);
    int length = best.sentence().length();
    for (int next = best.order() + 1; length < wanted && chosen.size() < 4; next++) {
      int order = next;
      Scored s = all.stream()
          .filter(c -> c.passage() == best.passage() && c.order() == order)
          .findFirst().orElse(null);
      if (s == null) break;
      chosen.add(s);
      length += s.sentence().length();
    }
    return chosen;
  }

  /** The candidates that name the asked thing and score close enough to the best; all of them when none does. */
  private static List<Scored> preferNaming(List<Scored> candidates, Scored best, Predicate<Scored> names) {
    List<Scored> naming = candidates.stream()
        .filter(c -> names.test(c) && c.score() + NAMING_MARGIN >= best.score())
        .toList();
    return naming.isEmpty() ? candidates : naming;
  }

  /**
   * The practices of a how-to answer. Sentences scoring below 40% of the best are dropped; among the others a
   * sentence about the report itself ("报道把创建称为…", "详见…") comes after the practices it frames.
   */
  private List<Scored> pickPractices(List<Scored> candidates) {
    double cut = candidates.stream().mapToDouble(Scored::score).max().orElse(0) * 0.4;
    List<Scored> sorted = new ArrayList<>();
    for (Scored c : candidates) {
      // A remark about the documents or the bot ("在本机器人里归为…类") is no practice to list.
      if (c.score() < cut || TITLE_REMARK.matcher(c.sentence()).find() || REMARK.matcher(c.sentence()).find()) continue;
      double framing = FRAMING.matcher(c.sentence()).find() || CONSEQUENCE.matcher(c.sentence()).lookingAt()
          ? FRAMING_PENALTY : 0;
      sorted.add(new Scored(c.sentence(), c.passage(), c.order(), c.score() - framing));
    }
    sorted.sort(Comparator.comparingDouble(Scored::score).reversed());
    List<Scored> chosen = new ArrayList<>();
    Set<String> mechanisms = new HashSet<>();
    Map<Integer, Integer> perPassage = new LinkedHashMap<>();
    // First the best sentence of each passage (practices from many places), then second sentences if room.
    for (int round = 1; round <= 2; round++) {
      for (Scored s : sorted) {
        if (chosen.size() >= HOWTO_SENTENCES) break;
        if (perPassage.getOrDefault(s.passage(), 0) >= round || chosen.contains(s)) continue;
        if (chosen.stream().anyMatch(c -> overlap.similar(c.sentence(), s.sentence()))) continue;
        // The same mechanism told again (a story and its digest in the glossary) leaves room for another one.
        List<String> named = Mechanisms.in(s.sentence());
        if (!named.isEmpty() && mechanisms.containsAll(named)) continue;
        chosen.add(s);
        mechanisms.addAll(named);
        perPassage.merge(s.passage(), 1, Integer::sum);
      }
    }
    // Read in source order: passage rank first, then sentence order.
    chosen.sort(Comparator.comparingInt(Scored::passage).thenComparingInt(Scored::order));
    return chosen;
  }


  /**
   * "那个是哪个街道弄的": when the quoted sentence names no street (or community, village) but its document is that
   * place's story, the place is said first — the document's own place is the answer.
   */
  private static Answer withAskedPlace(String question, Answer answer, Hit source) {
    String kind = AskedThing.askedKind(question);
    if (kind == null || !AskedThing.PLACE_KINDS.contains(kind)) return answer;
    // A raw page names no place in front matter; its story's heading does ("林山寨街道 以事创星融合力量…").
    String place = source.passage().place().contains(kind) ? source.passage().place() : headingPlace(source, kind);
    if (!place.contains(kind)
        || AskedThing.namesInstance(answer.text().replaceAll("\\[\\d+\\]", ""), kind, question)) {
      return answer;
    }
    return new Answer(answer.question(), true, "【" + place + "】" + answer.text(), answer.citations());
  }

  /** The place of the asked kind a passage's heading opens with ("林山寨街道 以事创星…" → 林山寨街道), or "". */
  private static String headingPlace(Hit source, String kind) {
    Matcher m = Pattern.compile("^(\\p{IsHan}{2,6}?" + Pattern.quote(kind) + ")[\\s：:，,]").matcher(source.passage().heading());
    return m.find() ? m.group(1) : "";
  }

  static final String HOWTO_HEADER = "根据知识库，相关标准和各地的做法如下：\n";

  private static Answer render(String question, List<Scored> chosen, List<Hit> hits, boolean howto, String header) {
    Map<Integer, Integer> citationNo = new LinkedHashMap<>();
    List<Citation> citations = new ArrayList<>();
    StringBuilder text = new StringBuilder();
    if (howto) text.append(header);
    Set<String> placesShown = new HashSet<>();
    int n = 0;
    for (Scored s : chosen) {
      Hit h = hits.get(s.passage());
      Integer no = citationNo.get(s.passage());
      if (no == null) {
        no = citations.size() + 1;
        citationNo.put(s.passage(), no);
        citations.add(new Citation(h.source(), h.title(), h.text()));
      }
      if (howto) {
        String place = placeOf(s.sentence(), h.passage());
        text.append(++n).append(". ");
        if (!place.isEmpty() && !s.sentence().contains(place) && placesShown.add(place)) {
          text.append("【").append(place).append("】");
        }
        text.append(s.sentence()).append("[").append(no).append("]\n");
      } else {
        text.append(s.sentence());
        text.append("[").append(no).append("]");
      }
    }
    return new Answer(question, true, text.toString().strip(), citations);
  }

  /** Who did it: the document's place, else the first place named in the sentence, heading or passage. */
  static String placeOf(String sentence, Passage p) {
    if (!p.place().isEmpty() && !p.place().equals("城市社区") && !p.place().equals("农村")) return p.place();
    for (String s : List.of(sentence, p.heading())) {
      Matcher m = AskedThing.PLACE.matcher(s);
      if (m.find()) return m.group();
    }
    return "";
  }

}
