package cn.fivestar.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** index, search, ask and eval through the real command line, on a small real corpus. */
class KnowledgeCommandsTest {
  @TempDir Path tmp;
  String data;
  String docs;

  @BeforeEach
  void corpus() throws IOException {
    Path d = Files.createDirectories(tmp.resolve("docs"));
    Files.writeString(d.resolve("fengchun.md"), """
        # 冯春社区的网格治理
        star: 平安法治星
        kind: story
        place: 冯春社区

        冯春社区把辖区划分为10个网格，实行“一长三员”模式，每天入户走访，及时化解矛盾纠纷。
        """);
    Files.writeString(d.resolve("shitang.md"), "# 助老食堂\n\n桐柏社区联系助老食堂为独居老人订餐，并组建“红色跑腿送餐队”。\n");
    data = tmp.resolve("data").toString();
    docs = d.toString();
  }

  private static List<JsonNode> lines(String out) throws IOException {
    List<JsonNode> nodes = new java.util.ArrayList<>();
    for (String l : out.strip().split("\n")) nodes.add(Json.MAPPER.readTree(l));
    return nodes;
  }

  @Test
  void indexPrintsASummary() {
    CliRun r = CliRun.run("", "--data", data, "index", "--source", docs);
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("indexed 2 files"), r.out());
  }

  @Test
  void searchAnswersOneJsonLinePerQueryEvenForHostileLines() throws IOException {
    CliRun r = CliRun.run("一长三员\n\n*:* AND (\n😀\n", "--data", data, "search", "--json", "--top", "3", "--source", docs);
    assertEquals(0, r.code(), r.err());
    List<JsonNode> out = lines(r.out());
    assertEquals(4, out.size(), "one output line per input line");
    assertEquals("fengchun.md", out.get(0).get("hits").get(0).get("source").asText());
    assertEquals(0, out.get(1).get("hits").size());
    assertFalse(r.out().contains("Exception"));
  }

  @Test
  void searchFiltersByFrontMatter() throws IOException {
    CliRun r = CliRun.run("社区\n", "--data", data, "search", "--json", "--kind", "story", "--star", "平安法治星",
        "--source", docs);
    assertEquals(0, r.code(), r.err());
    JsonNode hits = lines(r.out()).get(0).get("hits");
    assertEquals(1, hits.size());
    assertEquals("fengchun.md", hits.get(0).get("source").asText());
    assertEquals(2, CliRun.run("", "--data", data, "search", "--json", "--kind", "poem", "--source", docs).code());
  }

  @Test
  void askAnswersWithCitationsOrRefusesPolitely() throws IOException {
    CliRun r = CliRun.run("冯春社区划分了几个网格？\n明天会下雨吗？\n", "--data", data, "ask", "--json", "--source", docs);
    assertEquals(0, r.code(), r.err());
    List<JsonNode> out = lines(r.out());
    assertTrue(out.get(0).get("answered").asBoolean());
    assertFalse(out.get(0).get("tentative").asBoolean(), "the sentence answers the question itself");
    assertTrue(out.get(0).get("answer").asText().contains("10个网格"));
    assertEquals("fengchun.md", out.get(0).get("citations").get(0).get("source").asText());
    assertFalse(out.get(1).get("answered").asBoolean());
    assertTrue(out.get(1).get("answer").asText().contains("抱歉"));
  }

  @Test
  void evalReportsFiguresPerKind() throws IOException {
    Path q = tmp.resolve("q.jsonl");
    Files.writeString(q, """
        {"id":"a","kind":"fact","q":"冯春社区划分了几个网格？","expect":["10个网格"]}
        {"id":"b","kind":"oos","q":"推荐一部好看的电影","expect":[]}
        """);
    CliRun r = CliRun.run("", "--data", data, "eval", "--questions", q.toString(), "--source", docs);
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("fact     1   1.000  1.000  1.000"), r.out());
    assertTrue(r.out().contains("refusal: precision 1.000, recall 1.000"), r.out());
    // Answer outcomes: the fact answered correctly, the out-of-scope question refused, nothing confident and wrong.
    assertTrue(r.out().contains("fact     1   1.000    0.000      0.000    0.000"), r.out());
    assertTrue(r.out().contains("oos      1   1.000    0.000      1.000    0.000"), r.out());
  }

  @Test
  void badUsageExitsWithTwoAndOneLine() throws IOException {
    assertEquals(2, CliRun.run("", "--data", data, "search", "--json", "--top", "0", "--source", docs).code());
    CliRun missing = CliRun.run("", "--data", data, "search", "--json", "--source", tmp.resolve("nope").toString());
    assertEquals(2, missing.code());
    assertTrue(missing.err().contains("source folder not found"), missing.err());
    assertEquals(2, CliRun.run("", "--data", data, "eval").code());
    Path bad = tmp.resolve("bad.jsonl");
    Files.writeString(bad, "{not json\n");
    CliRun r = CliRun.run("", "--data", data, "eval", "--questions", bad.toString(), "--source", docs);
    assertEquals(1, r.code());
    assertTrue(r.err().contains("line 1"), r.err());
  }
}
