package cn.fivestar.knowledge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KnowledgeBaseTest {
  @TempDir Path tmp;
  Path docs;
  Path data;

  @BeforeEach
  void writeCorpus() throws IOException {
    docs = Files.createDirectories(tmp.resolve("docs"));
    data = tmp.resolve("data");
    Files.writeString(docs.resolve("pingan.md"), """
        # 平安法治星（城市社区）的创建任务
        star: 平安法治星
        kind: criteria
        place: 城市社区

        ## 网格治理
        冯春社区把辖区划分为10个网格，实行“一长三员”模式：社区“两委”成员任网格长，党员任调解员，物管人员任房管员和巡逻员。

        ## 调解
        阳光花苑社区设立一站式调解室，由律师、民警、民调员和网格员组成，居民有纠纷可以随时来调解。
        """, StandardCharsets.UTF_8);
    Files.writeString(docs.resolve("wuye.md"), """
        # 锦绣城社区的红色物业
        star: 共建共享星
        kind: story
        place: 锦绣城社区

        锦绣城社区推行“红色物业”，物业公司党支部与社区党委联建，小区停车难、充电难问题得到解决。
        """, StandardCharsets.UTF_8);
    Files.writeString(docs.resolve("column.txt"), "花园路街道党员9716人，其中在职党员\n4695人。\n", StandardCharsets.UTF_8);
  }

  private KnowledgeBase open(List<String> progress) {
    return KnowledgeBase.open(data, List.of(docs), false, progress::add);
  }

  @Test
  void findsDomainTermsThatSmartcnSplits() {
    try (KnowledgeBase kb = open(new ArrayList<>())) {
      for (String term : List.of("一长三员", "红色物业", "一站式调解室")) {
        List<Hit> hits = kb.search(term, 3);
        assertFalse(hits.isEmpty(), term);
        assertTrue(hits.get(0).text().contains(term), term + " -> " + hits.get(0).text());
      }
    }
  }

  @Test
  void keepsTitleHeadingAndSourceWithEachPassage() {
    try (KnowledgeBase kb = open(new ArrayList<>())) {
      Hit hit = kb.search("冯春社区划分了几个网格？", 1).get(0);
      assertEquals("pingan.md", hit.source());
      assertEquals("平安法治星（城市社区）的创建任务", hit.title());
      assertEquals("网格治理", hit.passage().heading());
      assertEquals("平安法治星", hit.passage().star());
      assertEquals("criteria", hit.passage().kind());
      assertTrue(hit.text().contains("10个网格"));
    }
  }

  @Test
  void rejoinsBrokenLinesInPlainText() {
    try (KnowledgeBase kb = open(new ArrayList<>())) {
      assertTrue(kb.search("在职党员", 1).get(0).text().contains("在职党员4695人"));
    }
  }

  @Test
  void filtersByStarAndKind() {
    try (KnowledgeBase kb = open(new ArrayList<>())) {
      List<Hit> hits = kb.search("社区", 10, new SearchFilter("共建共享星", "story"));
      assertEquals(1, hits.size());
      assertEquals("wuye.md", hits.get(0).source());
      assertEquals(2, kb.passages(new SearchFilter("平安法治星", "criteria")).size());
    }
  }

  @Test
  void hostileQueriesNeverThrow() {
    String huge = "调解".repeat(50_000);
    List<String> queries = List.of("", "   ", "\"\"\"", "*", "?", ":", "AND", "OR NOT", "(((", ")]}", "title:调解 AND text:*",
        "a~2 b^3 /regex/ \\", "😀😀😀", "\u0000\u0007\u001b[31m", huge, "一长三员\" OR \"1\"=\"1", "'; DROP TABLE cases; --");
    try (KnowledgeBase kb = open(new ArrayList<>())) {
      for (String q : queries) {
        List<Hit> hits = kb.search(q, 5);
        assertTrue(hits.size() <= 5);
      }
      assertTrue(kb.search("", 5).isEmpty());
      assertFalse(kb.search(huge, 5).isEmpty(), "a long query still finds what it mentions");
    }
  }

  @Test
  void reusesTheIndexAndRebuildsWhenSourcesChange() throws IOException {
    try (KnowledgeBase kb = open(new ArrayList<>())) {
      assertTrue(kb.summary().rebuilt());
    }
    try (KnowledgeBase kb = open(new ArrayList<>())) {
      assertFalse(kb.summary().rebuilt(), "unchanged sources reuse the index");
    }
    Files.writeString(docs.resolve("new.md"), "# 新文档\n\n西流湖街道与河南索克公司合作开展技能培训。\n", StandardCharsets.UTF_8);
    try (KnowledgeBase kb = open(new ArrayList<>())) {
      assertTrue(kb.summary().rebuilt());
      assertEquals("new.md", kb.search("技能培训", 1).get(0).source());
    }
  }

  @Test
  void brokenFilesAreNamedAndSkippedWhileTheRestIsIndexed() throws IOException {
    Files.writeString(docs.resolve("empty.txt"), "");
    Files.write(docs.resolve("binary.txt"), new byte[] {0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x01, 0x02});
    Files.write(docs.resolve("latin1.txt"), new byte[] {(byte) 0xff, (byte) 0xfe, (byte) 0x81, 0x30, (byte) 0xff});
    Files.write(docs.resolve("gbk.txt"), "助老食堂解决了老人吃饭难。".getBytes(Charset.forName("GB18030")));
    List<String> progress = new ArrayList<>();
    try (KnowledgeBase kb = open(progress)) {
      String log = String.join("\n", progress);
      assertTrue(log.contains("empty.txt") && log.contains("empty"), log);
      assertTrue(log.contains("binary.txt") && log.contains("binary"), log);
      assertTrue(log.contains("latin1.txt") && log.contains("encoding"), log);
      assertEquals(3, kb.summary().problems().size());
      assertEquals("gbk.txt", kb.search("助老食堂", 1).get(0).source(), "GB18030 files are decoded");
      assertFalse(kb.search("一长三员", 1).isEmpty(), "good files are still indexed");
    }
  }

  @Test
  void coverageSeparatesCoveredFromUncoveredQuestions() {
    try (KnowledgeBase kb = open(new ArrayList<>())) {
      float covered = kb.search("一站式调解室由哪些人组成？", 1).get(0).coverage();
      List<Hit> weather = kb.search("明天会下雨吗？", 1);
      float uncovered = weather.isEmpty() ? 0 : weather.get(0).coverage();
      assertTrue(covered > 0.6f, "covered " + covered);
      assertTrue(uncovered < 0.3f, "uncovered " + uncovered);
    }
  }

  @Test
  void dialectPronounsAndQuestionFormsDoNotLowerCoverage() {
    try (KnowledgeBase kb = open(new ArrayList<>())) {
      float plain = kb.search("社区的调解室有哪些人？", 1).get(0).coverage();
      // 俺们 (我们), 咋 (怎么), 管不管 (管): how a Henan resident asks, not what about.
      float dialect = kb.search("俺们社区的调解室有哪些人？", 1).get(0).coverage();
      float aNotA = kb.search("俺们社区的调解室管不管？", 1).get(0).coverage();
      float plainA = kb.search("社区的调解室管吗？", 1).get(0).coverage();
      assertEquals(plain, dialect, 1e-6, "俺们");
      assertEquals(plainA, aNotA, 1e-6, "管不管");
    }
  }

  @Test
  void aQuestionAboutPartyMembersPrefersThePassageAboutPartyMembers() throws IOException {
    // "支部" is in almost every passage of this domain; counting it as a match for "党员" let a branch's
    // volunteer team outrank the party members' own volunteer service.
    Files.writeString(docs.resolve("zhiyuan.md"), """
        # 志愿服务
        kind: story

        ## 职工志愿服务队
        铁路工程党支部组织职工参与志愿服务，社区成立志愿服务队伍，志愿服务队参与小区环境治理，开展志愿服务活动。

        ## 党员报到
        在职党员和退休党员到社区报到，开展多种多样的党员志愿服务。
        """, StandardCharsets.UTF_8);
    try (KnowledgeBase kb = open(new ArrayList<>())) {
      List<Hit> hits = kb.search("社区党员平时都参加什么志愿服务？", 3);
      assertTrue(hits.get(0).text().contains("党员志愿服务"), hits.get(0).text());
    }
  }

  @Test
  void aQuestionNamingAPlacePrefersThatPlacesStoryToADigest() throws IOException {
    Files.writeString(docs.resolve("digest.md"), """
        # 居民常见诉求汇总
        kind: overview

        ## 党员
        党员志愿服务包括：在职党员到社区报到（花园路街道），环境清扫（锦绣城社区），创星志愿服务队（新圃西街社区），43名党员志愿者（建新南街社区）。
        """, StandardCharsets.UTF_8);
    Files.writeString(docs.resolve("huayuanlu.md"), """
        # 花园路街道的基本情况
        kind: story
        place: 花园路街道

        街道辖区下辖10个社区，有党员9716人，其中在职党员4695人。
        """, StandardCharsets.UTF_8);
    try (KnowledgeBase kb = open(new ArrayList<>())) {
      List<Hit> hits = kb.search("花园路街道有多少名党员？", 3);
      assertTrue(hits.get(0).text().contains("9716"), hits.get(0).text());
    }
  }

  @Test
  void aHowManyQuestionPrefersThePassageCountingTheThingAsked() throws IOException {
    Files.writeString(docs.resolve("mifengzhang.md"), """
        # 蜜蜂张街道的老旧小区改造

        ## 党员带动
        蜜蜂张街道推进老旧小区改造，50多名党员干部下沉社区宣传政策，开展微议事50多次。

        ## 改造成效
        街道协调施工方拆除房顶、花坛违建20余处，完成管网铺设。
        """, StandardCharsets.UTF_8);
    try (KnowledgeBase kb = open(new ArrayList<>())) {
      List<Hit> hits = kb.search("蜜蜂张街道旧改时拆掉了多少处违建？", 3);
      assertTrue(hits.get(0).text().contains("违建20余处"), hits.get(0).text());
    }
  }
}
