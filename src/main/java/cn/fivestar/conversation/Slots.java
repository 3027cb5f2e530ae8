package cn.fivestar.conversation;

import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Pulls intake slots out of free text: the place (numbered buildings, units, village groups, named roads and
 * estates), a contact phone, and whether a message says anything beyond "I want to report something". Tuned for
 * precision: a wrong place would skip the question, a missing one only costs one question.
 */
final class Slots {
  private Slots() {}

  private static final String NUM = "(?:\\d{1,4}|[一二三四五六七八九十百两]{1,4})";
  /** A numbered piece that pins down a place: 3号楼, 12号院, 5栋, 2单元, 七组. */
  private static final String UNIT = NUM + "\\s*(?:号楼|号院|栋|幢|单元|组|队)";
  /** Finer pieces that may follow: 3楼, 301室, 5号. */
  private static final String FINE = NUM + "\\s*(?:号|楼|层|室|户)";
  /** Characters a place name may use: no particles, pronouns, verbs of wishing or direction words. */
  private static final String NAME_CHAR = "[\\p{IsHan}A-Za-z&&[^的了在被把往有是就都也又还和跟到从让给说我你他她们这那恁里上下个口边头门"
      + "前后中内外啊吗呢吧很太好没不要想能会去来对向哪些般沿拉哩嘞]]";
  /** A named place: 幸福路, 建设东街, 陇海中路, 阳光花苑, 王庄村, 锦绣城社区, 幸福路口. */
  /** Common place names that start with a character NAME_CHAR leaves out (人民路, 中原路, 上街区, 和平新村). */
  private static final String NAME_START = "(?:人(?=民)|中(?=原|山|州|华|兴)|上(?=街|城)|新(?=华)|和(?=平))";
  /** Inside a name, 口 too when more of the name follows (小河口村, 周口路). */
  private static final String NAME_INNER = "(?:" + NAME_CHAR + "|口(?=" + NAME_CHAR + "))";
  private static final String NAMED = "(?:" + NAME_START + NAME_CHAR + "{1,7}?|" + NAME_INNER + "{2,8}?)(?:大街|大道|中路|中街|路|街|巷|胡同|小区|社区|花园|花苑|家园|新村|新城|公寓|"
      // "煤机厂家属院", "邮电宿舍": Zhengzhou's work-unit compounds.
      + "家属院|家属区|家属楼|宿舍|里小区|里社区|大厦|广场|公园|市场|村|庄|屯|寨|镇|乡|苑|城)(?:社区|小区|村|东侧|西侧|南侧|北侧|东段|西段|南段|北段|中段|口)?";
  private static final Pattern NUMBERED = Pattern.compile(
      "(?:" + NAMED + "[哩嘞]?\\s*)*(?:" + NUM + "\\s*号院?\\s*)?(?:" + UNIT + "\\s*)+(?:" + FINE + "\\s*)*"
          + "|(?:" + NAMED + "\\s*)+" + NUM + "\\s*号院?");
  /** "农业银行社区 金穗花园": a community, then the estate in it, is one place. */
  private static final Pattern NAMED_ONLY = Pattern.compile("(?:" + NAMED + ")(?:\\s*(?:" + NAMED + "))*");
  /** A named place must start a clause or follow 在 / 住在 / 我们…; elsewhere it is usually a verb's object. */
  private static final Pattern CLAUSE_START = Pattern.compile("(?:^|[\\s\\p{P}]|在|住在|位于|就在|是|我们|咱们|我家|俺们|俺)$");
  /** A candidate starting with a verb is that verb's object (建议社区…, 举报村…), not a place. */
  private static final Pattern VERB_FIRST = Pattern.compile(
      "^(?:建议|希望|举报|反映|报名|参加|借用|觉得|冒充|感谢|请问|问|联系|怎么|搞|找|进|回|翻墙|帮忙|祸害|别|叫"
          // "俺们村通镇上那条土路": the village itself, then where its road goes — no name.
          + "|村)");
  /** A name followed by these is part of a common word, not a place (路灯, 路面, 街道办, 村干部). */
  private static final Pattern NOT_A_PLACE_AFTER = Pattern.compile("^(?:灯|面|段|沿|牙|障|道|费|况|子|干部|委|民|支书)");
  /** Kinds of roads and places, not names of one. */
  private static final Pattern GENERIC = Pattern.compile(
      "(?:水泥|柏油|石子|马|公|铁|小|大|土|老|旧|老旧|整个|附近|旁边|周边|隔壁|对面|别的|其他|所有|各个|城中|乡村|农村|全|"
          + "城市|智慧|清廉|美丽|文明|小吃|背街)(?:路|街|小巷|小区|社区|村|庄|镇|乡|公园|广场|市场|城)(?:社区|小区|村|口)?");
  private static final Pattern MOBILE = Pattern.compile("(?<!\\d)1[3-9]\\d{9}(?!\\d)");
  private static final Pattern LANDLINE = Pattern.compile("(?<!\\d)0\\d{2,3}-?\\d{7,8}(?!\\d)");
  /** "I want to report / complain / get help" with nothing about what. */
  private static final Pattern CONTENT_FREE = Pattern.compile(
      "^(?:你好|您好|喂|在吗|在不在|有人吗|小助手)*[，,。!！？? ]*(?:我|俺)?(?:要|想|想要|需要|得)?(?:投诉|反映|举报|报修|报事|求助|提(?:个)?(?:意见|建议)|报告|登记)"
          + "(?:一下|个问题|一个问题|些问题|问题|情况|个情况|一件事|件事|个事|事情|点事)?[。!！.~～]*$");

  /** "有个事想跟恁说说 憋屈好些天了": a matter announced, not told. */
  private static final Pattern ANNOUNCES = Pattern.compile(
      "^(?:哎|唉|喂|那个)?[，,\\s]*(?:有个事|有件事|有点事|有个事儿|有桩事)(?:儿)?(?:想|要)?(?:跟|给|和|找)?(?:恁|你|您)?(?:说说|说一下|说道说道|反映反映|唠唠|念叨念叨|说说看)");

  /** "俺家就在旁边", "我家住", "家住": the address that follows is the resident's home. */
  private static final Pattern HOME_BEFORE = Pattern.compile("(?:俺|我)家[^，。,.;；]{0,6}$|家住[^，。,.;；]{0,4}$|住在\\s*$"
      // "淮南街永丰里小区 东头车库第三间 俺住2号楼501": where the reporter lives, not where the problem is.
      + "|(?:俺|我)(?:们)?(?:就)?住\\s*$");
  /** A landmark people give instead of an address: 二七塔往西那个路口, 人民公园东门, 实验小学门口, 樱桃沟村委会门口. */
  private static final Pattern LANDMARK = Pattern.compile("(?:" + NAME_START + NAME_CHAR + "{0,5}|" + NAME_CHAR + "{1,6}?)"
      + "(?:塔|桥|广场|公园|游园|医院|学校|小学|中学|幼儿园|超市|商场|菜市场|市场|车站|体育场|体育馆|火车站|汽车站"
      + "|村委会|村委|居委会|党群服务中心|社区服务中心|卫生院|卫生室|派出所)"
      + "(?:往?[东西南北]边?|旁边|对面|附近|门口|[东西南北]门|那个路口|路口|那边)*");

  /** The place named in the text, or null when it names none that staff could find. */
  static String location(String text) {
    if (text == null) return null;
    String best = null;
    int bestAt = 0;
    String home = null;
    Matcher m = NUMBERED.matcher(text);
    while (m.find()) {
      String s = m.group().strip().replaceAll("[哩嘞](?=\\s)", "");
      // "俺家就在旁边 樱桃沟村18号": where the resident lives, kept only if the text names no other place.
      if (HOME_BEFORE.matcher(text.substring(Math.max(0, m.start() - 10), m.start())).find()) {
        if (home == null) home = s;
        continue;
      }
      if (best == null || s.length() > best.length()) {
        best = s;
        bestAt = m.start();
      }
    }
    // "我住在秦江社区3号院，2号楼东侧单元门口…": a building named by its number alone lies in the home compound;
    // "在嵩山北路机务段家属院 俺们3号楼门口": or in the compound named before it.
    if (best != null && home != null && Character.isDigit(best.charAt(0))) return home + best;
    if (best != null && Character.isDigit(best.charAt(0))) {
      String compound = named(text.substring(0, bestAt));
      if (compound != null) return compound + " " + best;
    }
    if (best != null) return best;
    String elsewhere = named(home == null ? text : text.replace(home, " "));
    return elsewhere != null || home == null ? elsewhere : home;
  }

  /** A named place or landmark (no house number) in the text, or null. */
  private static String named(String text) {
    String best = null;
    Matcher m;
    m = NAMED_ONLY.matcher(text);
    while (m.find()) {
      String s = m.group().strip();
      if (!CLAUSE_START.matcher(text.substring(0, m.start())).find()) continue;
      if (NOT_A_PLACE_AFTER.matcher(text.substring(m.end())).find() || GENERIC.matcher(s).matches()
          || VERB_FIRST.matcher(s).find()) {
        continue;
      }
      if (best == null || s.length() > best.length()) best = s;
    }
    if (best != null) return best;
    m = LANDMARK.matcher(text);
    while (m.find()) {
      String s = m.group().strip();
      if (!CLAUSE_START.matcher(text.substring(0, m.start())).find() || VERB_FIRST.matcher(s).find()) continue;
      if (best == null || s.length() > best.length()) best = s;
    }
    return best;
  }

  /**
   * The reporter's own number: the one number in the text, or null when it holds none or several (a pasted group
   * chat names other people's).
   */
  static String ownPhone(String text) {
    if (text == null) return null;
    Set<String> numbers = new HashSet<>();
    Matcher m = MOBILE.matcher(text);
    while (m.find()) numbers.add(m.group());
    return numbers.size() > 1 ? null : phone(text);
  }

  /** A contact phone number in the text, or null. */
  static String phone(String text) {
    if (text == null) return null;
    Matcher m = MOBILE.matcher(text);
    if (m.find()) return m.group();
    m = LANDLINE.matcher(text);
    return m.find() ? m.group() : null;
  }

  /** The text without its phone numbers and their labels ("电话13608693315", "手机：0371-…"). */
  static String withoutPhone(String text) {
    String t = PHONE_LABELLED.matcher(text).replaceAll(" ");
    return t.replaceAll("\\s{2,}", " ").strip();
  }

  private static final Pattern PHONE_LABELLED = Pattern.compile(
      "(?:(?:联系)?电话|手机号?|联系方式|号码)?(?:是|为)?[:：]?\\s*(?:" + MOBILE.pattern() + "|" + LANDLINE.pattern() + ")");

  /** True when the message is only "I want to report something" and the bot must ask what happened. */
  static boolean contentFree(String text) {
    return text == null || CONTENT_FREE.matcher(text.strip()).matches()
        || ANNOUNCES.matcher(text.strip()).find() && text.strip().length() <= 18 && location(text) == null
        || introducesThenAnnounces(text.strip());
  }

  /** "恁好 俺想反映个事儿 憋了好些天了": a matter announced anywhere in a short message. */
  private static final Pattern ANNOUNCES_ANYWHERE = Pattern.compile("(?:反映|说|讲|报|唠)(?:个|一个|件|一件|点)事儿?|有(?:个|件|点|桩)事儿?");
  private static final int ANNOUNCEMENT_CHARS = 24;

  /**
   * A short message announcing a matter, with no place or phone: with no kind of problem named either (the
   * caller knows), nothing has been told yet.
   */
  static boolean announcesOnly(String text) {
    return text != null && MessageText.length(text) <= ANNOUNCEMENT_CHARS && ANNOUNCES_ANYWHERE.matcher(text).find()
        && location(text) == null && phone(text) == null;
  }

  /** "你好 我是聋人 耳朵听不见 只能打字 想反映个事可以吗": who is writing, then a report announced, nothing told yet. */
  private static final Pattern INTRO = Pattern.compile("^(?:你好|您好|恁好|喂|在吗)?[，,。!！\\s]*(?:我|俺)是");
  private static final Pattern ASKS_LEAVE = Pattern.compile("[，,。!！？?\\s]*(?:可以吗|可以不|行吗|行不|中不中|中不|好吗|能行不)?[？?。!！]*$");

  private static boolean introducesThenAnnounces(String text) {
    if (!INTRO.matcher(text).find() || location(text) != null) return false;
    String[] clauses = ASKS_LEAVE.matcher(text).replaceFirst("").split("[，,。!！？?\\s]+");
    return clauses.length > 1 && CONTENT_FREE.matcher(clauses[clauses.length - 1]).matches();
  }

  /** The handling type (a CaseKind code) a request most likely is: the deadline depends on it. */
  static String kind(String text) {
    if (text.contains("举报")) return "report";
    if (text.contains("投诉") || text.matches("(?s).*(不作为|态度(太)?(差|恶劣|蛮横)|乱收费|不管不问|推诿).*")) return "complaint";
    if (text.matches("(?s).*(建议|提议|希望(社区|村里|能够?)|能不能(在|给|多|开|办|设)).*")) return "suggestion";
    return "help";
  }
}
