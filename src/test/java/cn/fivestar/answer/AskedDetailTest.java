package cn.fivestar.answer;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Details a question asks for that the reports rarely give: the answer must hold them or it answers nothing. */
class AskedDetailTest {
  @Test
  void theSpotAThingIsPutUpIsGivenOnlyByASpot() {
    String q = "幸福社区那个红黑榜张贴在哪";
    assertTrue(AskedDetail.asked(q));
    assertFalse(AskedDetail.given(q, "社区书记在每周一例会上布置任务，周五评出红黑榜。"), "a meeting is no spot");
    assertTrue(AskedDetail.given(q, "红黑榜贴在社区党群服务中心大厅的公示栏里。"));
    assertTrue(AskedDetail.given("充电桩装在哪儿", "最终在北门入口处装了5个充电桩。"));
    assertFalse(AskedDetail.asked("那个站在哪个社区"), "which community is a place of its own kind, asked elsewhere");
  }

  @Test
  void whetherPeopleFromElsewhereMayComeNeedsTheReportToSaySo() {
    String q = "那个助老食堂 外小区哩老人能去吃不";
    assertTrue(AskedDetail.asked(q));
    assertFalse(AskedDetail.given(q, "街道在电缆社区免费提供房屋，引进第三方开办助老食堂。"));
    assertTrue(AskedDetail.given(q, "助老食堂对外开放，周边居民都可就餐。"));
    assertTrue(AskedDetail.asked("外地户口的娃能报名不"));
    assertFalse(AskedDetail.asked("俺把地包给外村人种 两年没给钱"), "no question whether they may");
  }

  @Test
  void aRankingAnInscriptionAndACertificateAreGivenInSoManyWords() {
    assertTrue(AskedDetail.asked("观摩比赛最后哪个村排了第一"));
    assertFalse(AskedDetail.given("观摩比赛最后哪个村排了第一", "街道开展逐村观摩暨书记亮赛比活动。"));
    assertTrue(AskedDetail.given("观摩比赛最后哪个村排了第一", "王庄村排名第一。"));
    assertTrue(AskedDetail.asked("送的那块牌匾上头写的是啥"));
    assertTrue(AskedDetail.given("送的那块牌匾上头写的是啥", "牌匾上写着“为民解忧”四个大字。"));
    assertFalse(AskedDetail.asked("那个一图一表 里头都写的啥"), "what a chart says is its content, told in words");
    assertTrue(AskedDetail.asked("学完了发啥证"));
    assertFalse(AskedDetail.given("学完了发啥证", "公益培训3000人次，指导372人考证。"));
    assertTrue(AskedDetail.given("学完了发啥证", "学员考核合格后领取职业技能等级证书。"));
  }

  @Test
  void henanDialectAsksForMoreOfTheSameToo() {
    assertTrue(FollowUps.asksOtherWays("还有别哩不"));
    assertTrue(FollowUps.asksOtherWays("那还有别哩办法没"));
    assertTrue(FollowUps.elliptic("搞清廉社区 公示廉洁承诺那一套呢"));
    assertFalse(FollowUps.elliptic("那个乒乓球比赛是哪个社区搞哩"));
  }

  @Test
  void followUpsAboutWhatWasShownNameNothingOfTheirOwn() {
    assertTrue(FollowUps.asksDetails("具体咋弄哩 谁牵哩头"));
    assertTrue(FollowUps.asksDetails("有没有具体例子 都改了啥"));
    assertFalse(FollowUps.asksDetails("街道咋督导的 具体点"), "督导 is a subject of its own");
    assertTrue(FollowUps.asksStarOfShown("这算哪颗星哩 俺听他们天天说创星创星"));
    assertFalse(FollowUps.asksStarOfShown("那帮失业的居民找工作 搞技能培训呢 算哪颗"), "a subject told first");
    assertTrue(FollowUps.asksOtherWays("还有别哩跟单位结对哩例子没"));
  }

  @Test
  void openingDaysAndNamedFeesAreDetailsToo() {
    assertTrue(AskedDetail.asked("那个调解室礼拜六上班不"));
    assertFalse(AskedDetail.given("那个调解室礼拜六上班不", "调解室由律师、民警、民调员和网格员组成。"));
    assertTrue(Procedures.asksPrice("整治以后电动车停哪 收停车费不"));
    assertTrue(Procedures.asksPrice("摆摊要交摊位费不"));
    assertFalse(Procedures.asksPrice("物业费涨了以后服务也没变好"), "a fee told of, not asked");
  }

  @Test
  void aListOfNamesAFirmAndEachPersonAreGivenByName() {
    assertTrue(AskedDetail.asked("那124个老党员的名单在哪能查到"));
    assertFalse(AskedDetail.given("那124个老党员的名单在哪能查到", "为124名老党员颁发“光荣在党50年”纪念章。"));
    assertTrue(AskedDetail.asked("调解室里的律师是哪个律所派的"));
    assertTrue(AskedDetail.given("调解室里的律师是哪个律所派的", "律师由河南某某律师事务所派驻。"));
    assertTrue(AskedDetail.asked("那5个人一人管一颗星，分别都是谁"));
    assertFalse(AskedDetail.given("那5个人一人管一颗星，分别都是谁", "社区总支5个人，一人负责一颗星。"));
    assertTrue(AskedDetail.asked("那372个学员考的都是啥证"));
  }
}
