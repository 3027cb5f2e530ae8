package cn.fivestar.cases;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Duplicate judgement by place and problem, without a database. */
class CaseDuplicatesTest {

  static boolean dup(String text, String location, String caseText, String caseLocation) {
    return CaseDuplicates.query(text, location).score(caseText, caseLocation) >= 0;
  }

  @Test
  void neighboursReportingTheSameThingAtTheSamePlaceInTheirOwnWords() {
    String first = "楼道灯坏了";
    String place = "幸福路12号院3号楼2单元501";
    assertTrue(dup("3号楼2单元楼道的灯不亮了，晚上上下楼黑乎乎的", "幸福路12号院3号楼2单元602", first, place));
    assertTrue(dup("声控灯坏了好几天了", "幸福路12号院3号楼2单元", first, place));
    assertTrue(dup("楼道里的灯一直不亮", "12号院3号楼2单元", "3号楼2单元楼道的灯不亮了，晚上上下楼黑乎乎的",
        "幸福路12号院3号楼2单元602"));
    assertTrue(dup("门口下水道堵了，污水漫出来", "王庄村三组", "下水道又堵了 臭得很", "王庄村3组"));
    assertTrue(dup("垃圾三四天没人清了", "颍河路小区69号院东门垃圾站", "东门垃圾站那的垃圾堆成山了",
        "桐柏社区颍河路小区69号院 东门垃圾站那"));
  }

  @Test
  void anotherHouseNumberOrBuildingIsAnotherPlace() {
    assertFalse(dup("路灯坏了", "人民路2号院", "路灯坏了", "人民路1号院"));
    assertFalse(dup("电梯坏了", "幸福社区5号楼", "电梯坏了", "幸福社区3号楼"));
    assertFalse(dup("楼道灯坏了", "幸福路12号院3号楼1单元", "楼道灯坏了", "幸福路12号院3号楼2单元"));
  }

  @Test
  void aStreetAloneMatchesNothing() {
    assertFalse(dup("楼道灯坏了", "幸福路", "楼道灯坏了", "幸福路12号院3号楼2单元501"));
    assertFalse(dup("楼道灯坏了", "幸福路12号院3号楼2单元501", "楼道灯坏了", "幸福路"));
    assertFalse(dup("楼道灯坏了", "幸福路", "楼道灯坏了", "幸福路"));
    assertFalse(dup("楼道灯坏了", null, "楼道灯坏了", "幸福路"));
    assertFalse(dup("楼道灯坏了", "我们小区", "楼道灯坏了", "我们小区"));
  }

  @Test
  void theProblemMustBeAboutTheSameObject() {
    String place = "幸福路12号院3号楼";
    assertFalse(dup("路灯坏了", place, "楼道灯坏了", place), "a street light is not a stairwell light");
    assertTrue(dup("灯坏了", place, "楼道灯坏了", place), "a light may be either");
    assertFalse(dup("下水道堵了", place, "水管漏水", place));
    assertTrue(dup("窨井盖丢了", place, "井盖没了，晚上容易掉进去", place));
    assertFalse(dup("垃圾没人清", place, "电梯坏了", place));
    assertTrue(dup("3号楼的电梯又坏了", place, "3号楼电梯坏了，困人了", place));
    assertFalse(dup("东门垃圾站那的路灯坏了", "颍河路小区69号院东门垃圾站", "垃圾没人清",
        "颍河路小区69号院东门垃圾站"), "the place's own words are not the problem");
  }

  @Test
  void withoutAPlaceOnlyAClearlyAlikeTextCounts() {
    assertTrue(dup("咨询低保怎么申请", null, "想咨询低保怎么申请", null));
    assertFalse(dup("咨询低保怎么申请", null, "咨询养老保险", null));
  }
}
