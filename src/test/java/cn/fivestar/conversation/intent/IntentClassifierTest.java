package cn.fivestar.conversation.intent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class IntentClassifierTest {
  private static IntentClassifier classifier;

  @BeforeAll
  static void train() {
    classifier = IntentClassifier.load();
  }

  /** Messages written apart from the training examples (src/test/resources/conversation/heldout.tsv). */
  @Test
  void heldOutMessagesAreClassifiedWell() throws Exception {
    List<Example> heldout;
    try (InputStream in = getClass().getResourceAsStream("/conversation/heldout.tsv")) {
      heldout = Example.read(in);
    }
    Set<String> trained = new HashSet<>();
    IntentClassifier.bundledExamples().forEach(e -> trained.add(e.text()));
    int intentRight = 0, reports = 0, categoryRight = 0;
    for (Example e : heldout) {
      assertFalse(trained.contains(e.text()), "held-out message is also a training example: " + e.text());
      Classification c = classifier.classify(e.text());
      if (c.intent() == e.intent()) intentRight++;
      if (e.intent() == Intent.REPORT) {
        reports++;
        if (classifier.category(e.text()).equals(e.category())) categoryRight++;
      }
    }
    double intentAcc = intentRight / (double) heldout.size();
    double categoryAcc = categoryRight / (double) reports;
    assertTrue(intentAcc >= 0.9, "intent accuracy " + intentAcc);
    assertTrue(categoryAcc >= 0.9, "category accuracy " + categoryAcc);
  }

  /** Measures (never trains on) the shared dev set when it lies beside the repository. */
  @Test
  void devIntentsMeetTheTargets() throws Exception {
    Path dev = Path.of("..", "shared", "eval", "dev-intents.jsonl");
    Assumptions.assumeTrue(Files.exists(dev), "shared dev set not present");
    ObjectMapper json = new ObjectMapper();
    int n = 0, intentRight = 0, reports = 0, categoryRight = 0;
    for (String line : Files.readAllLines(dev)) {
      if (line.isBlank()) continue;
      JsonNode row = json.readTree(line);
      String text = row.get("text").asText();
      Classification c = classifier.classify(text);
      n++;
      boolean ok = false;
      for (JsonNode a : row.get("accept")) ok |= a.asText().equals(c.intent().code());
      if (ok) intentRight++;
      else System.out.println("dev intent miss: " + text + " -> " + c.intent());
      if (row.has("categories") && row.get("intent").asText().equals("report")) {
        reports++;
        String cat = c.category() != null ? c.category() : classifier.category(text);
        boolean catOk = false;
        for (JsonNode a : row.get("categories")) catOk |= a.asText().equals(cat);
        if (catOk) categoryRight++;
        else System.out.println("dev category miss: " + text + " -> " + cat);
      }
    }
    System.out.printf("dev-intents: intent %.3f (%d), category %.3f (%d)%n",
        intentRight / (double) n, n, categoryRight / (double) reports, reports);
    assertTrue(intentRight / (double) n >= 0.95);
    assertTrue(categoryRight / (double) reports >= 0.9);
  }

  @Test
  void rulesDecideTheUnambiguousCases() {
    assertEquals(Intent.CHITCHAT, classifier.classify("").intent());
    assertEquals(Intent.CHITCHAT, classifier.classify("  \t ").intent());
    assertEquals(Intent.STATUS, classifier.classify("20261123-0007").intent());
    assertEquals(Intent.STATUS, classifier.classify("帮我看看 20250101-0042 这个").intent());
    assertEquals(Intent.CHITCHAT, classifier.classify("👍👍").intent());
    assertEquals(Intent.CHITCHAT, classifier.classify("SELECT * FROM cases; DROP TABLE cases;--").intent());
  }

  @Test
  void typicalMessages() {
    Classification report = classifier.classify("3号楼下水道又堵了，臭死了");
    assertEquals(Intent.REPORT, report.intent());
    assertTrue(List.of("设施维修", "环境卫生").contains(report.category()), report.category());
    assertEquals(Intent.STATUS, classifier.classify("能帮我查一下上周反映的事吗").intent());
    Classification question = classifier.classify("社区有没有老年食堂");
    assertEquals(Intent.QUESTION, question.intent());
    assertNull(question.category());
    assertEquals("设施维修", classifier.classify("楼下路灯坏了好几天了").category());
  }

  @Test
  void tellsCommunityMattersFromEverydayQuestionsOutsideTheField() {
    // None of these is among the training texts.
    for (String q : List.of("牛肉怎么炖才烂", "基金定投怎么操作", "下个月去海南玩带什么衣服")) {
      assertTrue(classifier.offTopic(q), q);
      assertFalse(classifier.aboutCommunityLife(q), q);
    }
    assertFalse(classifier.aboutCommunityLife("西红柿炒鸡蛋先放哪个"));
    // Neither side is sure of a medicine question that looks like an elderly-care request: coverage decides.
    assertFalse(classifier.aboutCommunityLife("咳嗽有痰吃什么药"));
    for (String q : List.of("楼上天天漏水到我家，找谁协调？", "小区垃圾好几天没人收了，谁管？", "邻居家狗半夜一直叫，能找社区说说吗？")) {
      assertTrue(classifier.aboutCommunityLife(q), q);
      assertFalse(classifier.offTopic(q), q);
    }
  }
}
