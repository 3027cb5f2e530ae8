package cn.fivestar.answer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.fivestar.knowledge.KnowledgeBase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How a how-to answer naming no star picks its practices. */
class ExtractivePracticesTest {
  @TempDir Path tmp;
  KnowledgeBase kb;
  GroundedAnswerer answerer;

  @BeforeEach
  void setUp() throws IOException {
    Path docs = Files.createDirectories(tmp.resolve("docs"));
    Files.writeString(docs.resolve("story-linshanzhai.txt"), """
        林山寨街道以事创星

        林山寨街道党工委首创“领星人”“创星人”，把三种责任压实：班子成员负分包联系责任，专班科室负直接指导责任。
        """);
    Files.writeString(docs.resolve("glossary.txt"), """
        创星说法

        “领星人”“创星人”：创星的担子分到每位领导身上，人人头上都有指标。
        """);
    Files.writeString(docs.resolve("story-xiliuhu.txt"), """
        西流湖街道高标争星

        西流湖街道成立创建工作专班，党工委书记抓总定盘，分包领导具体指导，层层压实创星责任。
        """);
    kb = KnowledgeBase.open(tmp.resolve("data"), List.of(docs), false, s -> {});
    answerer = new GroundedAnswerer(kb, Optional.empty(), "抱歉");
  }

  @AfterEach
  void close() {
    kb.close();
  }

  @Test
  void aMechanismToldAgainInOtherWordsIsShownOnce() {
    String text = answerer.answer("街道怎么压实创星责任？", List.of()).text();
    assertEquals(1, text.lines().filter(l -> l.contains("领星人")).count(), text);
    assertTrue(text.contains("西流湖"), text);
  }
}
