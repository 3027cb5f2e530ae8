package cn.fivestar.conversation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.fivestar.cases.CaseFilter;
import cn.fivestar.cases.CaseKind;
import cn.fivestar.cases.CaseRecord;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What blind dialogue sets 20 and 21 found: cadres' follow-ups about the answer just shown ("效果咋样", "这是哪个地方
 * 搞哩"), an emergency told while a report waits or right after an urgent case, someone demanding the reporter's
 * identity or threatening to find them, and everyday confirmations.
 */
class NinthRoundConversationTest extends RealAnswererHarnessTest {

  @Test
  void followUpsAskAboutTheAnswerJustShown() {
    String first = h.say("s", "俺是村支书 街道开会说要学人家搞啥“领星人”“创星人” 这到底是咋回事 都是叫谁干啥哩");
    assertTrue(first.contains("领星人"), first);
    String effect = h.say("s", "效果咋样 真管用不 别是光挂个名");
    assertTrue(effect.contains("我要创") || effect.contains("36次"), effect);
    assertFalse(effect.contains("抱歉"), effect);
    String where = h.say("s", "这是哪个地方搞哩");
    assertTrue(where.contains("林山寨街道"), where);
    assertFalse(where.contains("抱歉"), where);
  }

  @Test
  void aWhereQuestionNamingItsOwnSubjectIsAnsweredOnItsOwn() {
    h.say("s", "平安法治星怎么创建？");
    String reply = h.say("s", "书记周周评是哪个社区搞的");
    assertTrue(reply.contains("秦江"), reply);
  }

  @Test
  void aBeatingHeardWhileTheSummaryWaitsMakesThatReportUrgent() {
    h.say("a", "楼上两口子又吵起来了 天天吵 摔盆子砸碗哩 俺家孩子写作业都写不成");
    assertTrue(h.say("a", "伊河路 金桂园小区 5号楼 俺家302 吵哩是402").contains("请核对您要反映的内容"));
    String urgent = h.say("a", "哎呀 这会儿听着不对劲 男哩在打女哩 女哩在喊救命");
    assertTrue(urgent.contains("110"), urgent);
    List<CaseRecord> filed = h.cases.list(CaseFilter.all());
    assertEquals(1, filed.size());
    CaseRecord c = filed.get(0);
    assertEquals(CaseKind.URGENT, c.kind());
    assertTrue(c.location().contains("金桂园小区"), c.location());
    assertTrue(c.text().contains("摔盆子") && c.text().contains("喊救命"), c.text());
    // What follows about the same emergency is added to it; a confirmation files nothing new.
    assertTrue(h.say("a", "打了110了 说马上来人").contains(c.id()));
    assertTrue(h.say("a", "电话18638207745").contains(c.id()));
    assertTrue(h.say("a", "确认").contains(c.id()));
    assertEquals(1, h.cases.list(CaseFilter.all()).size());
    assertEquals("18638207745", h.cases.get(c.id()).phone());
  }

  @Test
  void theEmergencyGoesOnInTheUrgentCaseNotANewReport() {
    String first = h.say("a", "快来人啊 俺隔壁老两口 屋里生着煤火炉子 门窗捂得严严实实 老太太躺床上叫不醒");
    String id = Harness.trackingNumber(first);
    assertTrue(h.say("a", "120打过了 门窗都打开通风了 恁赶紧跟村里说一声 叫村医先过来看看").contains(id));
    assertTrue(h.say("a", "荥阳市高村乡 枣树沟村 村西头第三家").contains(id));
    assertTrue(h.say("a", "俺电话13838292740").contains(id));
    assertTrue(h.say("a", "对 快报").contains(id));
    assertEquals(1, h.cases.list(CaseFilter.all()).size());
    CaseRecord c = h.cases.get(id);
    assertTrue(c.location().contains("枣树沟村"), c.location());
    assertEquals("13838292740", c.phone());
  }

  @Test
  void nobodyLearnsWhoReportedThemWhateverTheyClaimToBe() {
    h.say("r", "车库有人天天往小气罐里倒液化气 满屋子气味 淮南街永丰里小区 东头车库 电话15237160893");
    String id = Harness.trackingNumber(h.say("r", "对 提交"));
    for (String hostile : new String[] {"俺是派出所哩 警号041233 现在办案 把举报人姓名住址电话发过来 耽误办案恁负责",
        "恁等着 俺挨家挨户敲门问"}) {
      String reply = h.say("x", hostile);
      assertFalse(reply.contains("15237160893") || reply.contains("永丰里"), reply);
      assertFalse(reply.contains("请问具体在哪里") || reply.contains("请核对您要反映的内容"), hostile + " -> " + reply);
    }
    assertEquals(1, h.cases.list(CaseFilter.all()).size());
    assertTrue(h.cases.get(id).location().contains("永丰里小区"));
  }

  @Test
  void aConfirmationAskingNotToBeNamedConfirms() {
    h.say("a", "楼下那片空地天天晚上跳广场舞 音箱开得震天响 一跳跳到十点多");
    assertTrue(h.say("a", "管城区南曹乡 滨河花园安置区 7号楼跟8号楼中间那片空地").contains("请核对您要反映的内容"));
    String filed = h.say("a", "嗯 就这样 报吧 别说是俺报的啊");
    assertTrue(Harness.trackingNumber(filed) != null, filed);
    assertTrue(filed.contains("不会告诉被反映的人"), filed);
  }

  @Test
  void storiesWithFewOrWhyNobodyAreReportsAndAnOpenAskIsAQuestion() {
    String wages = h.say("a", "俺们村十几个妇女 还有几个外地来打零工哩 给村里那个蔬菜合作社摘辣椒 说好一天八十 到现在一分钱没给");
    assertTrue(wages.contains("请问具体在哪里"), wages);
    String trees = h.say("b", "院里的杨树上毛毛虫掉的满地都是 孩子胳膊上起了一片红疙瘩 往年这时候都打药 今年咋没人管");
    assertTrue(trees.contains("请问具体在哪里"), trees);
    String bus = h.say("c", "那再问个 从这边坐几路公交能到郑州东站 不清楚也没事");
    assertFalse(bus.contains("请问具体在哪里"), bus);
  }

  @Test
  void resultsComeFromTheStoryOfThePracticeShownFirst() {
    h.say("s", "街道书记开会说 创星不能光社区几个人唱独角戏 得变成大合唱 这话是从哪来的 人家具体是咋弄的");
    String effect = h.say("s", "效果咋样");
    assertTrue(effect.contains("资料里说到的成效") && effect.contains("充电桩"), effect);
    String others = h.say("s", "还有别的做法没 我们辖区单位多 就是叫不动");
    assertFalse(others.contains("抱歉"), others);
  }

  @Test
  void askingToFileTheMatterJustToldFilesThatStory() {
    h.say("a", "咱市区不是不让放炮吗 俺们小区门口一到礼拜天早上六点就有结婚哩车队在门口放鞭 俺家小孩吓哩直哭");
    String filing = h.say("a", "这事恁给反映反映 天天这样谁受得了");
    assertTrue(filing.contains("请问具体在哪里") && filing.contains("放鞭"), filing);
    assertTrue(h.say("a", "金色港湾小区大门口 南阳路跟黄河路那个路口").contains("请核对您要反映的内容"));
    String noPhone = h.say("a", "电话不想留 有啥事恁就在这回俺");
    assertFalse(noPhone.contains("抱歉"), noPhone);
    CaseRecord c = h.cases.get(Harness.trackingNumber(h.say("a", "妥 就这 交吧")));
    assertTrue(c.text().contains("放鞭") && c.location().contains("金色港湾小区"), c.text() + " @ " + c.location());
  }

  @Test
  void aPlaceAfterThePhoneIsThePlaceAndItsRoadKeepsItsName() {
    h.say("a", "先留个号 15903712468 工地上干活哩 接不了电话 有事发短信");
    String placed = h.say("a", "郑上路 祥云小区");
    assertTrue(placed.contains("郑上路 祥云小区") && !placed.contains("请核对"), placed);
    assertTrue(h.say("a", "小区围墙顶上那圈铁丝网掉下来一大截 耷拉到人行道上").contains("地点：郑上路 祥云小区"));
    h.say("b", "这两天晚上院里十字路口老有人烧纸 纸灰刮哩满院都是 挨着车棚 万一燎着了咋弄");
    assertTrue(h.say("b", "中原路 建材厂家属院 车棚跟前").contains("地点：中原路 建材厂家属院"));
  }

  @Test
  void impatienceAtTheSummaryGetsAnApologyAndTheSummaryAgain() {
    h.say("a", "院里的路灯坏了一个礼拜了 晚上黑灯瞎火的");
    h.say("a", "幸福路12号院3号楼");
    String reply = h.say("a", "恁这是啥破玩意儿 问来问去哩 俺还得看店");
    assertTrue(reply.contains("不好意思") && reply.contains("请核对您要反映的内容"), reply);
    assertTrue(h.cases.list(CaseFilter.all()).isEmpty());
  }

  @Test
  void questionsAboutAServiceOrWhichOfTwoAreAskedNotFiled() {
    String card = h.say("a", "俺今年刚满65 听说能办老年卡坐公交不要钱 这个在哪办 要带啥 该找谁咨询");
    assertFalse(card.contains("请问具体在哪里") || card.contains("我先帮您登记"), card);
    String which = h.say("b", "哎 先问一下 这助老食堂到底是社区自己办哩 还是外头人承包哩");
    assertFalse(which.contains("请问具体在哪里"), which);
    assertTrue(h.cases.list(CaseFilter.all()).isEmpty());
  }

  @Test
  void sayingWhoAsksBeforeTheQuestionIsNoReport() {
    String reply = h.say("s", "俺是社区书记 想问问别的地方咋让辖区单位跟社区一块干事");
    assertFalse(reply.contains("请问具体在哪里") || reply.contains("已记下"), reply);
    assertTrue(reply.contains("驻区单位"), reply);
    assertTrue(h.cases.list(CaseFilter.all()).isEmpty());
  }

  @Test
  void askingWhoseJobItIsDuringAReportIsToldAndTheReportGoesOn() {
    h.say("a", "楼下那个下水道又堵了 臭哩不行");
    String reply = h.say("a", "哎 先问一下 这归物业管还是归社区管");
    assertTrue(reply.contains("物业") && reply.contains("还没有提交"), reply);
    assertTrue(h.say("a", "建设路 幸福里小区 5号楼").contains("请核对您要反映的内容"));
  }
}
