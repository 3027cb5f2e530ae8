package cn.fivestar.answer;

import cn.fivestar.knowledge.KnowledgeBase;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Everyday public-service questions: how or where to get something done (低保怎么申请, 残疾证怎么办理, 燃气费在哪交,
 * 办居住证带什么材料) and when a service is open (党群服务中心周末几点开门). The documents are campaign reports and
 * stories, not service guides: such a question is answered only when the documents name the very thing asked
 * about and, for opening hours, give a time. Otherwise the nearest practices would make a confident, wrong list.
 */
final class Procedures {
  private static final Pattern PROCEDURE = Pattern.compile(
      "申请(?![书人])|办理|补办|报销|提取|领取|咋领|怎么领|上户口|落户|备案|认证|开具|开(?=.{0,8}证明)|缴费|交费|(?:在哪|去哪|到哪|哪里|哪儿|怎么|咋)(?:交|缴|领)|(?:在哪|去哪|到哪|哪里|哪儿)办"
          + "|带什么|带啥|什么材料|啥材料|哪些材料|手续"
          // Looking something up (怎么查学区) and entitlements (高龄津贴, 补贴) are services too.
          + "|查询|(?:怎么|咋|在哪|去哪|到哪|哪里|哪儿)查|津贴|补贴|补助|抚恤"
          // "能办居住证不", "社保还能补缴不", "能打疫苗不", "养老金啥时候涨": getting a document, a payment or a jab.
          // Lookaheads: the thing asked about (居住证, 疫苗) stays in the subject that is checked against the documents.
          + "|补缴|办(?=(?:个|张|一个|一张)?\\p{IsHan}{0,4}证(?!明))|(?=疫苗)|(?:啥|什么)时候(?:涨|发|到账)|涨多少"
          // "优待卡在社区能办不", "残疾证咋评级、去哪做鉴定", "系统在哪下载、怎么登录": a card, an assessment, an app.
          + "|(?=[证卡]\\p{IsHan}{0,6}办)|鉴定|评级|(?:去哪|在哪|到哪)做|下载|登录|登陆"
          // "租户要去社区登记不": registering somewhere (not "查人口登记的要上门", which tells who comes).
          + "|(?:去|到|在)\\p{IsHan}{0,4}登记"
          // "看牙能走医保不", "养老保险一个月能领多少": insurance and pensions are services whatever the verb.
          + "|(?=医保|社保|养老保险|养老金|退休金|公积金|党费)"
          // Joining the party is a procedure too: "怎么入党", "入党要经过哪些步骤", "申请书咋写".
          + "|(?:怎么|咋|如何)入党|入党\\p{IsHan}{0,6}?(?:步骤|程序|流程|条件)|申请书(?:咋|怎么|如何)写");
  /** Words of a procedure question that say how it asks, not what it asks about. */
  private static final Pattern FILLER = Pattern.compile(
      "需要|什么|啥|条件|材料|手续|流程|怎么|咋|如何|怎样|多大|岁数|在哪儿?|去哪儿?|到哪儿?|哪里|能不能|能|可以|不|吗|呢|嘞|哩|俺|我们|我|想|问问|"
          + "请问|要不要|要|得|社区|小区|街道|居委会|村里|村|的|了|一下|做|办|去|交|缴|领|开|带|有|是|在|和|给|帮");
  /** "几点下班", "周末下班吗" — but not "下班了想去社区…", which says when the resident is free. */
  private static final Pattern VENUE_ASKED = Pattern.compile(
      "(?:在|于)(?:哪儿|哪里|哪|什么地方|啥地方|哪个地方)(?:进行|举行|召开|开展|举办|开|办)|(?:进行|举行|召开|举办)的?地点");
  /** A place something happened at: 在 and a venue (会议室, 党群服务中心, 广场…). */
  private static final Pattern VENUE = Pattern.compile(
      "[在于][^，。；：、“”]{1,16}?(?:室|中心|馆|厅|广场|游园|公园|基地|站|学校|小学|礼堂|现场|社区|村|院)(?:进行|举行|召开|开展|举办|开)");
  private static final Pattern HOURS =
      Pattern.compile("几点|几号|什么时候开|[开关]门(?:吗|不|没|了没|了吗)|[开关]不[开关]门|(?:啥|什么)时候[开关]门|(?:几点|啥时候|什么时候)下班|下班吗|上班时间|营业时间|开放时间"
          // "幼儿园啥时候报名", "下一期啥时候开班": a date the reports do not give unless they say when.
          + "|(?:啥|什么)时候(?:报名|开班|开学|开课|截止)|下一期"
          // "调解室礼拜六上班不": whether it is open on a given day.
          + "|(?:周末|周六|周日|星期[六天日]|礼拜[六天日]|节假日|晚上)\\p{IsHan}{0,3}(?:上班|开门|开放|办公|营业)(?:不|吗|么|没)");
  // Not "几天", "几个月": a resident's story says "放了好几天了" without asking how long.
  private static final Pattern DURATION_ASKED = Pattern.compile("多长|要多久|多久\\p{IsHan}{0,3}一次|多久能"
      // "方案公示要贴几天": how long a notice stays up.
      + "|(?:贴|公示|挂|张贴)几天");
  private static final Pattern DURATION = Pattern.compile("[\\d一二三四五六七八九十两半]+\\s*(?:个)?(?:天|日|周|星期|个月|月|年|小时|课时|期)"
      // How often, for "多久一次", "多长时间查一回": 每月, 周督, 月点评, 定期.
      + "|每[天日周月季年]|[日周月季](?:报告|观摩|点评|调度|督|一)|定期");
  /** "哪一天开的会", "什么时候成立的": a date, which the reports give as 9月19日 or 2021年. */
  private static final Pattern DATE_ASKED = Pattern.compile("哪一?天|哪一?年|几月|月几[日号]|什么日子|何时|(?:什么|啥)时候|什么时间");
  private static final Pattern DATE = Pattern.compile(
      "\\d{1,2}\\s*月\\s*\\d{1,2}\\s*[日号]|\\d{4}\\s*年|\\d{1,2}\\s*月[份初中底]?|[上中下]旬|[春夏秋冬]天|年[初中底]|季度");
  /** "每周一例会…周五评定" answers "哪天布置任务" — a day of the week, not "下一期啥时候开班". */
  private static final Pattern WEEKDAY = Pattern.compile("周[一二三四五六日]|星期[一二三四五六日天]");
  private static final Pattern DAY_ASKED = Pattern.compile("哪一?天|周几|星期几|礼拜几");
  private static final Pattern PRICE_ASKED = Pattern.compile("交多少|赔多少|补多少|补贴多少|便宜点|便宜些|能便宜|优惠点|打个?折|减免不|掏钱|掏多少|摊多少|出多少钱|费多少|多少费|上门费|工资多少|多少工资|挣多少|月薪|多少钱|要交钱|交不交钱|要不要钱|收费吗|收不收费|学费|贵不贵|贵不|花多少钱"
      // "调解收钱不", "喝茶收费吗": whether a service is free — at a question's end, not "物业光收钱不干活".
      + "|收不收钱|免不免费|(?:收钱|要钱|收费|花钱|免费)(?:不|吗|么|没)?[？?]?\\s*$"
      // "收停车费不", "要交摊位费不": a named fee.
      + "|(?:收|交|缴)\\p{IsHan}{1,3}费(?:不|吗|么|没)");
  private static final Pattern PRICE = Pattern.compile("\\d+(?:\\.\\d+)?\\s*(?:元|块)|免费|不收费|不要钱");
  private static final Pattern PHONE_ASKED = Pattern.compile("(?:哪个|什么|啥)电话|电话(?:是)?多少|电话号码|联系方式|热线");
  private static final Pattern PHONE = Pattern.compile("\\d{3,4}-?\\d{7,8}|1\\d{10}|\\b\\d{5}\\b");
  private static final Pattern TIME = Pattern.compile(
      "\\d{1,2}\\s*[点时:：]|[上下]午|早上|晚上|\\d{1,2}\\s*月\\s*\\d{1,2}\\s*[日号]|周[一二三四五六日末]|星期|节假日|全天|24小时");

  private static final Pattern CLAUSE_BREAK = Pattern.compile("[，,。；;！!\\s]+");
  private static final Pattern ASKING = Pattern.compile(
      "[吗么呢？?]|怎么|咋|啥|什么|哪|谁|多少|几|有没有|能不能|是不是|要不要|可以不|中不中|行不行|[能要可]\\p{IsHan}{0,8}不$");

  private static final int SHORT_QUESTION = 9;

  private Procedures() {}
  // "怎么办" is a resident's problem (下雨天小区老是被淹怎么办), not a procedure: only "在哪办/去哪办" count.

  /**
   * True for a procedure question about something no document names: a word of what it asks about holds a
   * bigram the knowledge base has never seen (低保, 残疾证's 疾证, 乘车卡's 车卡).
   */
  static boolean asksUnknownProcedure(KnowledgeBase kb, String whole) {
    // "说她医保卡被冻结了 社区有没有搞反诈宣传的": the clause asking, not the story around it, names the service.
    String question = askedPart(whole);
    Matcher m = PROCEDURE.matcher(question);
    if (!m.find()) return false;
    // "系统在哪下载、怎么登录": documents that never use the verb (下载, 补缴) describe no such procedure.
    for (m.reset(); m.find(); ) {
      if (m.group().codePoints().filter(Character::isIdeographic).count() >= 2 && !kb.unseenBigrams(m.group()).isEmpty()) {
        return true;
      }
    }
    String subject = FILLER.matcher(PROCEDURE.matcher(question).replaceAll(" ")).replaceAll(" ");
    for (String run : runs(subject)) {
      if (!kb.unseenBigrams(run).isEmpty()) return true;
    }
    return false;
  }

  /** The clauses of a message that ask something; the whole message when none does. */
  static String askedPart(String message) {
    StringBuilder out = new StringBuilder();
    for (String clause : CLAUSE_BREAK.split(message)) {
      if (ASKING.matcher(clause).find()) out.append(clause).append(' ');
    }
    // "找工作要开无犯罪记录证明 社区能开不": a short question leans on the clause before it for its object.
    return out.length() < SHORT_QUESTION ? message : out.toString().strip();
  }

  /** "优待卡在社区能办不", "低保怎么申请": asks how to get a public service, whether or not the documents name it. */
  static boolean asksService(String question) {
    return PROCEDURE.matcher(question).find();
  }

  /** "物业修这个要俺们掏钱不", "调解收钱不": asks what something costs or whether it is free. */
  static boolean asksPrice(String question) {
    return PRICE_ASKED.matcher(question).find();
  }

  /** "几点开门", "周末下班吗", "啥时候报名": asks when something is open or starts. */
  static boolean asksHours(String question) {
    return HOURS.matcher(question).find();
  }

  /** "哪一天开的会", "啥时候成立的": asks for a date. */
  static boolean asksDate(String question) {
    return DATE_ASKED.matcher(question).find();
  }

  /** Whether an answer gives a date, a year, a month or a season (a weekday, for "哪天"). */
  static boolean givesDate(String question, String text) {
    // "工人北路修路啥时候能通车" is not answered by "9月19日，锦绣城社区开展…": the dated sentence shares the subject.
    for (String sentence : text.replaceAll("\\[\\d+\\]", "").split("[。；！？!?\\n]")) {
      boolean dated = DATE.matcher(sentence).find() || DAY_ASKED.matcher(question).find() && WEEKDAY.matcher(sentence).find();
      if (dated && sharesSubject(question, sentence)) return true;
    }
    return false;
  }

  /** A Chinese bigram of the question, outside its question words, that the sentence holds too. */
  private static boolean sharesSubject(String question, String sentence) {
    String q = FILLER.matcher(DATE_ASKED.matcher(question).replaceAll(" ")).replaceAll(" ");
    for (String run : runs(q)) {
      for (int i = 0; i + 2 <= run.length(); i++) {
        if (sentence.contains(run.substring(i, i + 2))) return true;
      }
    }
    return false;
  }

  /** "该打哪个电话报修", "电话是多少": asks for a number to call. */
  static boolean asksPhone(String question) {
    return PHONE_ASKED.matcher(question).find();
  }

  /** Whether an answer gives a number one could call (a hotline such as 12345 included). */
  static boolean givesPhone(String text) {
    return PHONE.matcher(text.replaceAll("\\[\\d+\\]", "")).find();
  }

  /** "一期学多长时间", "要交钱不", "多少钱": asks how long something lasts or what it costs. */
  static boolean asksDurationOrPrice(String question) {
    return DURATION_ASKED.matcher(question).find() || PRICE_ASKED.matcher(question).find();
  }

  /** Whether an answer gives the duration or the price the question asks for. */
  static boolean givesDurationOrPrice(String question, String text) {
    // A date ("7月1日") is no duration, a quoted name (“社区半月谈”) none either.
    String body = Quantities.withoutNames(text).replaceAll("\\d{1,2}\\s*月\\s*\\d{1,2}\\s*[日号]", "");
    boolean duration = !DURATION_ASKED.matcher(question).find() || DURATION.matcher(body).find();
    boolean price = !PRICE_ASKED.matcher(question).find() || PRICE.matcher(body).find();
    return duration && price;
  }

  /** "亮赛比是在哪儿进行的", "在什么地方召开": asks where an event was held. */
  static boolean asksVenue(String question) {
    return VENUE_ASKED.matcher(question).find();
  }

  /** Whether an answer names where something took place ("在白鸽社区会议室进行"). */
  static boolean givesVenue(String text) {
    return VENUE.matcher(text).find();
  }

  /** Whether an answer gives a time of day, a date or a weekday. */
  static boolean givesTime(String text) {
    return TIME.matcher(text.replaceAll("\\[\\d+\\]", "")).find();
  }

  private static List<String> runs(String text) {
    List<String> out = new ArrayList<>();
    Matcher m = Pattern.compile("\\p{IsHan}{2,}").matcher(text);
    while (m.find()) out.add(m.group());
    return out;
  }
}
