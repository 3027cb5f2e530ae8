package cn.fivestar.conversation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The message cues the turn decision relies on, without any database or model. */
class CuesTest {

  @ParameterizedTest
  @ValueSource(strings = {"社区有没有给老人送饭的？", "那个送餐队是谁弄的 靠谱不", "社区那个助老食堂在哪 老人能去吃不", "明天下雨不",
      "能给送到家不", "这个咋弄"})
  void questionsAreSeenAsQuestions(String text) {
    assertTrue(Cues.questionForm(text), text);
  }

  @ParameterizedTest
  @ValueSource(strings = {"路灯坏了好几天了 晚上黑灯瞎火的", "单元门的门禁坏了 谁都能进", "陇海路168号院北门那几个充电桩坏了",
      "幸福路12号院 3号楼跟前那个", "垃圾三四天没人清了 都招苍蝇了"})
  void reportsAreNotQuestions(String text) {
    assertFalse(Cues.questionForm(text), text);
  }

  @ParameterizedTest
  @ValueSource(strings = {"算了，还是先不报了", "车棚那个算了 先不报了 等物业来看看再说", "不用了 先这样吧", "取消", "不登记了",
      "算了 不问了", "那不说了"})
  void plainWordsDropAReport(String text) {
    assertTrue(Cues.dropsReport(text), text);
  }

  @ParameterizedTest
  @ValueSource(strings = {"报了好几回物业都不问了", "楼道灯坏了 说了也不用了"})
  void aComplaintThatNobodyAsksAnymoreIsNoDrop(String text) {
    assertFalse(Cues.dropsReport(text), text);
  }

  @Test
  void editsNameTheFieldAndTheCleanValue() {
    Cues.Edit place = Cues.edit("地点改成锦艺西社区3号楼 刚才说错了");
    assertEquals(Intake.EDIT_WHERE, place.field());
    assertEquals("锦艺西社区3号楼", place.value());
    Cues.Edit phone = Cues.edit("电话换成13912345678");
    assertEquals(Intake.EDIT_PHONE, phone.field());
    Cues.Edit swap = Cues.replacement("不是12号院 是16号院 俺记错了");
    assertEquals("12号院", swap.old());
    assertEquals("16号院", swap.value());
    assertNull(Cues.edit("楼道灯坏了"));
  }

  @ParameterizedTest
  @CsvSource({"中 挺快的 五星好评,5", "还行吧 四分,4", "一分 根本没修,1", "给3分吧,3", "差评,1", "满意,4"})
  void scoresInPlainWords(String text, int score) {
    assertEquals(score, Cues.score(text));
  }

  @ParameterizedTest
  @ValueSource(strings = {"怎么争创五星支部？", "等了5分钟", "五星社区是什么"})
  void campaignWordsAndMinutesAreNoScore(String text) {
    assertNull(Cues.score(text), text);
  }

  @Test
  void notFixedAndProgress() {
    assertTrue(Cues.notFixed("1分，根本没修好"));
    assertTrue(Cues.notFixed("还是不亮"));
    assertFalse(Cues.notFixed("修好了，谢谢"));
    assertTrue(Cues.asksProgress("我报的单杠那事弄好没"));
    assertTrue(Cues.asksProgress("那个路灯的事有回音没"));
    assertFalse(Cues.asksProgress("社区有没有助老食堂"));
  }

  @Test
  void anAddressAloneIsOnlyAPlace() {
    assertTrue(Cues.placeOnly("幸福路12号院3号楼"));
    assertFalse(Cues.placeOnly("幸福路12号院3号楼路灯坏了"));
  }

  @Test
  void askingWhoHandlesIt() {
    assertTrue(Cues.asksWhoHandles("电梯又坏了，这归谁管？"));
    assertTrue(Cues.asksWhoHandles("俺家电动车电瓶让人偷了 社区管这事不"));
    assertFalse(Cues.asksWhoHandles("社区有没有助老食堂"));
  }
}
