package cn.fivestar.conversation;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FollowUpTest {
  private static final List<String> HISTORY = List.of("我们社区怎么争创平安法治星？");

  @ParameterizedTest
  @ValueSource(strings = {"那幸福和谐星呢？", "具体怎么做的？", "那个送餐队是谁弄的 靠谱不", "平安法治星呢", "刚才问的那个食堂呢", "她腿脚不中 能给送到家不",
      "有啥成效 有数没", "别的地方评上多少了", "都改了啥"})
  void questionsWithoutASubjectOfTheirOwnLeanOnThePrevious(String q) {
    assertTrue(FollowUp.leansOnPrevious(q, HISTORY), q);
  }

  @ParameterizedTest
  @ValueSource(strings = {"明天天气怎么样？", "社区有没有助老食堂？", "茅台股票现在还能买不"})
  void questionsWithTheirOwnSubjectStandAlone(String q) {
    assertFalse(FollowUp.leansOnPrevious(q, HISTORY), q);
  }

  @ParameterizedTest
  @ValueSource(strings = {"那幸福和谐星呢？", "具体怎么做的？"})
  void withoutHistoryNothingIsAFollowUp(String q) {
    assertFalse(FollowUp.leansOnPrevious(q, List.of()), q);
  }
}
