package cn.fivestar.conversation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class UrgencyTest {

  @ParameterizedTest
  @CsvSource({
      "快快快 电梯困人了！！锦艺西社区6号楼 邻居家老太太关在里面出不来了,LIFT,96333",
      "楼道里一股煤气味 好大,GAS,119",
      "3号楼着火了 冒黑烟,FIRE,119",
      "楼下俩人打起来了 一个头都打破了 流了好多血,VIOLENCE,110",
      "俺家老爷子早上出去遛弯到现在没回来,MISSING,110",
      "楼下有个老人晕倒了,MEDICAL,120"})
  void dangersGetTheRightNumber(String text, Urgency expected, String number) {
    assertEquals(expected, Urgency.of(text));
    assertTrue(expected.advice().contains(number));
  }

  @ParameterizedTest
  @ValueSource(strings = {"楼道里堆满纸箱子 万一着火跑都跑不出去", "楼道堆了旧家具 怕着火", "3号楼电梯坏了，困了好几次人",
      "两口子吵架 天天吵", "路灯坏了"})
  void hazardsAndPastTroublesAreNotEmergencies(String text) {
    assertNull(Urgency.of(text), text);
  }
}
