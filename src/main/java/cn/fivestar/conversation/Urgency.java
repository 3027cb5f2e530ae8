package cn.fivestar.conversation;

import java.util.regex.Pattern;

/**
 * Dangers to people that must not wait for a 10-working-day case: the resident first gets what to do now and the
 * emergency number (110 police, 119 fire, 120 ambulance; lifts and gas: their emergency lines), then the case is
 * registered as urgent and staff are alerted at once.
 */
enum Urgency {
  LIFT("(?:电梯.{0,8}(?:困人了|困住|被困|关在里|卡在里|关里面|关住了)|(?:困|关|卡)在电梯|电梯.{0,12}(?:出不来|下不来)"
      + "|电梯.{0,4}(?:卡住|停住|停了|坏了).{0,10}(?:在里|关着))", "设施维修",
      IntakeTexts.URGENT_LIFT),
  GAS("(?:燃气|煤气|天然气|液化气).{0,6}(?:味|泄漏|漏气|漏了|泄露)|(?:闻到|有股|一股).{0,4}(?:煤气|燃气|天然气)", "治安消防",
      IntakeTexts.URGENT_GAS),
  FIRE("(?<!怕|万一|防止|容易|担心|小心|预防|避免|以防|会|真|要是|如果|一旦|假如|哪天|生怕)(?:着火了|起火了|失火|火灾|着起来了|烧起来了|冒烟了|冒黑烟|火烧)", "治安消防",
      IntakeTexts.URGENT_FIRE),
  VIOLENCE("(?:打架|打人|打起来|打起架|干起来|斗殴|动手|动刀|拿刀|持刀|砍人|捅人|行凶|被打).{0,20}(?:血|伤|晕|倒地|打破)"
      + "|(?:砍伤|捅伤|打伤|打破头|头都打破|打得头破血流)|持刀|拿刀(?:砍|捅)"
      // "男哩在打女哩 女哩在喊救命": someone being beaten right now.
      + "|喊救命|救命啊|(?:男|女)(?:的|哩|人)?(?:正)?在打|往死里打|家暴", "治安消防",
      IntakeTexts.URGENT_VIOLENCE),
  MISSING("(?:孩子|小孩|儿子|女儿|闺女|老人|老太太|老爷子|老头|老奶奶|老大爷|我妈|我爸|奶奶|爷爷|姥姥|姥爷|外婆|外公).{0,8}"
      + "(?:.{0,20}(?:走丢|丢了|找不到了|找不着了|不见了|走失|没回来|没回家|联系不上))|走失", "治安消防",
      IntakeTexts.URGENT_MISSING),
  // "独居的老爷子四天没见着人了": someone living alone not seen for days may lie hurt behind the door.
  ALONE("(?:老人|老爷子|老太太|老头|老奶奶|老大爷|一个人过|一个人住|独居).{0,40}(?:(?:几|两|三|四|五|六|七|好几)天(?:都)?没(?:见着?人|见人|露面|出门|下楼|开门|(?:见|看见|瞅见)(?:他|她)?(?:出门|出来|露面|下楼|开门))|敲门(?:也)?(?:没人|不)(?:应|开|吭声)|联系不上)",
      "养老助残", IntakeTexts.URGENT_ALONE),
  ELECTRIC("电线.{0,6}(?:冒火花|冒火|打火|着火|冒烟|掉下来|断了)|(?:漏电|触电|电着了|被电了)", "治安消防",
      IntakeTexts.URGENT_ELECTRIC),
  TRAPPED("(?:孩子|小孩|老人|人).{0,8}(?:锁|关|困)在?(?:车里|车上|车内|屋里|家里|房间里)|(?:锁|关|困)在?车(?:里|内)", "治安消防",
      IntakeTexts.URGENT_TRAPPED),
  // "熏得人喘不上气" is a figure of speech about smoke or a smell, not someone in danger.
  MEDICAL("晕倒|昏倒|不省人事|叫不醒|没气了|(?<!熏得人|呛得人|熏得|呛得|臭得|憋得|气得)喘不上气|抽搐|(?:摔|滑|跌)倒(?:了|在)?\\p{IsHan}{0,8}?(?:起不来|动不了|爬不起来)|疼得(?:不能动|动不了)", "养老助残",
      IntakeTexts.URGENT_MEDICAL);

  private final Pattern pattern;
  private final String category;
  private final String advice;

  Urgency(String regex, String category, String advice) {
    this.pattern = Pattern.compile(regex);
    this.category = category;
    this.advice = advice;
  }

  /** The taxonomy category such a danger belongs to (the text's own words can mislead the category model). */
  String category() {
    return category;
  }

  /** What to do right now, with the emergency number (worded in {@link IntakeTexts}). */
  String advice() {
    return advice;
  }

  /** The danger this message reports, or null. */
  static Urgency of(String text) {
    String t = text.replaceAll("\\s+", "");
    for (Urgency u : values()) if (u.pattern.matcher(t).find()) return u;
    return null;
  }
}
