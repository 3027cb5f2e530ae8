package cn.fivestar.conversation;

import cn.fivestar.cases.CasePublicView;
import cn.fivestar.conversation.DialogState.Draft;
import cn.fivestar.knowledge.PlaceNames;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Whether a message answers the slot an intake waits for, and the place or phone read from such an answer. */
final class SlotFit {
  private SlotFit() {}

  private static final Pattern PLACE_PREFIX = Pattern.compile(
      // "中了 问清了 王岗村四组27号": the acknowledgement before the place is no part of it.
      // "中原路…" is a road: a one-word yes needs its pause.
      "^(?:(?:中了?|好了?|行了?|嗯+)[，,。\\s]+|(?:问清了|问好了|查好了|找到了|知道了|看清了)[，,。\\s]*)*"
          + "(?:地点|地址|位置|地方)?(?:还是)?(?:就)?(?:是|在|：|:)?\\s*(?:刚才说的|刚说的|刚刚说的|上面说的|前面说的)?\\s*(?:就在|在|位于)?");
  /** "俺是…家属院哩 九号楼", "俺在刘寨街…": who speaks is no part of the place. */
  private static final Pattern SELF = Pattern.compile(
      // "俺姓赵 住紫荆苑小区…": the surname said first is no part of the place either.
      "^(?:(?:俺|我)(?:姓|叫)\\p{IsHan}{1,3}?[\\s，,]+(?:住在?|在)?|(?:俺|我)们?家?(?:是|在|住在?|就在|就住))(?=\\p{IsHan}{2})");
  private static final int MAX_LOCATION = 200;
  private static final Pattern REMARK_BEFORE = Pattern.compile(
      "^(?:哦|噢|哎呀?|嗯|对了|行吧|好吧|那行|中吧?|那)对?[\\s，,。]|忘了?说|漏说|说漏|没说|补充|补一句|那说");
  private static final Pattern GO_ON_FILING = Pattern.compile("(?:接着|先|还是|继续)?(?:报|登记|提交|反映)(?:吧|了|上去)?[\\s，,。]*$");

  /** Whether this message answers the question the intake is waiting for (the turn decision asks first). */
  static boolean fits(Turn t) {
    Draft d = t.state.draft();
    String text = t.text;
    if (text.isEmpty()) return true;
    boolean question = Cues.questionForm(text);
    return switch (t.state.step()) {
      case ASK_WHAT, EDIT_WHAT -> MessageText.hasWords(text) && !question;
      // "中 谢了啊", "中 那下回让他们先给社区打个电话": an acknowledgement naming no place is no answer to "where".
      // "受益匪浅，谢谢您！": thanks naming no place is no place either.
      // "哪个菜市场啊就是…伊河路跟桐柏路交叉口往北…": a concrete place fits, a rhetorical 哪个 before it aside.
      // "电话就不留了 有啥在这回我就行": declining the phone is answered by asking for the place again.
      case ASK_WHERE, EDIT_WHERE -> Cues.declinesPhone(text) && Slots.location(text) == null
          && t.state.step() == DialogState.Step.ASK_WHERE || !(question && !(Cues.onlyParticleQuestion(text) && Cues.pointsAtPlace(text))
              && !(Slots.location(text) != null && !text.strip().matches("(?s).*(?:[？?]|吗|呢)[。.!！\\s]*$")))
          && !((Cues.acknowledges(text) || Cues.thanks(text)) && Slots.location(text) == null)
          && (Cues.pointsAtPlace(text) || onlyPhone(text) || d.location() == null
          && MessageText.length(text) <= 12 && MessageText.hasWords(text) && !Cues.asksProgress(text)
          && !MessageText.isYes(text) && !MessageText.isNo(text) && !SmallTalk.isPleasantry(text));
      case EDIT_PHONE -> text.matches("(?s).*\\d.*") || MessageText.isSkip(text) || MessageText.isNo(text)
          || MessageText.answer(text).matches("(电话)?(就)?(不留|不用留|不留了|不用了|不需要)(了)?");
      case DUPLICATE -> MessageText.isNo(text) || MessageText.isAccept(text) || DuplicateOffer.filesAnew(text)
          || DuplicateOffer.followsExisting(text);
      case CONFIRM, EDIT_CHOICE -> !question || MessageText.confirmsSummary(text) || Cues.declinesPhone(text);
      default -> false;
    };
  }

  /** The message is a phone number and little else ("电话13700002222 有事打这个"). */
  static boolean onlyPhone(String text) {
    String phone = Slots.phone(text);
    return phone != null && MessageText.answer(text.replace(phone, ""))
        .replaceAll("你好|您好|电话|手机|号码|是|打这个|有事|联系|我|俺|先|留个|留一下|记一下|给你|的|就", "").length() <= 4;
  }

  /** The place as the person put it; from a long answer that also describes the problem, just the place. */
  static String place(String text) {
    // The phone said with the place goes to its own field: a place is shown to staff and on the dashboard.
    String bare = Slots.withoutPhone(text);
    if (!bare.isEmpty()) text = bare;
    String p = PLACE_PREFIX.matcher(SELF.matcher(text.replace('\n', ' ').strip()).replaceFirst("")).replaceFirst("").strip()
        .replaceAll("(?<=\\p{IsHan})[哩嘞](?=\\s|$)", "");
    if (p.isEmpty()) p = text.strip();
    // "哎呀 恁又不知道俺家在哪 说全乎点 黄河路电力家属院 5号楼后头那个车棚": the grumble before the place is no part of it.
    String found = Slots.location(p);
    int at = found == null ? -1 : p.indexOf(found.split("\\s")[0]);
    // "那俺们楼这样八成评不上 先接着报吧 工人新村 24号楼": nor is a remark that ends by saying to go on filing.
    // "哦对 忘说楼号了 是7号楼1单元", "行吧 那说车 金水路…": nor a remark or a yes before it.
    if (at > 0 && (Cues.hasQuestionWord(p.substring(0, at)) || GO_ON_FILING.matcher(p.substring(0, at)).find()
        || REMARK_BEFORE.matcher(p.substring(0, at)).find() && !p.substring(0, at).matches(".*\\d.*"))) {
      p = p.substring(at);
    }
    String named = MessageText.length(p) > LONG_ANSWER ? Slots.location(p) : null;
    if (named == null) return MessageText.clip(p, MAX_LOCATION);
    // "西华县 红花集镇 大王庄村 村西口 挨着去小学那条路 娃们上学天天打那过": the place clauses it opens with, up to the story.
    String leading = leadingPlace(p);
    return MessageText.clip(leading.contains(named) ? leading : named, MAX_LOCATION);
  }

  private static final int LONG_ANSWER = 40;
  /** Words marking a clause as part of a place: units, roads, buildings, sides, landmarks. */
  private static final Pattern PLACE_CLAUSE =
      Pattern.compile("[省市县区镇乡村组路街巷院园楼栋号门口头边旁侧东西南北]|小区|单元|挨着|对面|附近|跟前");

  /** "村口那几个大垃圾桶 半个多月没人来拉了 满哩往外淌 狗天天扒…": most clauses tell what happened, not where. */
  static boolean mostlyStory(String text) {
    String[] clauses = text.strip().split("[\\s，,。；;！!]+");
    long placeClauses = Arrays.stream(clauses).filter(c -> PLACE_CLAUSE.matcher(c).find()).count();
    return placeClauses * 2 < clauses.length;
  }

  /** The clauses a text opens with that each name part of a place, up to the first that does not. */
  private static String leadingPlace(String text) {
    StringBuilder out = new StringBuilder();
    for (String clause : text.split("[\\s，,。；;]+")) {
      if (clause.isEmpty()) continue;
      if (!PLACE_CLAUSE.matcher(clause).find() || MessageText.length(out + clause) > LONG_ANSWER) break;
      if (out.length() > 0) out.append(' ');
      out.append(clause);
    }
    return out.toString();
  }

  /**
   * A place given in two steps ("樱桃沟村", then "二组 村西头大槐树那个"): the second part names no area of its own,
   * so it continues the first; a place that names its own area replaces the first.
   */
  private static final Pattern NUMBERED_PART = Pattern.compile("\\d+\\s*(?:号楼|号院|栋|幢|号)");

  /** A county, town or street office: "荥阳 高村乡", the level above a village or community. */
  private static final String COARSE_UNIT = "(?:省|市|县|乡|镇|街道|办事处|(?<![小社园校景厂片城])区)";
  private static final Pattern ENDS_COARSE = Pattern.compile(COARSE_UNIT + "\\s*$");
  private static final Pattern HAS_COARSE = Pattern.compile(COARSE_UNIT);

  static String refine(String before, String after) {
    if (before == null || after.contains(before)) return after;
    boolean namesArea = CasePublicView.streetLevelPlace(after) != null;
    boolean vagueBefore = !before.matches(".*\\d.*");
    // "荥阳 高村乡", then "刘沟村": the village within the town, not another place.
    if (namesArea && ENDS_COARSE.matcher(before).find() && !HAS_COARSE.matcher(after).find()) {
      return MessageText.clip(before + " " + after, MAX_LOCATION);
    }
    // "王楼村", then "村南 往小学去那条路 路西边哩麦地里": where in the village, which stays.
    if (PlaceNames.named(before) && !PlaceNames.named(after) && !HAS_COARSE.matcher(after).find()
        && !after.matches(".*\\d.*")) {
      return MessageText.clip(before + " " + after, MAX_LOCATION);
    }
    if (namesArea) return after;
    if (vagueBefore) return MessageText.clip(before + after, MAX_LOCATION);
    // "叫铁路家属院 最后一排那栋 7号楼", then "积水的是7号楼2单元底下那段地下室": the finer part goes on from the
    // building both name, and the estate before it stays.
    Matcher shared = NUMBERED_PART.matcher(after);
    int at = shared.find() ? before.indexOf(shared.group()) : -1;
    return at > 0 ? MessageText.clip(before.substring(0, at) + after.substring(shared.start()), MAX_LOCATION) : after;
  }
}
