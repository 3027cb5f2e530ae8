package cn.fivestar.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Places taken apart and compared; pure, no database. */
class CasePlaceTest {

  static boolean same(String a, String b) {
    boolean ab = CasePlace.parse(a).sameAs(CasePlace.parse(b));
    assertEquals(ab, CasePlace.parse(b).sameAs(CasePlace.parse(a)), "symmetric: " + a + " / " + b);
    return ab;
  }

  @Test
  void differentHouseNumbersBuildingsUnitsOrGroupsAreDifferentPlaces() {
    assertFalse(same("人民路1号院", "人民路2号院"));
    assertFalse(same("幸福路12号", "幸福路14号"));
    assertFalse(same("幸福社区3号楼", "幸福社区5号楼"));
    assertFalse(same("幸福路12号院3号楼2单元", "幸福路12号院3号楼1单元"));
    assertFalse(same("王庄村三组", "王庄村五组"));
    assertFalse(same("锦艺东社区7号楼", "锦艺西社区7号楼"), "another community");
    assertFalse(same("3号楼", "阳光花园8号楼"));
  }

  @Test
  void theSameSpotWrittenDifferently() {
    assertTrue(same("幸福社区3号楼", "幸福社区３号楼"), "full-width digits");
    assertTrue(same("幸福路 12 号院", "幸福路12号院"), "spaces");
    assertTrue(same("幸福路十二号院", "幸福路12号院"), "Chinese numerals");
    assertTrue(same("王庄村三组", "王庄村3组"));
    assertTrue(same("3号楼", "幸福社区3号楼"), "one leaves the community out");
    assertTrue(same("幸福路12号院3号楼2单元501", "幸福路12号院3号楼2单元602"), "rooms say where the reporter lives");
    assertTrue(same("幸福路12号院", "幸福路12号院3号楼"));
    assertTrue(same("颍河路小区69号院", "桐柏社区颍河路小区69号院 东门垃圾站那"));
    assertTrue(same("锦艺西社区6号楼 东边那部", "锦艺西社区6号楼"));
    assertTrue(same("幸福路东门垃圾站", "幸福路东门垃圾站旁边"), "a landmark without numbers");
    assertTrue(same("5栋", "5号楼"));
  }

  @Test
  void aStreetAloneIsTooVagueToMatchAnything() {
    for (String vague : List.of("幸福路", "幸福社区", "李庄村", "建设东街", "幸福社区门口", "我们小区")) {
      assertTrue(CasePlace.parse(vague).isVague(), vague);
      assertFalse(same(vague, vague), vague);
      assertFalse(same(vague, "幸福路12号院3号楼2单元501"), vague);
    }
    assertFalse(CasePlace.parse("王庄村三组").isVague());
    assertFalse(CasePlace.parse("东门垃圾站").isVague());
    assertFalse(same("幸福路东门垃圾站", "幸福路12号院"), "nothing in common but the street");
    assertTrue(CasePlace.parse(null).isEmpty());
    assertTrue(CasePlace.parse(" ，。 ").isEmpty());
  }
}
