package cn.fivestar.channels.telegram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class TextSplitterTest {

  @Test
  void shortTextIsOneMessage() {
    assertEquals(List.of("您好！"), TextSplitter.split("  您好！\n", 4096));
    assertEquals(List.of(), TextSplitter.split("   ", 4096));
  }

  @Test
  void cutsAfterTheLastSentenceEndThatFits() {
    String text = "第一句话。第二句话！第三句话？第四句";
    assertEquals(List.of("第一句话。第二句话！", "第三句话？第四句"), TextSplitter.split(text, 12));
  }

  @Test
  void keepsClosingQuotesWithTheirSentence() {
    String text = "他说：“好的。”然后走了。";
    assertEquals(List.of("他说：“好的。”", "然后走了。"), TextSplitter.split(text, 9));
  }

  @Test
  void prefersParagraphBreaks() {
    String text = "甲。乙。丙。\n\n丁。戊。己。庚。";
    assertEquals(List.of("甲。乙。丙。", "丁。戊。己。庚。"), TextSplitter.split(text, 12));
  }

  @Test
  void aSentenceLongerThanTheLimitIsCutHardWithoutBreakingSurrogatePairs() {
    String text = "ab" + "😀".repeat(5); // each emoji is two UTF-16 chars
    List<String> parts = TextSplitter.split(text, 5);
    assertEquals(text, String.join("", parts));
    for (String p : parts) {
      assertTrue(p.length() <= 5);
      assertTrue(!Character.isHighSurrogate(p.charAt(p.length() - 1)), "no half emoji at the end of " + p);
    }
  }

  @Test
  void everyPartOfAHugeTextFitsTelegramAndNothingIsLost() {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < 3000; i++) sb.append("居民反映的问题").append(i).append(i % 7 == 0 ? "！\n" : "。");
    List<String> parts = TextSplitter.split(sb.toString(), TextSplitter.TELEGRAM_LIMIT);
    assertTrue(parts.size() > 5);
    for (String p : parts) {
      assertTrue(p.length() <= TextSplitter.TELEGRAM_LIMIT);
      assertTrue(p.endsWith("。") || p.endsWith("！"), p.substring(p.length() - 5));
    }
    assertEquals(sb.toString().replace("\n", ""), String.join("", parts).replace("\n", ""));
  }
}
