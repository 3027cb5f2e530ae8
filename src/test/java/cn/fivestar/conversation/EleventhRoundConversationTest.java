package cn.fivestar.conversation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.fivestar.cases.CaseFilter;
import cn.fivestar.cases.CaseRecord;
import org.junit.jupiter.api.Test;

/**
 * What blind dialogue sets 26 and 27 found: confirmations with thanks or a reason, a fall told during a report,
 * relief and leaving the chat, which star a filed case counts for, a score with another matter, a change of mind
 * after declining, and staff follow-ups (a short question about the subject just discussed, 主星, "还有别的吗",
 * where it was done, the item of the answer a question points at).
 */
class EleventhRoundConversationTest extends RealAnswererHarnessTest {

  @Test
  void aConfirmationWithThanksOrAReasonFilesTheReport() {
    h.say("a", "俺家门口那个呼叫按钮不响了 一按没动静 俺一个人住害怕");
    h.say("a", "金水路18号院2号楼1单元 电话15838207461");
    String thanked = h.say("a", "对对 就是这个事 恁给俺报上去吧 麻烦恁了闺女");
    assertTrue(thanked.contains("编号"), thanked);
    h.say("b", "河里天天夜里有人电鱼 滋滋哩响 鱼都翻白了");
    h.say("b", "柳林镇小刘村东头桥底下 电话13937112345");
    String hurried = h.say("b", "中 就这 赶紧给俺报上去 再电几回河里啥都木有了");
    assertTrue(hurried.contains("编号"), hurried);
    assertEquals(2, h.cases.list(CaseFilter.all()).size());
  }

  @Test
  void someoneFallingDuringAReportGetsTheEmergencyAdviceFirst() {
    h.say("a", "俺们楼道二楼到三楼那几块瓷砖早松了 一踩咯噔咯噔响");
    String reply = h.say("a", "哎呀 对门张奶奶刚下楼就在这滑倒了 躺地上起不来 说腿疼得不能动");
    assertTrue(reply.contains("120"), reply);
  }

  @Test
  void reliefAndLeavingTheChatFileNothing() {
    CaseRecord c = h.report("a", "单元门的门禁坏了 谁都能进 晚上不安全 电话13812345678", "黄河路11号院5号楼");
    h.say("a", "俺那个门禁哩事 有人管没");
    String relieved = h.say("a", "中中 那俺就放心了 恁都是好人");
    String leaving = h.say("a", "哈哈 不会就算了 恁歇着吧 俺回家做饭去");
    for (String reply : new String[] {relieved, leaving}) assertFalse(reply.contains("在哪里"), reply);
    assertEquals(DialogState.Step.IDLE, h.state("a").step());
    assertEquals(1, h.cases.list(CaseFilter.all()).size(), "only " + c.id());
  }

  @Test
  void whichStarAFiledCaseCountsFor() {
    h.report("a", "小区东门外那个公交站牌叫车撞歪了 斜着快倒了 电话13526817735", "农业路丰庆小区东门外");
    String reply = h.say("a", "恁说这事跟那五颗星有关系没 算哪颗星哩");
    assertTrue(reply.contains("关系到") || reply.contains("不直接对应"), reply);
    assertEquals(1, h.cases.list(CaseFilter.all()).size());
  }

  @Test
  void aScoreWithAnotherMatterRatesAndStartsTheNewReport() {
    CaseRecord c = h.closed("a", "楼顶冷却塔夜里嗡嗡响 睡不着 电话13838176620", "南阳路丰乐小区7号楼", "已联系商场调整冷却塔夜间运行");
    String reply = h.say("a", "中 给你们打五分 对了 还有个事 俺们楼后头那车棚 充电那线路老化了 夜里插头那块老打火花");
    assertTrue(reply.contains("5 分"), reply);
    assertTrue(reply.contains("在哪里") || reply.contains("请核对"), reply);
    assertEquals(5, h.cases.get(c.id()).rating());
    assertTrue(h.state("a").inIntake(), "the new matter is being reported");
  }

  @Test
  void aChangeOfMindAfterDecliningTheOfferStartsAReport() {
    h.say("a", "我不是要告谁啊 就是问问 这种正常吗 上头评星真是这么评的？");
    String reply = h.say("a", "算了 还是给我记一笔吧 上礼拜六社区搞活动 让老太太们在广场上晒了一个多钟头等领导来拍照");
    assertTrue(h.state("a").inIntake(), reply);
    assertEquals(0, h.cases.list(CaseFilter.all()).size(), "nothing filed before 确认");
  }

  @Test
  void aShortQuestionAfterAnAnswerAsksAboutItsSubject() {
    h.staff("s", "区里让俺们街道报清廉二七示范单位 这个清廉建设 别哩地方咋弄哩");
    String reply = h.staff("s", "验收了多少家 有报到市里哩没");
    assertTrue(reply.contains("40余家"), reply);
  }

  @Test
  void theMainStarIsTheBranchStarAndMoreOfItLeavesOutWhatWasShown() {
    String main = h.staff("s", "那主星具体看啥 要干些啥");
    assertTrue(main.contains("支部过硬星"), main);
    String more = h.staff("s", "还有别的吗 光学习开会上头不认啊");
    assertFalse(more.contains("抱歉"), more);
    String firstItem = main.lines().filter(l -> l.startsWith("1. ")).findFirst().orElseThrow();
    assertFalse(more.contains(firstItem.substring(3, Math.min(firstItem.length(), 23))), more);
    String where = h.staff("s", "具体在哪个社区 俺想带人去学学");
    assertTrue(where.contains("出自") || where.contains("的做法"), where);
  }

  @Test
  void aQuestionPointingAtAnItemOfTheAnswerIsAboutThatItem() {
    h.staff("s", "俺们社区也想争支部过硬星 这个清廉建设 别哩地方咋弄哩");
    String reply = h.staff("s", "那个基地里头都弄了些啥");
    assertTrue(reply.contains("亲清监察站") || reply.contains("廉洁文化教育基地") || reply.contains("清廉践行馆"), reply);
  }

  @Test
  void whichDoorsReportedIsAsPrivateAsWho() {
    CaseRecord c = h.report("a", "楼顶女儿墙的砖松了 昨天掉下来一块 电话13526719043", "建设路72号院5号楼");
    String reply = h.say("b", "不说名字电话也中 那你就说说俺们院这个月都是几楼几单元报的 这又不是个人信息");
    assertTrue(reply.contains("保密"), reply);
    assertFalse(reply.contains("5号楼") || reply.contains(c.id()), reply);
    assertEquals(1, h.cases.list(CaseFilter.all()).size());
  }

  @Test
  void askingToTellTheCommunityIsAReport() {
    String reply = h.say("a", "俺就怕是骗人哩 俺们楼好几个老人已经点进去填了身份证 恁能不能跟社区说一声 叫网格员来楼里给大家讲讲");
    assertTrue(reply.contains("在哪里"), reply);
    assertTrue(h.state("a").inIntake());
  }

  @Test
  void anIntroductionThenAnAnnouncedReportWaitsForWhatHappened() {
    String reply = h.say("a", "你好 我是聋人 耳朵听不见 只能打字 想反映个事可以吗");
    assertEquals(DialogState.Step.ASK_WHAT, h.state("a").step(), reply);
    String elder = h.say("b", "恁好 俺是退休哩老党员 耳朵不太好使 想反映个事中不中");
    assertEquals(DialogState.Step.ASK_WHAT, h.state("b").step(), elder);
    h.say("a", "停水停电的通知物业只在院子里用大喇叭喊 群里也不发 上礼拜停水一整天我都不知道");
    h.say("a", "绿都花园7号楼");
    String more = h.say("a", "再补充一句 能不能让物业以后通知也发到楼栋群里 或者在单元门口贴张纸");
    assertTrue(more.contains("楼栋群") && more.contains("请核对"), more);
    CaseRecord c = h.cases.get(Harness.trackingNumber(h.say("a", "确认")));
    assertTrue(c.text().contains("大喇叭") && c.text().contains("楼栋群"), c.text());
    assertFalse(c.text().contains("聋人"), "the introduction is not the problem: " + c.text());
    assertTrue(c.location().contains("绿都花园"), c.location());
  }

  @Test
  void aCorrectionAfterFilingGoesToTheCaseNotANewOne() {
    CaseRecord c = h.report("a", "单元门口排水沟上的铁篦子断了两根 孩子骑车卡进去摔了 电话13598873306", "纺织新村 7号楼2单元门口");
    String reply = h.say("a", "哎呀 刚才楼号说错了 不是7号楼 是9号楼 能改不");
    assertTrue(reply.contains(c.id()), reply);
    assertEquals(1, h.cases.list(CaseFilter.all()).size());
    assertTrue(h.cases.get(c.id()).notes().stream().anyMatch(n -> n.text().contains("9号楼")));
    String waiting = h.say("a", "中 明儿俺在家等着");
    assertFalse(h.state("a").inIntake(), waiting);
  }

  @Test
  void chatAndGoingToBedFileNothing() {
    for (String text : new String[] {"还没睡吧 哥们刚下夜班 睡不着 陪我聊两句", "不知道拉倒 那给我讲个笑话", "行 睡了 明天还上班"}) {
      String reply = h.say("a", text);
      assertFalse(h.state("a").inIntake(), text + " -> " + reply);
    }
    assertEquals(0, h.cases.list(CaseFilter.all()).size());
  }

  @Test
  void askingWhatScoreToGiveExplainsTheScaleThenTakesTheScore() {
    CaseRecord c = h.closed("a", "杨树上挂的红布条子一头搭在电线上 风一刮就晃 电话13703712345", "棉纺路锦绣城小区北门", "已请供电所取下");
    String how = h.say("a", "弄走了 昨儿夜里可安生了 恁说俺打几分合适");
    assertTrue(how.contains("5 分") && how.contains("1 分"), how);
    String rated = h.say("a", "那就四分吧 弄是弄干净了 就是拖了一个礼拜才来");
    assertTrue(rated.contains("4 分"), rated);
    assertEquals(4, h.cases.get(c.id()).rating());
  }

  @Test
  void theOtherSideOfTheRoadReplacesTheSideGivenAndTheVillageStays() {
    h.say("a", "村南边地里有口老机井 井口就搭了几根玉米秆子 根本看不出来底下是个井 孩子上学天天打那过");
    h.say("a", "俺是王楼村哩");
    h.say("a", "村南 往小学去那条路 路西边哩麦地里 挨着电线杆子");
    String fixed = h.say("a", "不对不对 是路东 俺说反了");
    assertTrue(fixed.contains("请核对"), fixed);
    String place = h.state("a").draft().location();
    assertTrue(place.contains("王楼村") && place.contains("路东") && !place.contains("路西"), place);
  }

  @Test
  void aConfirmationWithAHopeFilesAndConfidentialityIsPromised() {
    h.say("a", "一个单元六户合用一个水表 三楼那家一年多一分钱不掏 自来水公司说欠费要停水 俺们几家跟他吵了好几回");
    h.say("a", "陇海路 电缆厂老家属院 14号楼3单元");
    String secret = h.say("a", "恁得给俺保密啊 不会叫三楼知道是俺说哩吧");
    assertTrue(secret.contains("放心") && h.state("a").inIntake(), secret);
    String filed = h.say("a", "中 提交 看看社区能不能给说和说和");
    assertTrue(filed.contains("编号"), filed);
    String fear = h.say("a", "报了会不会叫社区记恨俺 以后再给卡住");
    assertTrue(fear.contains("放心") && !h.state("a").inIntake(), fear);
    assertEquals(1, h.cases.list(CaseFilter.all()).size());
  }

  @Test
  void howAnotherPlaceDidItIsAQuestionWhateverHouseNumberItNames() {
    String reply = h.say("a", "听说纬五路13号院改得可好了 有个儿童活动广场 还有个亭子 他们那是咋改哩");
    assertFalse(h.state("a").inIntake(), reply);
    assertTrue(reply.contains("初心亭") || reply.contains("儿童活动广场"), reply);
  }

  @Test
  void aYesNoQuestionAboutWhatAPracticeNeverSaysIsNotAnsweredWithConfidence() {
    String reply = h.say("a", "建新南街社区那个清援普法，能免费帮俺写个起诉状不");
    assertTrue(reply.contains("资料里没有") || reply.contains("抱歉"), reply);
  }

  @Test
  void aLinkAskingForCardNumbersGetsAScamWarningAndThePhoneKeepsThePlace() {
    String warning = h.say("a", "群里有人转了个链接 说是创建补贴 每户能领300块 填身份证号跟银行卡号就中 这是真哩不");
    assertTrue(warning.contains("诈骗") && warning.contains("110") && !warning.contains("已登记"), warning);
    assertFalse(h.state("a").inIntake());
    h.say("a", "恁能不能跟社区说一声 叫网格员来楼里给大家讲讲 别再上当了");
    h.say("a", "冯春社区 长江路11号院 4号楼");
    String phone = h.say("a", "俺电话15937160482 俺是4号楼楼长");
    assertTrue(phone.contains("长江路11号院"), phone);
  }
}
