package cn.fivestar.answer.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ReplyParserTest {
  @Test
  void collectsAsciiFullWidthAndLenticularMarkersInOrderOfFirstCitation() {
    ReplyParser.Parsed p = ReplyParser.parse("甲【2】。乙[1]［2］。丙［１］。", 3).orElseThrow();
    assertEquals(List.of(2, 1), p.cited());
    assertEquals("甲[1]。乙[2][1]。丙[2]。", p.text());
  }

  @Test
  void listsInsideOneBracketAreSplitAndDeduplicated() {
    ReplyParser.Parsed p = ReplyParser.parse("甲[3, 1，3]。乙【1、2】。", 3).orElseThrow();
    assertEquals(List.of(3, 1, 2), p.cited());
    assertEquals("甲[1][2]。乙[2][3]。", p.text());
  }

  @Test
  void invalidNumbersAreDroppedFromTextAndCitations() {
    ReplyParser.Parsed p = ReplyParser.parse("甲 [4]。乙[0][2]。", 2).orElseThrow();
    assertEquals(List.of(2), p.cited());
    assertEquals("甲。乙[1]。", p.text());
  }

  @Test
  void declinedBlankOrUncitedRepliesAreEmpty() {
    assertTrue(ReplyParser.parse(null, 3).isEmpty());
    assertTrue(ReplyParser.parse(" \n", 3).isEmpty());
    assertTrue(ReplyParser.parse("NO_ANSWER", 3).isEmpty());
    assertTrue(ReplyParser.parse("资料里有一点[1]，但 NO_ANSWER", 3).isEmpty());
    assertTrue(ReplyParser.parse("社区有调解室。", 3).isEmpty());
    assertTrue(ReplyParser.parse("社区有调解室[7][12345]。", 3).isEmpty());
    assertTrue(ReplyParser.parse("甲[1]", 0).isEmpty());
  }

  @Test
  void reasoningIsDroppedAndItsCitationsDoNotCount() {
    assertTrue(ReplyParser.parse("<think>看看资料[1]</think>社区有调解室。", 3).isEmpty());
    ReplyParser.Parsed p = ReplyParser.parse("<think>\n资料[1]不相关\n</think>\n\n老人用餐有补贴[2]。", 3).orElseThrow();
    assertEquals(List.of(2), p.cited());
    assertEquals("老人用餐有补贴[1]。", p.text());
  }
}
