package cn.fivestar.knowledge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class TextRejoinerTest {

  private static final List<String> COLUMN = List.of(
      "二七区锚定目标 高质量创建“五星”支部",
      "“社区总支5个人，一人负责一颗星，大家",
      "伙心往一处想、劲往一处使，相信咱们一定",
      "",
      "能创成‘五星’支部！”5月29日，樱桃沟社",
      "区党总支书记张金岭在党员大会上细化分解",
      "任务。",
      "",
      "社区书记们都有个“小目",
      "标”，既要保住已达标的“星级”，又要制定",
      "“蹦一蹦够得着”的创建规划，实现良好格局。",
      "记者 景静 文/图");

  @Test
  void rejoinsColumnLinesAcrossBlankLinesAndKeepsHeadings() {
    List<SourceDocument.Block> blocks = TextRejoiner.rejoin(COLUMN);
    assertTrue(blocks.get(0).heading());
    assertEquals("二七区锚定目标 高质量创建“五星”支部", blocks.get(0).text());
    String body = blocks.get(1).text();
    assertFalse(blocks.get(1).heading());
    assertTrue(body.contains("大家伙心往一处想"), body);
    assertTrue(body.contains("一定能创成‘五星’支部"), "a page-column break inside a sentence is rejoined: " + body);
    assertTrue(body.contains("樱桃沟社区党总支书记"), body);
  }

  @Test
  void aLineWithAnOpenQuoteIsNotAHeading() {
    List<SourceDocument.Block> blocks = TextRejoiner.rejoin(COLUMN);
    assertTrue(blocks.stream().noneMatch(b -> b.heading() && b.text().startsWith("社区书记们")));
    assertTrue(blocks.stream().anyMatch(b -> b.text().contains("社区书记们都有个“小目标”")));
  }

  @Test
  void bylinesAreDropped() {
    assertTrue(TextRejoiner.rejoin(COLUMN).stream().noneMatch(b -> b.text().contains("记者")));
  }

  @Test
  void truncatedLinesEndTheirParagraph() {
    List<SourceDocument.Block> blocks = TextRejoiner.rejoin(List.of(
        "街道辖区面积3平方公里,下辖10个社区,人口7.57万人,党员9716人,其中在\uFFFD",
        "",
        "下一步,社区将统筹推进老旧小区整治提升工作。"));
    assertEquals(2, blocks.size());
    assertTrue(blocks.get(0).text().endsWith("…"));
  }

  @Test
  void markdownHeadingsAndListItems() {
    List<SourceDocument.Block> blocks = TextRejoiner.rejoin(List.of(
        "#一站式调解室", "阳光花苑社区设立一站式调解室，", "由律师、民警、民调员和网格员组成。", "- 第一条做法", "- 第二条做法"));
    assertTrue(blocks.get(0).heading());
    assertEquals("一站式调解室", blocks.get(0).text());
    assertEquals("阳光花苑社区设立一站式调解室，由律师、民警、民调员和网格员组成。", blocks.get(1).text());
    assertEquals("第一条做法", blocks.get(2).text());
    assertEquals("第二条做法", blocks.get(3).text());
  }
}
