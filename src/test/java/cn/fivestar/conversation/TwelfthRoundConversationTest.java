package cn.fivestar.conversation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.fivestar.cases.CaseFilter;
import cn.fivestar.cases.CaseRecord;
import org.junit.jupiter.api.Test;

/**
 * What blind dialogue sets 30 and 31 found: a yes with what the person wants done, a corrected street, a remark
 * before the building number, "not yet" at the summary, how such things are handled in general, leaving after a
 * score, taking a refusal and going in person, asking on someone's behalf, an item of the last answer by number, and
 * facts asked for by date, by who went, or by the noun whose content is asked; and from sets 32 and 33: where an
 * answer comes from, a call asking to move money, a message sent by mistake, staff letting off steam, support for
 * one's own plan, more of the story while the place is asked, and a long place answer with the story after it.
 */
class TwelfthRoundConversationTest extends RealAnswererHarnessTest {

  @Test
  void aYesWithWhatThePersonWantsDoneFilesTheReport() {
    h.say("a", "隔壁家俩娃没人管了 他爷摔断腿住院了 天天泡方便面吃");
    h.say("a", "张官营镇后营村三组 村小学往北第三家 电话13837592046");
    String sent = h.say("a", "中 就这样 赶紧叫村里来个人看看俩娃");
    assertTrue(sent.contains("编号"), sent);
    h.say("b", "老宅子土坯房山墙裂了个大缝 往外歪着 挨着娃们上学走那条道");
    h.say("b", "大冶镇西窑村后街 老杨家那个院 电话15037158362");
    String hurried = h.say("b", "对 报上去吧 趁早叫村里给拉个绳拦住");
    assertTrue(hurried.contains("编号"), hurried);
    assertEquals(2, h.cases.list(CaseFilter.all()).size());
  }

  @Test
  void aCorrectedStreetReplacesTheOneGiven() {
    h.say("a", "老宅子土坯房山墙裂了个大缝 往外歪着 挨着娃们上学走那条道");
    h.say("a", "登封市 大冶镇 西窑村 后街 老杨家那个院");
    String fixed = h.say("a", "哎不对不对 是前街 后街那是他兄弟家 俺说岔了");
    String place = h.state("a").draft().location();
    assertTrue(place.contains("前街") && !place.contains("后街") && place.contains("西窑村"), fixed);
  }

  @Test
  void aRemarkBeforeTheBuildingNumberIsNoPartOfThePlace() {
    h.say("a", "楼底下卤肉店的排烟管子接到楼道窗户那 整个楼道全是油烟");
    h.say("a", "嵩山南路 碧云小区");
    h.say("a", "15093318472 白天上班不方便接电话");
    h.say("a", "哦对 忘说楼号了 是7号楼1单元 店就在1单元门口东边");
    String place = h.state("a").draft().location();
    assertTrue(place.contains("碧云小区") && place.contains("7号楼") && !place.contains("忘说"), place);
    h.say("b", "小区里有辆破面包车停那一年多了 轱辘都憋了 小孩天天爬上去玩");
    h.say("b", "行吧 那说车 金水路 天明花园小区 3号楼西边那排车位");
    String other = h.state("b").draft().location();
    assertTrue(other.startsWith("金水路"), other);
  }

  @Test
  void notYetAtTheSummaryKeepsTheDraft() {
    h.say("a", "小区里有辆破面包车停那一年多了 轱辘都憋了 小孩天天爬上去玩");
    h.say("a", "金水路 天明花园小区 3号楼西边那排车位 电话17739215806");
    String held = h.say("a", "等会儿 先不提交 我在业主群里问了一嘴 物业说这周就联系车主挪走");
    assertTrue(h.state("a").inIntake(), held);
    assertTrue(h.cases.list(CaseFilter.all()).isEmpty());
  }

  @Test
  void howSuchThingsAreHandledInGeneralIsAQuestion() {
    String reply = h.say("a", "像这种没人要的车 你们一般是咋处理的 能直接拖走吗");
    assertFalse(h.state("a").inIntake(), reply);
    String law = h.say("b", "里头有律师哩话 能问问这房子法律上该咋分不");
    assertFalse(h.state("b").inIntake(), law);
  }

  @Test
  void leavingAfterAScoreAddsNoRemark() {
    CaseRecord c = h.closed("a", "幼儿园门口电信箱子门叫人撬开了 电话0371-65932218", "经三路小天鹅幼儿园门口", "已通知电信锁好");
    h.say("a", "去看了 锁上了 就是来得有点慢 给你们打4分吧");
    assertEquals(4, h.cases.get(c.id()).rating());
    String bye = h.say("a", "行 就这 再见");
    assertTrue(bye.contains("再见"), bye);
    assertEquals(DialogState.Step.IDLE, h.state("a").step());
    assertNull(h.cases.get(c.id()).ratingComment());
  }

  @Test
  void takingARefusalAndGoingInPersonFilesNothing() {
    h.say("a", "俺娘一个人在家 能不能给她申请个低保 一个月能给多少");
    String reply = h.say("a", "俺娘那低保哩事恁这儿没有是吧 中 那俺明儿去社区跑一趟");
    assertFalse(h.state("a").inIntake(), reply);
  }

  @Test
  void askingOnSomeonesBehalfIsAQuestionAskingTheBotToFindOutIsAReport() {
    String asked = h.say("a", "俺是网格员 俺们社区跟前有个小学 还有个医院 书记叫俺问问 跟这些驻地单位咋搞共建");
    assertFalse(h.state("a").inIntake(), asked);
    h.say("b", "我妈说高龄补贴前三个月都没到账 以前都是按月打到她那个卡上");
    String find = h.say("b", "她也不会弄 能不能帮她问问是咋回事");
    assertTrue(h.state("b").inIntake(), find);
  }

  @Test
  void anItemOfTheLastAnswerByNumber() {
    String list = h.staff("s", "争创平安法治星 别的社区都有啥做法");
    String second = list.lines().filter(l -> l.startsWith("2. ")).findFirst().orElseThrow();
    String reply = h.staff("s", "刚才说哩第二个呢 具体咋弄哩");
    String first = list.lines().filter(l -> l.startsWith("1. ")).findFirst().orElseThrow();
    assertTrue(sharesWord(second, reply) && !reply.contains(first.substring(3)), second + " -> " + reply);
    assertFalse(h.state("s").inIntake());
  }

  @Test
  void aDateAPersonOrANamedThingAskedForIsTheFactGiven() {
    String date = h.staff("s", "德化街街道召开机关党建“学讲评”活动暨街区经济运行研判会是在几月几日？");
    assertTrue(date.contains("6月1日"), date);
    String who = h.staff("t", "花园路街道给抗美援朝老兵上门送纪念章，带队去的是谁？");
    assertTrue(who.contains("张雅琴") && !who.contains("没有和您的问题完全对应"), who);
    String noun = h.staff("u", "西流湖街道党工委认为“五星”支部创建的落脚点是什么？");
    assertTrue(noun.contains("幸福感"), noun);
  }

  @Test
  void aWordOrAFigureTheDocumentsNeverGiveIsNotAnsweredWithConfidence() {
    String wifi = h.say("a", "社区党群服务中心有没有wifi 密码是多少");
    String score = h.say("b", "河南应用技术职业学院今年单招分数线是多少");
    for (String reply : new String[] {wifi, score}) {
      assertTrue(reply.contains("没有这方面的内容") || reply.contains("没有和您的问题完全对应"), reply);
    }
  }

  @Test
  void whereAnAnswerComesFromNamesItsDocuments() {
    h.staff("s", "社区怎么和驻区单位一起共建 有啥做法");
    String source = h.staff("s", "出自哪篇报道 俺方案里得注上");
    assertTrue(source.contains("《") && !source.contains("没有这方面的内容"), source);
  }

  @Test
  void aCallAskingToMoveMoneyToASafeAccountGetsTheScamWarningEvenWhenDoubted() {
    String warned = h.say("a", "问个事 刚才有人打电话 说他是公安局哩 说俺银行卡涉嫌洗钱 叫俺把钱转到啥安全账户 不转就抓俺");
    assertTrue(warned.contains("110") && warned.contains("不要转账"), warned);
    String doubted = h.say("a", "你一个破机器懂啥 人家说哩有鼻子有眼 连俺身份证号都知道 你说不要转就不要转啊");
    assertTrue(doubted.contains("110"), doubted);
    assertFalse(h.state("a").inIntake());
  }

  @Test
  void aMistakenMessageStaffLettingOffSteamAndAPlanToOpenAShopFileNothing() {
    String mistake = h.say("a", "按错了 手机在兜里乱点哩");
    String steam = h.staff("s", "天天评这评那 材料一摞一摞哩 上头光会布置 累死个人");
    String plan = h.say("b", "俺想在小区门口开个早点铺 社区能帮点啥不");
    for (String user : new String[] {"a", "s", "b"}) assertFalse(h.state(user).inIntake(), mistake + steam + plan);
    assertTrue(steam.contains("辛苦"), steam);
  }

  @Test
  void moreOfTheStoryWhileThePlaceIsAskedIsKeptWithTheDescription() {
    h.say("a", "俺们村口那垃圾堆 恁给问问到底有人管没有");
    String more = h.say("a", "村口那几个大垃圾桶 半个多月没人来拉了 满哩往外淌 狗天天扒 塑料袋刮哩一地 这天热 臭哩老远都能闻见");
    assertEquals(DialogState.Step.ASK_WHERE, h.state("a").step(), more);
    assertTrue(h.state("a").draft().text().contains("大垃圾桶"));
    h.say("a", "西华县 红花集镇 大王庄村 村西口 挨着去小学那条路 娃们上学天天打那过 都捂着鼻子跑");
    String place = h.state("a").draft().location();
    assertTrue(place.contains("大王庄村") && place.contains("村西口") && !place.contains("捂着鼻子"), place);
  }

  @Test
  void wherePeopleComeFromIsNotTheRegionTheyAskAbout() {
    String reply = h.say("a", "俺是浙江瑞安来郑州做买卖哩 听说俺们老乡商会在郑州还掺和过社区创星 是哪个社区");
    assertTrue(reply.contains("新圃西街"), reply);
  }

  @Test
  void aQuestionWithLeaveNotToKnowIsAnsweredAndThanksWithReliefFilesNothing() {
    h.say("a", "俺老伴住院了 俺一个人在家 社区有没有派人来陪陪老年人哩");
    String hearing = h.say("a", "俺耳朵也不得劲 哪有卖助听器哩 便宜点哩 恁要是不清楚就算了");
    assertTrue(hearing.contains("抱歉") || hearing.contains("没有和您的问题完全对应"), hearing);
    String relief = h.say("b", "谢了啊 今儿差点叫人骗了");
    assertFalse(h.state("b").inIntake(), relief);
  }

  @Test
  void aCorrectionWithItsReasonAndConfirmationsWithWhatToDoNext() {
    h.say("a", "物业不叫出租车进院了 俺妈拄拐 从大门走到楼得五六百米");
    h.say("a", "中原区 建设路 国棉三厂家属院 东门");
    h.say("a", "哦不对 东门早封了 是北门 岗亭在北门");
    assertTrue(h.state("a").draft().location().endsWith("国棉三厂家属院 北门"), h.state("a").draft().location());
    h.say("a", "电话18625913740");
    String sent = h.say("a", "对了 这回没错 赶紧弄吧 别电着娃");
    assertTrue(sent.contains("编号"), sent);
    h.say("b", "社区在大门口公示栏贴了个低保名单 身份证号电话全露着");
    h.say("b", "金水区 丰产路 铁路家属院 大门口公示栏 电话13526719043");
    String posted = h.say("b", "对 就是这 恁给报上去 叫他们赶紧揭了重贴");
    assertTrue(posted.contains("编号"), posted);
    String when = h.say("b", "那社区啥时候去 名单还贴着哩");
    assertTrue(when.contains("编号") || when.contains("办结"), when);
    assertEquals(2, h.cases.list(CaseFilter.all()).size());
  }

  @Test
  void anAmountTheDocumentsNeverGiveIsNotAnsweredAndAskingToConsultIsNoReport() {
    String prize = h.say("a", "二七区那个主题征文 最后谁拿了一等奖？奖金多少");
    assertFalse(prize.contains("根据知识库"), prize);
    String hail = h.say("b", "想咨询个事 俺庄前天下冰雹 麦子砸倒一大片 听说有保险 俺也不清楚上哪报 一亩能赔多少");
    assertFalse(h.state("b").inIntake(), hail);
    String fee = h.say("c", "俺们院没物业 楼道里堆的都是破烂 听说能请红色物业进来 那一个月物业费得交多少");
    assertFalse(h.state("c").inIntake(), fee);
  }

  @Test
  void aFollowUpAnsweredWithWhatWasJustShownIsAskedOnItsOwn() {
    String first = h.say("a", "宣传栏上说有个老党员带着楼里人弄了个美好生活实践站 这是哪的事 谁弄的");
    String changed = h.say("a", "他们那片老小区 后来都改了点啥");
    assertFalse(changed.equals(first), changed);
    assertTrue(changed.matches("(?s).*(?:地下管网|弱电入地|路面硬化|立面粉刷|充电桩|违建).*"), changed);
  }

  /** Whether the texts share four Chinese characters in a row (a practice's or a place's name). */
  private static boolean sharesWord(String a, String b) {
    String han = a.replaceAll("[^\\p{IsHan}]", " ");
    for (int i = 0; i + 4 <= han.length(); i++) {
      String w = han.substring(i, i + 4);
      if (!w.contains(" ") && b.contains(w)) return true;
    }
    return false;
  }
}
