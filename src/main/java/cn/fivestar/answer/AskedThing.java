package cn.fivestar.answer;

import cn.fivestar.knowledge.ChineseAnalysis;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.lucene.analysis.Analyzer;

/**
 * What a fact question asks for — a kind of thing ("哪条路", "哪些社区"), a person in a role ("书记是谁", "哪位民警")
 * — and whether a sentence names one: the sentence that holds the asked thing answers, the ones around it
 * usually repeat the question's topic.
 */
final class AskedThing {
  /** "哪位民警", "什么形式", "哪条路": the run of Chinese characters after the question word. */
  private static final Pattern ASKED_KIND =
      Pattern.compile("(?:哪[几两三四五六七八九十]?|什么(?!时候|意思|样|地方|名字|名称))[位个条家所座项种名些类大]?(\\p{IsHan}+)");
  private static final Pattern ASKS_WHO = Pattern.compile("谁(?![都也家])|哪几位|哪位");
  /** "樱桃沟社区属于哪个街道", "冯春社区是哪个区的": the administrative unit a place belongs to. */
  private static final Pattern BELONGS_TO = Pattern.compile(
      "(?:属于|归)\\p{IsHan}{0,4}?哪(?:个|一个)?(区|街道|镇|乡|县|市|办事处)|(?:在|是)哪(?:个|一个)?(区|街道|镇|乡|县)的");
  /** A name of each such unit: 二七区, 花园路街道. */
  private static final Map<String, Pattern> UNIT_NAMES = Stream.of("区", "街道", "镇", "乡", "县", "市", "办事处")
      .collect(Collectors.toMap(u -> u, u -> Pattern.compile("\\p{IsHan}{2,4}?" + u)));
  /** 社区, 辖区, 小区, 城区… are no districts. */
  private static final Pattern GENERIC_UNIT = Pattern.compile("[社辖小城片园山街景营分]区$");
  /** "书记叫啥名字", "主任姓什么", "那11名书记都是谁": the name itself is asked for. */
  private static final String NAME_ASKED = "叫啥名|叫什么名|叫啥|叫什么|姓什么|姓啥|名字是|都是谁|都有谁";
  /** "那5个行政村都叫啥名字": the names of places of a kind are asked for. */
  private static final Pattern PLACE_NAMES_ASKED = Pattern.compile("(村|社区|街道|镇|小区)(?:都|分别|各)?叫(?:啥|什么)");
  /** "行政村", "自然村", "各社区": words for places of a kind, not the name of one. */
  private static final Pattern GENERIC_PLACE = Pattern.compile("(?:行政|自然|农村|城市|城中|老旧|各个|每个|这个|那个|[各每该本全个])$");
  /** "X是谁", "X由谁担任", "谁来当X": X is the role asked about. */
  private static final Pattern WHO = Pattern.compile("(\\p{IsHan}{2,})(?:是谁|由谁|是哪位|是哪几位)");
  /** "书记叫啥名字": only a person's role (书记, 主任, 民警…) has a name to ask for; a park "叫什么" is a thing. */
  private static final Pattern NAME_WHO = Pattern.compile("(\\p{IsHan}{1,}[记任警员长师官者])(?:" + NAME_ASKED + ")");
  private static final Set<String> ABSTRACT_KINDS = Set.of(
      "名字", "名称", "单位", "部门", "机构", "内容", "形式", "方式", "模式", "办法", "做法", "作用", "意思", "活动", "工作",
      "东西");
  /** Before a kind word, these make it generic ("各社区", "逐社区", "这条路"), not the name of one. */
  private static final Pattern LISTED_BEFORE = Pattern.compile("[”」\\p{IsHan}][一二三四五六七八九十两\\d]+[个种类项名条]?$");
  /** Last characters of words for a person's role: 书记, 主任, 民警, 网格员, 站长, 老师. */
  private static final String PERSON_END = "记任警员长师官者";
  private static final Pattern PLACE_END = Pattern.compile("(街道|社区|村|镇|区|县|市|省)$");
  private static final String NOT_A_NAME = "各每逐本该全此这那其等暨及和与或、的了在是为由对向到从把被给之用些哪几多个种类项名条大，。：；（）“”";
  /** A place name ending in 街道, 社区, 村 or 镇 (not 社区党委, 村委…). */
  static final Pattern PLACE = Pattern.compile(
      "[\\p{IsHan}&&[^的和在与及对把被了是为将从到以由向给让、]]{2,8}?(街道|社区|村|镇)(?![委党居干网治级服民两])");
  private static final Analyzer WORDS = ChineseAnalysis.words();
  /** "以什么为指引", "按照什么原则", "围绕什么主题": the first word after the question word, which the answer repeats. */
  private static final Pattern AFTER_WHAT = Pattern.compile("(?:什么|啥)(?:样的)?(\\p{IsHan}{2,8})");
  private static final Pattern OFFICE = Pattern.compile("(?:书记|主任|站长|所长|部长|局长|主席|队长|组长)$");
  private static final Pattern WHICH_STAR = Pattern.compile("哪一?颗星|哪一?个星|哪一?颗(?=的|[？?]|$)|什么星");
  private static final Pattern FRAMED = Pattern.compile("以(?:什么|啥)(?:样的)?为");
  private static final Pattern BUILDING = Pattern.compile("\\p{IsHan}{2,6}(?:大厦|大楼)");
  /** "谁" with no role before it ("是谁领学的", "谁带队"): any person in one of these roles, named after it. */
  private static final List<String> PERSON_ROLES = List.of("书记", "主任", "民警", "部长", "局长", "所长", "站长",
      "组长", "网格长", "网格员", "委员", "主席", "老师", "律师", "队长", "负责人", "党员", "老兵", "居民", "记者", "通讯员");
  /** The most common Chinese surnames: a name after a role starts with one (王恪玲), a verb does not (负责). */
  private static final String SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡"
      + "余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱"
      + "严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅"
      + "童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚"
      + "娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝";

  /** The endings of the places a question may ask about ("哪个街道", "哪些社区"). */
  static final List<String> PLACE_KINDS = List.of("街道", "社区", "村", "镇");

  private AskedThing() {}

  /** Whether the text goes on with a place ending: the 路 of "棉纺路街道" is part of a place's name, not a road. */
  private static boolean placeEndingFollows(String after) {
    return PLACE_KINDS.stream().anyMatch(after::startsWith);
  }

  /** Whether the kind is one a sentence names by name (a road, a community), not an abstract one (形式, 单位). */
  static boolean concrete(String kind) {
    return kind != null && !ABSTRACT_KINDS.contains(kind);
  }

  /**
   * The kind of thing a "which/what" question asks for: 民警 in "哪位民警", 路 in "哪条路？", 单位 in "哪个单位".
   * The sentence that answers names one; the sentences around it often repeat only the question's other words.
   */
  static String askedKind(String question) {
    Matcher named = PLACE_NAMES_ASKED.matcher(question);
    if (named.find()) return named.group(1);
    Matcher m = ASKED_KIND.matcher(question);
    if (!m.find()) return null;
    // "在哪条路上": the locative after the kind is no part of it.
    String run = m.group(1).replaceFirst("^(\\p{IsHan})[上里边头]$", "$1");
    // "装哪了", "在哪呢": a particle, not a kind of thing.
    if (run.matches("[了呢].*")) return null;
    if (run.length() == 1) return run;  // "哪条路？"
    List<String> words = ChineseAnalysis.terms(WORDS, "f", run);
    // A single character inside a longer run ("哪些人组成") is too common to point at the answer.
    return words.isEmpty() || words.get(0).length() < 2 ? null : words.get(0);
  }

  /**
   * The word a "什么" question's answer repeats around its answer ("…为指引" for 以什么为指引, "…的原则" for 按照什么原则);
   * null when the question has none.
   */
  static String slotWord(String question) {
    Matcher m = AFTER_WHAT.matcher(question);
    if (!m.find()) return null;
    for (String w : ChineseAnalysis.terms(WORDS, "f", m.group(1))) {
      if (w.length() >= 2) return w;
    }
    return null;
  }

  /** The question word of a fact question: what the answer gives. */
  private static final Pattern WH = Pattern.compile("哪|什么|啥|谁|多少|几[个项名人次天月年位条件家大种类]");
  /** Characters either side of the question word that say what is asked ("由哪个部门牵头谋划"). */
  private static final int FOCUS_CHARS = 8;

  /**
   * The words around the question word, within its clause: "由哪个部门牵头谋划" of a question that first names its
   * topic ("二七区庆祝建党101周年的10项主题活动"). The sentence that holds the answer shares these; the story's lead
   * shares the topic. Null when the question has no question word.
   */
  static String focus(String question) {
    Matcher m = WH.matcher(question);
    if (!m.find()) return null;
    int from = m.start();
    int to = m.end();
    int start = from;
    while (start > 0 && from - start < FOCUS_CHARS && "，,。；;：:？?！! ".indexOf(question.charAt(start - 1)) < 0) start--;
    int end = to;
    while (end < question.length() && end - to < FOCUS_CHARS && "，,。；;：:？?！! ".indexOf(question.charAt(end)) < 0) end++;
    return question.substring(start, end);
  }

  private static final Pattern NOUN_ASKED = Pattern.compile("(\\p{IsHan}{2})(?:是|为)(?:什么|啥)[？?]?\\s*$");

  /**
   * "…创建的落脚点是什么": the noun whose content is asked, which the answering sentence names ("…是创建的落脚点");
   * null for other questions.
   */
  static String nounAsked(String question) {
    Matcher m = NOUN_ASKED.matcher(question.strip());
    return m.find() && !m.group(1).matches("意思|啥|什么|这个|那个|这些|那些|一个|东西") ? m.group(1) : null;
  }

  /** "以什么为指引", "以啥为主题": the frame the answer repeats around its answer ("为指引"); null for other questions. */
  static String framedSlot(String question) {
    Matcher m = FRAMED.matcher(question);
    if (!m.find()) return null;
    String slot = slotWord(question);
    return slot == null ? null : "为" + slot;
  }

  /**
   * The role a "who" question asks about: 书记 in "机关党支部书记是谁？", 网格长 in "网格长由谁担任？"; null for
   * other questions.
   */
  static String askedRole(String question) {
    Matcher m = WHO.matcher(question);
    if (!m.find()) {
      m = NAME_WHO.matcher(question);
      if (!m.find()) return null;
    }
    String run = m.group(1);
    // "书记都是谁": an adverb between the role and the question word is no part of the role.
    run = run.replaceAll("[都也又就还们分别]+$", "");
    if (run.isEmpty()) return null;
    String role = run.length() <= 3 ? run : run.substring(run.length() - 2);
    // "那个是谁牵头的": a pronoun refers back to the topic; it names no role. Nor does "带队去的是谁": a 的 phrase
    // names someone by what they did; "花园路街道是谁上门…" asks who of the street office went.
    return role.matches("[这那哪][个些位]|[他她它]们?|[这那]|\\p{IsHan}*的|街道|社区|村里?|区里") ? null : role;
  }

  /** Where a name after a role starts: "（记者 鲁燕，通讯员 周璐）" puts a space between them. */
  private static int nameStart(String text, int at) {
    while (at < text.length() && text.charAt(at) == ' ') at++;
    return at;
  }

  /** The sentence names someone in the role: the role word followed by a name the question does not hold. */
  static boolean namesHolder(String sentence, String role, String question) {
    int from = 0;
    for (int i; (i = sentence.indexOf(role, from)) >= 0; from = i + 1) {
      if (deputy(sentence, i, role, question)) continue;
      int at = nameStart(sentence, i + role.length());
      if (at + 2 <= sentence.length()) {
        String next = sentence.substring(at, at + 2);
        if (next.codePoints().allMatch(Character::isIdeographic) && !question.contains(next)
            && "的和是在由为等及与、".indexOf(next.charAt(0)) < 0) {
          return true;
        }
      }
    }
    return false;
  }

  /** "党工委副书记崔海东" holds the deputy, not the 党工委书记 asked for (unless the question asks for the deputy). */
  private static boolean deputy(String text, int roleAt, String role, String question) {
    return roleAt > 0 && text.charAt(roleAt - 1) == '副' && !question.contains("副" + role);
  }

  /**
   * "花园路街道党工委书记是谁": asks who holds an office (书记, 主任, 站长…), which only a sentence naming that office's
   * holder answers — not "网格长由谁担任", answered by a kind of person.
   */
  static boolean asksOfficeHolder(String question) {
    String role = askedRole(question);
    return role != null && OFFICE.matcher(role).find() && question.matches(".*(?:是谁|是哪位)[？?。]?\\s*$");
  }

  /** "这一条是冯春社区用来争创哪颗星的": asks which of the five stars something counts for. */
  static boolean asksWhichStar(String question) {
    return WHICH_STAR.matcher(question).find();
  }

  /** Whether the question asks for one particular: a thing of a kind, a person, a count, a date. */
  static boolean asksParticular(String question) {
    return askedKind(question) != null || askedRole(question) != null || asksWho(question)
        || AskedDetail.asked(question);
  }

  /** "秦江社区党支部书记叫啥名字？": asks the name of the person in a role. */
  static boolean asksName(String question) {
    return NAME_WHO.matcher(question).find() && askedRole(question) != null;
  }

  /** The text names the role's holder by name: the role word, then a name starting with a surname (张金岭). */
  static boolean namesHolderByName(String text, String role, String question) {
    int from = 0;
    for (int i; (i = text.indexOf(role, from)) >= 0; from = i + 1) {
      int at = nameStart(text, i + role.length());
      // "“书记周周评”": the role word opens the name of a practice, not a person's title.
      if (i > 0 && "“\"「".indexOf(text.charAt(i - 1)) >= 0) continue;
      if (deputy(text, i, role, question)) continue;
      if (at < text.length() && SURNAMES.indexOf(text.charAt(at)) >= 0
          && namesHolder(text.substring(i, Math.min(text.length(), at + 3)), role, question)) {
        return true;
      }
    }
    return false;
  }

  /**
   * For a question asking which district or street a place belongs to: whether the text names one the question
   * does not (true for any other question). A name does not open with 把, 在, 的.
   */
  static boolean namesUnitAsked(String question, String text) {
    Matcher asked = BELONGS_TO.matcher(question);
    if (!asked.find()) return true;
    Matcher named = UNIT_NAMES.get(asked.group(1) != null ? asked.group(1) : asked.group(2)).matcher(text);
    while (named.find()) {
      String name = named.group();
      if (GENERIC_UNIT.matcher(name).find() || "把在的和与及对从到向给让是其各本该全".indexOf(name.charAt(0)) >= 0) continue;
      if (!question.contains(name)) return true;
    }
    return false;
  }

  /** "那5个行政村都叫啥名字": asks the names of places of a kind. */
  static boolean asksPlaceNames(String question) {
    return PLACE_NAMES_ASKED.matcher(question).find();
  }

  /** The text names a place of the kind (冯春社区, 贾沟村) that the question does not; 行政村, 各社区 name none. */
  static boolean namesPlaceOfKind(String text, String kind, String question) {
    Matcher m = PLACE.matcher(text);
    while (m.find()) {
      if (!m.group(1).equals(kind)) continue;
      String name = m.group().replaceFirst("^[\\d一二三四五六七八九十两几多]+个?", "");
      String head = name.substring(0, name.length() - kind.length());
      if (head.length() < 2 || GENERIC_PLACE.matcher(head).find() || question.contains(name)) continue;
      return true;
    }
    return false;
  }

  /**
   * Whether the text answers a "who" question: the holder of an office by name ("书记是谁"); for another role
   * ("冠军是谁", "网格长由谁担任"), a text naming neither the role nor any person names no one who holds it.
   */
  static boolean answersWho(String question, String text) {
    String role = askedRole(question);
    if (role == null) return true;
    if (asksOfficeHolder(question)) return namesHolder(text, role, question);
    // A person named in a neighbouring sentence added for context is no holder of the role asked about.
    String first = text.split("(?<=[。！？])", 2)[0];
    return text.contains(role) || namesPerson(first, question);
  }

  /** "谁带队", "找谁" ask for a person; "谁都能进", "谁也不管", "谁家" do not. */
  static boolean asksWho(String question) {
    return ASKS_WHO.matcher(question).find();
  }

  /** Whether a "谁" question names no role ("是谁领学的"): any named person in a role answers it. */
  static boolean asksAnyPerson(String question) {
    return asksWho(question) && askedRole(question) == null;
  }

  /** The sentence names a person after a role ("机关党支部书记王恪玲") whom the question does not name. */
  static boolean namesPerson(String sentence, String question) {
    return PERSON_ROLES.stream().anyMatch(role -> namesHolderByName(sentence, role, question));
  }

  /**
   * Whether the sentence names a thing of the asked kind: "工人北路" for 哪条路, but not the 路 of a street
   * office's or community's name (棉纺路街道).
   */
  static boolean namesKind(String sentence, String kind) {
    int from = 0;
    for (int i; (i = sentence.indexOf(kind, from)) >= 0; from = i + 1) {
      String after = sentence.substring(i + kind.length());
      if (!placeEndingFollows(after)) return true;
    }
    return false;
  }

  /**
   * Whether the sentence names one particular thing of the asked kind that the question does not already name:
   * "思源社区" for 哪些社区, "楼栋管理员" for 哪三种管理员, "四个篇章" for 哪几个篇章 — not "各社区", "逐社区".
   */
  static boolean namesInstance(String sentence, String kind, String question) {
    // "哪座楼": a building is named 河南合作大厦 or …大楼, rarely …楼.
    if (kind.equals("楼")) {
      Matcher m = BUILDING.matcher(sentence);
      while (m.find()) {
        if (!question.contains(m.group())) return true;
      }
    }
    // A one-character kind other than a place's (路, 河, 楼) is part of too many words (方 in 地方, 多方).
    if (kind.length() < 2 && "路街河".indexOf(kind) < 0) return false;
    // "哪位民警", "书记是谁": a person is named after the whole role ("党工委书记张俊英", not "党工委副书记…").
    if (question.contains("哪位") || asksWho(question)) {
      return namesHolder(sentence, personRole(question, kind), question);
    }
    // "哪些公共单位": the kind word must go on as in the question (公共单位, not 公共空间).
    int at = question.indexOf(kind) + kind.length();
    char next = kind.length() >= 2 && at < question.length() ? question.charAt(at) : ' ';
    boolean mustFollow = Character.isIdeographic(next) && "的了呢吗啊是有在都".indexOf(next) < 0;
    int from = 0;
    for (int i; (i = sentence.indexOf(kind, from)) >= 0; from = i + 1) {
      if (i == 0) continue;
      char before = sentence.charAt(i - 1);
      // "“廉政篇”“警示篇”四个篇章", "楼栋、单元、楼层三类管理员": the names listed just before their count.
      if (LISTED_BEFORE.matcher(sentence.substring(Math.max(0, i - 6), i)).find()) return true;
      if (!Character.isIdeographic(before) || NOT_A_NAME.indexOf(before) >= 0) continue;
      // "社区民警", "街道书记": a place before the kind says whose, not which one.
      if (PLACE_END.matcher(sentence.substring(0, i)).find()) continue;
      String name = sentence.substring(Math.max(0, i - 2), i + kind.length());
      String after = sentence.substring(i + kind.length());
      if (mustFollow && (after.isEmpty() || after.charAt(0) != next)) continue;
      if (!question.contains(name) && !placeEndingFollows(after)) return true;
    }
    return false;
  }

  /**
   * The role a "哪位…" question names, up to its first word for a person (书记, 民警, 主任…): 党工委书记 in
   * "哪位党工委书记做的讲解"; the asked kind when the question names no such word.
   */
  static String personRole(String question, String kind) {
    Matcher m = Pattern.compile("哪位(\\p{IsHan}+)").matcher(question);
    if (!m.find()) return kind;
    String run = m.group(1);
    for (int i = 0; i < Math.min(run.length(), 8); i++) {
      if (PERSON_END.indexOf(run.charAt(i)) >= 0) return run.substring(0, i + 1);
    }
    return kind;
  }

  /**
   * Whether the sentence adds fewer than two characters (words, figures) to the question once its place names
   * are left out: it restates the question's topic without answering it.
   */
  static boolean restates(String question, String sentence) {
    String rest = PLACE.matcher(sentence.replaceAll("\\[\\d+\\]", "")).replaceAll("");
    int novel = 0;
    for (int i = 0; i < rest.length(); i++) {
      char c = rest.charAt(i);
      // A figure or a name is new content: "共创建达标星级楼组279个" answers "创建达标的星级楼组有多少个".
      if (Character.isLetterOrDigit(c) && question.indexOf(c) < 0 && "的了是在和与及等地得着".indexOf(c) < 0) novel++;
    }
    return novel < 2;
  }
}
