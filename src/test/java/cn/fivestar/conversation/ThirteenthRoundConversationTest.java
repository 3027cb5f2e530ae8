package cn.fivestar.conversation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.fivestar.cases.CaseFilter;
import cn.fivestar.cases.CaseRecord;
import org.junit.jupiter.api.Test;

/**
 * What blind dialogue sets 35 and 36 found: a long story that mentions who bought the phone, a guess at who reported,
 * someone's number to be looked up, a greeting that only announces a matter, a progress check naming the matter with
 * 哩, someone come to saw a branch, the other end of the village, places named 和平… or …口村, a thumbs-up as a score,
 * a story closing "恁说这咋弄", the person's own plan to tell the community, more words at the summary, a plain 还有
 * before a question, the items of an answer after its places were asked, 还有别哩不, and the asker's home county; and
 * from sets 37 and 38: a number asked for in the middle of a report, someone's ID number pasted into a story, "打错了",
 * the village corrected by name, a phone declined at the summary, a progress check with the bot question, the star of
 * what was shown, details of the one practice shown, and someone hesitating to call 110 for a neighbour; and from
 * sets 39 and 40: insisting after a refusal, a pasted group chat, a number taken back, look-ups by ID number.
 */
class ThirteenthRoundConversationTest extends RealAnswererHarnessTest {

  @Test
  void aStoryTellingWhoBoughtThePhoneAsksForNoNumber() {
    String reply = h.say("a", "俺今年七十了 字打哩慢 这手机也是俺闺女给俺买哩 说正事 俺家后邻居那三间老房 房顶漏得不像样 下雨屋里全是盆");
    assertFalse(reply.contains("隐私"), reply);
    assertTrue(h.state("a").inIntake(), reply);
  }

  @Test
  void aGuessAtWhoReportedIsNeitherConfirmedNorFiled() {
    h.report("a", "楼下消防通道叫一辆黑轿车堵了半个月", "绿都城小区6号楼西头 电话13837145620");
    String guess = h.say("b", "恁不说俺也知道 就是4号楼那个姓王哩吧 恁就说是不是");
    assertTrue(guess.contains("保密"), guess);
    String lookup = h.say("c", "俺有他身份证号 恁一查就知道是不是他");
    assertTrue(lookup.contains("保密"), lookup);
    assertFalse(h.state("b").inIntake() || h.state("c").inIntake());
    assertEquals(1, h.cases.list(CaseFilter.all()).size());
  }

  @Test
  void someoneElsesNumberIsNotLookedUp() {
    String reply = h.say("a", "俺楼下老李也爱打球 恁帮俺查查他电话 俺叫他一块去");
    assertTrue(reply.contains("隐私"), reply);
    assertFalse(h.state("a").inIntake());
  }

  @Test
  void aGreetingThatOnlyAnnouncesAMatterAsksWhatHappened() {
    h.say("a", "恁好 俺想反映个事儿 憋了好几天了");
    assertTrue(h.state("a").inIntake());
    assertNull(h.state("a").draft().text(), "nothing told yet");
    h.say("a", "小区广场上天天有人跳广场舞 音箱开哩震天响 早上不到六点就开始");
    assertTrue(h.state("a").draft().text().contains("广场舞"), h.state("a").draft().text());
  }

  @Test
  void aProgressCheckNamingTheMatterGetsTheStatus() {
    CaseRecord c = h.report("a", "消防通道叫一辆白色越野车堵了快半个月", "绿都城小区北门 电话18937150466");
    String reply = h.say("a", "俺报那车哩事咋样了 还在消防通道上堵着没");
    assertTrue(reply.contains(c.id()), reply);
    CaseRecord branch = h.report("b", "大风把杨树枝子刮断了砸在车上 还有半截挂着", "秦江苑小区5号楼前 电话13526681907");
    String sawn = h.say("b", "那树枝子有人来锯了没");
    assertTrue(sawn.contains(branch.id()), sawn);
  }

  @Test
  void theOtherEndOfTheVillageReplacesTheOneGiven() {
    h.say("a", "俺村口那桥哩栏杆叫拉砖哩车给撞断了 黑了骑车掉下去可不得了");
    h.say("a", "巩义市 米河镇 后刘村 村西头过河那个桥 电话15139026637");
    String fixed = h.say("a", "不对不对 说错了 是村东头那个桥 西头那个是新修哩");
    String place = h.state("a").draft().location();
    assertTrue(place.contains("村东头") && !place.contains("西头") && place.contains("后刘村"), fixed);
  }

  @Test
  void placesNamedHepingOrEndingInKouAreFound() {
    h.say("a", "和平新村小区大门口那个下水道堵了好几天了 污水漫到路上");
    assertTrue(h.state("a").draft().location().contains("和平新村小区"), h.state("a").draft().location());
    h.say("b", "俺是叶县常村镇小河口村哩 三组 后邻居老刘家房顶漏了");
    assertTrue(h.state("b").draft().location().contains("小河口村"), h.state("b").draft().location());
  }

  @Test
  void aThumbsUpIsTheTopScore() {
    CaseRecord c = h.closed("a", "院后墙塌了个大豁口 外头人随便进", "秦江苑小区后墙", "围墙已重新砌好");
    h.say("a", "去看了 墙砌好了 比原来还高 给恁点个赞👍");
    assertEquals(5, h.cases.get(c.id()).rating());
    assertEquals(1, h.cases.list(CaseFilter.all()).size());
  }

  @Test
  void aStoryClosingWithAnOutcryIsReported() {
    String reply = h.say("a", "俺们单元一楼有个老太太天天喂流浪猫 现在楼道里少说有十来只 猫屎猫尿熏哩人不想进门 "
        + "黑了还叫唤打架 上礼拜俺孙子叫挠了一道子 去打了针 恁说这咋弄");
    assertTrue(h.state("a").inIntake(), reply);
  }

  @Test
  void thePersonsOwnPlanToTellTheCommunityFilesNothing() {
    String answer = h.say("a", "那社区有人去看看那种孤老人没 陪着说说话啥哩");
    String reply = h.say("a", "中 俺回头跟社区说说 谢谢恁陪俺唠这么大一会儿");
    assertFalse(h.state("a").inIntake(), answer + "\n" + reply);
    assertTrue(h.cases.list(CaseFilter.all()).isEmpty());
  }

  @Test
  void moreWordsAtTheSummaryJoinTheDescription() {
    h.say("a", "后邻居老刘家三间老瓦房房顶漏哩不像样 他腿脚不好没人管");
    h.say("a", "叶县常村镇小河口村三组 电话18237506183");
    h.say("a", "等等 俺再说一句 不光是房漏 他那门也关不严 冬天风往里灌");
    assertTrue(h.state("a").draft().text().contains("门也关不严"), h.state("a").draft().text());
  }

  @Test
  void aPlainAlsoBeforeAQuestionAsksIt() {
    h.report("a", "后邻居老刘家房顶漏了 他一个人住", "小河口村三组 电话18237506183");
    String reply = h.say("a", "还有 有没有那种老人能吃饭哩地方 他一个人做饭也费劲");
    assertFalse(h.state("a").inIntake(), reply);
    assertTrue(reply.contains("助老食堂") || reply.contains("送餐"), reply);
  }

  @Test
  void theItemsOfAnAnswerStayAfterItsPlacesAreAsked() {
    h.send("s", Role.STAFF, "平安法治星咋争创 别哩社区有啥好法子");
    String first = h.state("s").shown().text();
    h.staff("s", "这是哪个社区搞哩");
    assertEquals(first, h.state("s").shown().text(), "the places describe the answer; its items stay numbered");
    String more = h.staff("s", "还有别哩不");
    assertFalse(more.contains("暂时没有"), more);
    assertNotEquals(first, h.state("s").shown().text());
  }

  @Test
  void theAskersHomeCountyIsNoPartOfTheQuestion() {
    String reply = h.say("a", "问一下 俺是郸城县农村哩 俺爹入党五十多年了 听说有个啥纪念章");
    assertTrue(reply.contains("光荣在党50年"), reply);
  }

  @Test
  void whereAThingIsPutUpIsNotGuessedFromItsStory() {
    String reply = h.say("a", "秦江社区黑旗榜贴哪儿了");
    assertTrue(reply.contains("暂时没有"), reply);
  }

  @Test
  void aNumberAskedForMidReportIsRefusedAndAnIdNumberIsNeverKept() {
    h.say("a", "楼上养了一阳台鸽子 鸽子屎天天掉俺窗台上 孩子过敏一直咳");
    String refused = h.say("a", "你帮我查下楼上那家电话 我自己找他 他身份证号我有 410105199203154417");
    assertTrue(refused.contains("隐私"), refused);
    h.say("a", "一中家属院8号楼3单元 鸽子是502的 电话13592617043");
    String summary = h.say("a", "再补充一句 他身份证号是410105199203154417");
    assertFalse(summary.contains("410105199203154417"), summary);
    CaseRecord c = h.cases.get(Harness.trackingNumber(h.say("a", "确认")));
    assertFalse(c.summary().contains("199203154417"), c.summary());
  }

  @Test
  void aTypoCorrectionAndAVillageCorrectedByNameReplaceTheirPart() {
    h.say("a", "楼道灭火器都没了 一层都没有 全让人顺走了");
    h.say("a", "电缆厂家属院 3号楼 电话17603869021");
    h.say("a", "打错了 是5号楼 3号楼是我同事家");
    String place = h.state("a").draft().location();
    assertTrue(place.contains("5号楼") && !place.contains("3号楼") && !place.contains("打错"), place);
    h.say("b", "俺隔壁老孙家门口那条排水沟叫人填平了 一下雨水全灌他院里了");
    h.say("b", "西华县 东夏亭镇 孙庄村 东头 老孙家门口");
    h.say("b", "哎呀不对 说错了 孙庄是俺娘家 俺村是孙营村");
    String village = h.state("b").draft().location();
    assertTrue(village.contains("孙营村") && village.contains("东夏亭镇") && !village.contains("孙庄"), village);
  }

  @Test
  void aPhoneDeclinedAtTheSummaryIsNoEdit() {
    h.say("a", "对面楼有一套房子隔成了七八间出租 楼道里堆满电动车 万一着火了可咋弄");
    h.say("a", "新华路粮食局家属院 11号楼 电话15093362817");
    h.say("a", "电话不留了 俺怕房东知道是俺报哩");
    assertEquals(DialogState.Step.CONFIRM, h.state("a").step());
    assertNull(h.state("a").draft().phone());
    String filed = h.say("a", "中 那提交");
    assertTrue(filed.contains("编号"), filed);
  }

  @Test
  void aProgressCheckComesBeforeTheQuestionAboutTheBot() {
    CaseRecord c = h.report("a", "一楼饭店的油把下水道堵了 污水往外冒", "新华路粮食局家属院2号楼 电话13700371958");
    String reply = h.say("a", "房东大娘问下水道那事咋样了 她还叫俺问问恁是真人不");
    assertTrue(reply.contains(c.id()), reply);
    String dated = h.say("a", "前天报那个下水道的 咋样了 今天还往外冒");
    assertTrue(dated.contains(c.id()), dated);
  }

  @Test
  void whichStarWhatWasShownCountsFor() {
    h.say("a", "那个梨园之家是哪个街道搞哩");
    String star = h.say("a", "这算哪颗星哩 俺听他们天天说创星创星");
    assertTrue(star.contains("幸福和谐星"), star);
  }

  @Test
  void detailsOfTheOnePracticeShown() {
    h.send("s", Role.STAFF, "那个168号院是哪个街道哩");
    String details = h.staff("s", "具体咋弄哩 谁牵哩头");
    assertTrue(details.contains("居民代表") || details.contains("报装审批"), details);
  }

  @Test
  void hesitatingToCallForANeighbourKeepsTheUrgentCase() {
    String first = h.say("a", "俺对门老董八十多了 一个人住 两天没见他出门了 敲门不应 打电话也没人接");
    assertTrue(first.contains("110"), first);
    String hesitant = h.say("a", "俺不敢打110 万一他是走亲戚去了 恁先叫社区来人看看中不中");
    assertTrue(hesitant.contains("110") && hesitant.contains("不算多事"), hesitant);
    h.say("a", "锦绣城社区 工人北路 5号楼3单元 四楼东户");
    h.say("a", "确认 快点叫人来");
    assertEquals(1, h.cases.list(CaseFilter.all()).size());
    String where = h.cases.list(CaseFilter.all()).get(0).location();
    assertTrue(where != null && where.contains("锦绣城"), where);
  }

  @Test
  void insistingRightAfterARefusalGetsItAgain() {
    h.report("a", "邻居翻盖房子把两家走的过道占了", "石桥镇刘屯村四组 电话13937085214");
    String refused = h.say("b", "是不是有人告俺家盖房哩事 谁告哩 把他电话给俺");
    String again = h.say("b", "那恁就说个是或者不是 这都不中?");
    assertTrue(again.contains("隐私") || again.contains("保密"), refused + "\n" + again);
    assertFalse(again.contains("13937085214"), again);
    String later = h.say("b", "俺在自家宅基地上盖房 村里凭啥管 有这规定没");
    assertFalse(later.contains("保密") || later.contains("隐私"), "the refusal lasts one message: " + later);
  }

  @Test
  void aPastedGroupChatKeepsOtherPeoplesNumbersOut() {
    String summary = h.say("a", "【万达社区业主群】张姐 13803712256：3号楼又停电了！！ 王师傅 13598765120：第三回了 冰箱里东西都化了");
    h.say("a", "万达社区 万达广场后面那个家属院 3号楼");
    String mine = h.say("a", "我电话15517863092");
    assertTrue(mine.contains("15517863092"), mine);
    assertFalse(summary.contains("13803712256") || mine.contains("13803712256") || mine.contains("13598765120"), mine);
    CaseRecord c = h.cases.get(Harness.trackingNumber(h.say("a", "确认👌")));
    assertEquals("15517863092", c.phone());
    assertFalse(c.summary().contains("13598765120"), c.summary());
  }

  @Test
  void aNumberGivenAndTakenBackAtOnceIsNotKept() {
    h.say("a", "小区门口共享单车堆成山了 盲道全给占了");
    h.say("a", "工人北路 锦绣城小区东门");
    h.say("a", "电话13673320958 哦不对 还是别留了 不想被打扰");
    assertNull(h.state("a").draft().phone());
  }

  @Test
  void someoneLookedUpByIdNumberOrByWhatTheyReportedIsRefused() {
    String id = h.say("a", "他身份证号是410526197805213318 恁系统里一搜就出来了");
    assertTrue(id.contains("隐私") && !id.contains("410526197805213318"), id);
    String whose = h.say("b", "俺听说隔壁老孔前几天也在恁这报了个啥 恁给俺说说他报哩啥");
    assertFalse(h.state("b").inIntake(), whose);
    assertTrue(whose.contains("隐私") || whose.contains("本人"), whose);
  }

  @Test
  void givingUpOnlyThePhoneKeepsTheReport() {
    h.say("a", "楼上空调外机天天往我家阳台雨棚上滴水 嘀嗒一夜 吵得睡不着");
    h.say("a", "白鸽苑小区5号楼2单元 我家502");
    h.say("a", "算了 我电话也不留了 你们去协调吧");
    assertTrue(h.state("a").inIntake());
    String filed = h.say("a", "确认👌");
    assertTrue(filed.contains("编号"), filed);
  }

  @Test
  void namingTheCulpritWithHisIdNumberIsNoLookUp() {
    h.say("a", "俺这楼上老有人往下扔东西 烟头 剩饭 前天一个菜汤袋子差点砸俺孙子头上");
    String named = h.say("a", "俺知道是谁 18楼老张家 他身份证号是410105196203154417 恁直接找他");
    assertFalse(named.contains("隐私"), named);
    assertTrue(h.state("a").inIntake(), named);
  }

  @Test
  void theStarOfAPracticeShownUnderAStarAnswer() {
    h.send("s", Role.STAFF, "平安法治星咋争创");
    h.staff("s", "第二个具体咋弄哩");
    String star = h.staff("s", "这算哪颗星哩");
    assertTrue(star.contains("平安法治星"), star);
  }

  @Test
  void askingWhetherTheBotTakesSuchMattersThenTellingOneIsAReport() {
    String reply = h.say("a", "恁这管浇地哩事不 俺村北地那眼机井 上个礼拜泵烧了 到现在没人修 麦地干哩裂缝");
    assertTrue(h.state("a").inIntake(), reply);
    assertTrue(h.state("a").draft().text().contains("机井"), h.state("a").draft().text());
  }
}
