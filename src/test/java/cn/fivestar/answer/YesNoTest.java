package cn.fivestar.answer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class YesNoTest {
  @Test
  void whatAYesNoQuestionAsksAboutIsItsAskingClauseWithoutTheAskingWords() {
    assertEquals("免费 写 起诉状", YesNo.asked("建新南街社区那个清援普法，能免费帮俺写个起诉状不"));
    assertEquals("代领", YesNo.asked("俺爷是老党员，纪念章还没发下来人就走了，家里人能代领不"));
    assertNull(YesNo.asked("清援普法是干啥的？"), "no yes/no question");
  }

  @Test
  void anAnswerMustSpeakOfWhatIsAskedUnlessTheQuestionAlsoAsksAWhWord() {
    String practice = "依托亲清监察站，打造“清援普法”等“九清”清廉践行馆。";
    assertFalse(YesNo.speaksOf("清援普法 能免费帮俺写个起诉状不", practice));
    assertTrue(YesNo.speaksOf("清援普法 能帮俺写起诉状不", "清援普法志愿律师可以帮居民写起诉状。"));
    assertTrue(YesNo.speaksOf("验收了多少家 有报到市里哩没", "对40余家示范建设单位进行全面验收，已向市级申报。"));
    assertTrue(YesNo.speaksOf("俺们村也能搞这个不", practice), "nothing named beyond the asking words");
  }
}
