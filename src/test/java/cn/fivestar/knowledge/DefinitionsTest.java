package cn.fivestar.knowledge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class DefinitionsTest {
  @Test
  void asksAboutTheQuotedTermOrElseTheWholeQuestion() {
    assertEquals(List.of("亮赛比"), Definitions.asked("“亮赛比”活动是什么意思？"));
    assertEquals(List.of("一征三议两公开"), Definitions.asked("一征三议两公开是什么意思？"));
    assertEquals(List.of(), Definitions.asked("冯春社区划分了几个网格？"));
    assertEquals(List.of(), Definitions.asked("社区".repeat(50) + "是什么意思？"), "a long text is not a term");
  }

  @Test
  void aParenthesisOrAnExplainingClauseAfterTheTermExplainsIt() {
    assertTrue(Definitions.explains("开展以“三净三有”(地面净、墙壁净、门窗净,有文化、有活动、有服务)为标准的创建", "三净三有"));
    assertTrue(Definitions.explains("实行“一长三员”网格化社会治理工作模式，即社区“两委”成员任网格长", "一长三员"));
    assertFalse(Definitions.explains("实行“一长三员”网格化社会治理工作模式，每天入户走访", "一长三员"));
    // 立即 is "at once", not "that is".
    assertFalse(Definitions.explains("发现“飞线充电”立即制止", "飞线充电"));
  }

  @Test
  void aListFollowingTheAbbreviationExplainsIt() {
    assertTrue(Definitions.explains("本次观摩以“亮出承诺、赛出实绩、比出干劲”为主题，开展“亮赛比”活动", "亮赛比"));
    assertFalse(Definitions.explains("本次观摩以“比出干劲、亮出承诺”为主题，开展“亮赛比”活动", "亮赛比"));
    assertTrue(Definitions.explains("星级楼组要做到“三净”：地面净、墙壁净、门窗净", "三净"));
    assertFalse(Definitions.explains("星级楼组要做到“三净”：地面净、墙壁整洁", "三净"));
  }

  @Test
  void aShortFragmentOfALongQuestionIsNotATerm() {
    assertFalse(Definitions.explains("各社区（村）党组织书记参加", "社区网格员制度"));
  }

  @Test
  void aSentenceCanSpellOutATermNamedInTheSentenceBefore() {
    assertTrue(Definitions.spellsOut("本次观摩活动以“亮出承诺、赛出实绩、比出干劲”为主题。", "亮赛比"));
    assertFalse(Definitions.spellsOut("各社区党组织书记参加了此次活动。", "亮赛比"));
    assertFalse(Definitions.spellsOut("村委、居委和网格员共同参与。", "两委"), "a counted term must be named");
  }

  @Test
  void henanWaysOfAskingWhatSomethingIsAreDefinitionQuestions() {
    assertEquals(List.of("亮赛比"), Definitions.asked("居委会说书记们要搞“亮赛比”，这是比啥哩？"));
    assertEquals(List.of("红色物业"), Definitions.asked("“红色物业”是弄啥哩？"));
    assertEquals(List.of(), Definitions.asked("社区为啥要创星？"));
  }

  @Test
  void aGlossaryLineWithZhiAfterTheTermDefinesIt() {
    assertTrue(Definitions.spellsOut("“红色物业”指在党组织引领下参与社区治理的物业服务。", "红色物业"));
    assertFalse(Definitions.spellsOut("红色物业指导员定期上门。", "红色物业"));
  }

  @Test
  void aJiushiFurtherOnExplainsSomethingElse() {
    assertFalse(Definitions.spellsOut("书记们以“五星支部”创建为题交流经验、比拼赶超，这就是“十佳百优座谈会”。", "五星支部"));
    assertTrue(Definitions.spellsOut("实行“一长三员”网格化社会治理工作模式，即社区“两委”成员任网格长。", "一长三员"));
  }

  @Test
  void whatIsMadeTheTermDefinesIt() {
    assertTrue(Definitions.spellsOut("秦岭路街道始终把“支部过硬星”作为“主星”贯穿始终。", "主星"));
    // Two characters spread over a slogan are no spelling-out of a two-character term.
    assertFalse(Definitions.spellsOut("按照“主星引领、明星带动、群星参与”的思路，靶向发力。", "主星"));
    assertEquals(List.of(), Definitions.asked("垃圾分类是什么时候开始的？"));
  }
}
