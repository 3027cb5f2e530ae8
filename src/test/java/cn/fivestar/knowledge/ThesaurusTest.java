package cn.fivestar.knowledge;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ThesaurusTest {
  private final Thesaurus thesaurus = Thesaurus.load();

  @Test
  void aWordInsideALongerTriggerCountsOnlyWhenTheQueryHoldsTheTrigger() {
    assertTrue(thesaurus.synonymsOf("路边", "路边摊占道谁管？").contains("占道经营"));
    assertFalse(thesaurus.synonymsOf("路边", "路边的花坛谁来清扫？").contains("占道经营"));
  }

  @Test
  void colloquialWordsReachTheDocumentsTerms() {
    assertTrue(thesaurus.synonymsOf("吵架", "邻居吵架找谁？").contains("调解"));
    assertTrue(thesaurus.expand("包工头欠了工钱不给").contains("拖欠工资"));
  }
}
