package cn.fivestar.knowledge;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class PlaceNamesTest {
  @Test
  void namedPlacesAreRecognisedAndGeneralOnesAreNot() {
    for (String q : List.of("花园路街道有多少名党员？", "锦绣城社区清扫的是哪条路？", "新圃西街社区的副主任是谁？", "樱桃沟社区怎么分工创星？")) {
      assertTrue(PlaceNames.named(q), q);
    }
    for (String q : List.of("五星社区怎么创建？", "有哪些社区评上了五星？", "城市社区的五颗星是什么？", "美丽乡村如何建设？",
        "新农村怎么建设？", "其他社区是怎么做的？")) {
      assertFalse(PlaceNames.named(q), q);
      assertFalse(PlaceNames.namedFirst(q), q);
    }
    assertTrue(PlaceNames.namedFirst("樱桃沟社区怎么分工创星？"));
    assertFalse(PlaceNames.namedFirst("街道怎么督导各社区的创星进度？"));
    assertFalse(PlaceNames.namedFirst("街道怎么指导社区（村）把年度创建计划定好？"));
  }
}
