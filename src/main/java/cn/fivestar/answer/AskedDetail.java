package cn.fivestar.answer;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one detail a question may ask for that the documents may simply not hold: a figure (多少), a holder's name
 * (书记叫啥名字), a date (哪一天), a duration or price (学多长时间, 要交钱不), a number to call (该打哪个电话), opening
 * hours (周末几点开门), a document (哪个文件), the spot a thing is put up (贴哪儿了), whether people from elsewhere may
 * come (外地户口能报名不), a ranking (排了第一), an inscription (锦旗上写的啥), a certificate (发啥证), who is on a list
 * (名单在哪能查到), which firm (哪个律所派的), several people by name (分别都是谁). The sentence that answers such a
 * question gives the detail; without it the documents mention the subject, not the detail.
 */
final class AskedDetail {
  /** "百花社区党委书记叫什么名字": the place whose role holder is asked for. */
  private static final Pattern PLACE_BEFORE_ROLE = Pattern.compile("(\\p{IsHan}{2,8}?)(?:街道|社区|村)");

  /** "哪个文件开始搞的", "印发了什么通知": a document, which the text names in 《》. */
  private static final Pattern ASKS_DOCUMENT = Pattern.compile("(?:哪个|哪份|哪一份|什么|啥)(?:红头)?(?:文件|通知|政策文件)");

  /** A detail asked by {@code asked} and given by a text matching {@code gives}. */
  private record Kind(Pattern asked, Pattern gives) {}

  private static final List<Kind> KINDS = List.of(
      // "黑旗榜贴哪儿了", "那牌子挂在哪": the spot a thing is put up or kept at.
      new Kind(Pattern.compile("(?:贴|挂|放|摆|搁|装|设|安|立|张贴|公布)(?:在|到)?(?:哪儿|哪里|哪|啥地方|什么地方|哪个地方)(?!个|些|条|家|位|种|一|几)"),
          Pattern.compile("[在于到][^，。；：“”]{1,16}?(?:门口|门前|[东南西北大]门|入口|出口|大厅|墙上|栏|展板|公示板|室|中心|馆|厅|广场|公园|游园|路口|楼道|院内|院里)")),
      // "外地户口能报名不", "外头哩车能开进去充不": whether people from elsewhere may come — the reports tell what a
      // place did for its own residents, rarely who else may use it.
      new Kind(Pattern.compile("(?:外地户口|外地人|外地(?:的|哩)|外头(?:的|哩)?(?:车|人|娃|孩子)|外面(?:的|哩)?(?:车|人)|外小区|外村"
              + "|外来(?:人员|人口|车辆|车)?|非本(?:小区|社区|村)|别(?:的|哩)(?:小区|社区|村)(?:的|哩)?(?:人|车|娃|孩子))"
              + "\\p{IsHan}{0,10}?(?:能|可以|让|准|中|给)\\p{IsHan}{0,6}?(?:不|吗|么|没|不能|不中)"),
          Pattern.compile("外地|外来|外小区|外村|对外开放|向社会开放|面向社会|面向全|不限")),
      // "哪个社区排了第一", "冠军是谁": a ranking.
      new Kind(Pattern.compile("(?:排|拿|得|评|考)(?:了|上)?(?:第一|头名|第几|冠军)|冠军是|第一名是|(?:哪个|哪家)\\p{IsHan}{0,4}(?:第一|头名)"),
          Pattern.compile("第一名|冠军|头名|名列|排名第|位居第|位列第|排第")),
      // "锦旗上写的是啥字": what a thing says, which the text quotes after 写着 / 上书 (not "里头都写的啥", its content).
      new Kind(Pattern.compile("(?:上面?|上头)(?:都)?(?:写|印|刻|绣)(?:的|着|哩|了)(?:是)?(?:啥|什么)"),
          Pattern.compile("(?:写|印|刻|绣)(?:着|有|上|的是)?[“\"]|上书|题写")),
      // "名单在哪能查到", "黑旗榜上都挂过谁": who is on a list, which the reports name only when they give it.
      new Kind(Pattern.compile("名单(?:在哪|在哪儿|哪里|咋|怎么)?(?:能)?(?:查|看|找)|(?:榜|名单)上(?:都)?(?:有|挂过|上过|是)谁"),
          Pattern.compile("名单(?:已|在|公示|公布|见)|(?:社区|村|街道)、\\p{IsHan}{2,8}(?:社区|村|街道)")),
      // "那5个人一人管一颗星，分别都是谁": several people, each named — a list of names.
      new Kind(Pattern.compile("分别(?:都)?是谁|都(?:有|是)哪(?:几|些)(?:个)?人"), Pattern.compile("\\p{IsHan}{2,3}[、和]\\p{IsHan}{2,3}[、和，,]")),
      // "律师是哪个律所派的", "是哪几家公司": which firm, named as one.
      new Kind(Pattern.compile("哪(?:个|家)(?:律所|律师事务所)|(?:是)?哪(?:几|些)家(?:公司|企业)"),
          Pattern.compile("律师事务所|律所|\\p{IsHan}{2,10}(?:有限公司|股份公司|集团)")),
      // "培训结业发啥证", "考的都是啥证": which certificate.
      new Kind(Pattern.compile("(?:发|给|颁|拿|考)(?:的|了)?(?:都是)?(?:个)?(?:啥|什么|哪种)证|(?:啥|什么|哪种)证书"),
          Pattern.compile("证书|资格证|结业证|合格证|上岗证|等级证|职业证")));

  private AskedDetail() {}

  /** Whether the question asks for such a detail. */
  static boolean asked(String q) {
    return Quantities.asked(q) || AskedThing.asksName(q) || Procedures.asksDate(q) || Procedures.asksDurationOrPrice(q)
        || Procedures.asksPhone(q) || Procedures.asksHours(q) || Procedures.asksVenue(q) || ASKS_DOCUMENT.matcher(q).find()
        || KINDS.stream().anyMatch(k -> k.asked().matcher(q).find());
  }

  /** Whether the text gives every detail the question asks for (true when it asks for none). */
  static boolean given(String q, String text) {
    return (!Quantities.asked(q) || Quantities.answered(q, text))
        && (!AskedThing.asksName(q) || AskedThing.namesHolderByName(text, AskedThing.askedRole(q), q) && ofPlaceAsked(q, text))
        && (!Procedures.asksDate(q) || Procedures.givesDate(q, text))
        && (!Procedures.asksDurationOrPrice(q) || Procedures.givesDurationOrPrice(q, text))
        && (!Procedures.asksPhone(q) || Procedures.givesPhone(text))
        && (!Procedures.asksHours(q) || Procedures.givesTime(text))
        && (!Procedures.asksVenue(q) || Procedures.givesVenue(text))
        && (!ASKS_DOCUMENT.matcher(q).find() || text.contains("《"))
        && KINDS.stream().allMatch(k -> !k.asked().matcher(q).find() || k.gives().matcher(text).find());
  }

  /** A holder's name answers only for the place asked about: 省五建社区's 党委书记 is not 百花社区's. */
  private static boolean ofPlaceAsked(String q, String text) {
    String role = AskedThing.askedRole(q);
    int at = role == null ? -1 : q.indexOf(role);
    Matcher m = PLACE_BEFORE_ROLE.matcher(at < 0 ? "" : q.substring(0, at));
    return !m.lookingAt() || text.contains(m.group(1));
  }
}
