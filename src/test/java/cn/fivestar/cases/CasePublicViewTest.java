package cn.fivestar.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What someone other than the reporter may see of a case; pure, no database. */
class CasePublicViewTest {

  @Test
  void streetLevelKeepsOnlyStreetCommunityOrVillage() {
    assertEquals("幸福路", CasePublicView.streetLevelPlace("幸福路12号院3号楼2单元501"));
    assertEquals("幸福路", CasePublicView.streetLevelPlace("幸福路12号院3号楼2单元501室"));
    assertEquals("幸福路", CasePublicView.streetLevelPlace("幸福路１２号"));
    assertEquals("锦艺东社区", CasePublicView.streetLevelPlace("锦艺东社区7号楼"));
    assertEquals("锦艺东社区", CasePublicView.streetLevelPlace("锦艺东社区7号楼门口 我家2单元三楼西户"));
    assertEquals("幸福社区", CasePublicView.streetLevelPlace("幸福社区5栋1单元302"));
    assertEquals("王庄村", CasePublicView.streetLevelPlace("王庄村三组"));
    assertEquals("王庄村", CasePublicView.streetLevelPlace("王庄村3组15号"));
    assertEquals("桐柏社区颍河路小区", CasePublicView.streetLevelPlace("桐柏社区颍河路小区69号院 东门垃圾站那"));
    assertEquals("通信花园社区纬五路", CasePublicView.streetLevelPlace("通信花园社区纬五路13号院小广场"));
    assertEquals("东门垃圾站", CasePublicView.streetLevelPlace("东门垃圾站"), "a public landmark");
    assertEquals("幸福路", CasePublicView.streetLevelPlace("幸福路"));
    assertEquals("幸福路", CasePublicView.streetLevelPlace("幸福路12号院马路对面"), "马路 names no street");
    assertNull(CasePublicView.streetLevelPlace("张大爷家门口"), "a home is not shown");
    assertNull(CasePublicView.streetLevelPlace("3号楼2单元501"), "numbers only");
    assertNull(CasePublicView.streetLevelPlace(null));
  }

  @Test
  void thePublicViewShowsNoTextPhoneNameOrHouseNumber() {
    CaseRecord stored = CaseRulesTest.RULES.stamp(CaseRulesTest.RULES.draft(new NewCase("telegram", "u1", "chat-u1",
        "王阿姨", "13812345678", "楼道灯坏了，我家501门口黑乎乎的", "幸福路12号院3号楼2单元501", "设施维修", null, null)),
        "20260105-0001", Instant.parse("2026-01-05T01:00:00Z"));
    CasePublicView v = CasePublicView.of(stored);
    assertEquals(new CasePublicView("20260105-0001", "设施维修", CaseStatus.RECEIVED, "幸福路"), v);
    assertEquals("编号 20260105-0001（设施维修，幸福路，已受理）", v.text());
    for (String hidden : List.of("501", "12号", "3号楼", "2单元", "王阿姨", "138", "楼道灯", "黑乎乎")) {
      assertFalse(v.text().contains(hidden) || v.toString().contains(hidden), hidden);
    }
    CaseRecord noPlace = CaseRulesTest.RULES.stamp(CaseRulesTest.RULES.draft(new NewCase("telegram", "u1", null,
        null, null, "咨询低保", null, null, CaseKind.CONSULTATION, null)), "20260105-0002", Instant.EPOCH);
    assertEquals("编号 20260105-0002（其他，已受理）", CasePublicView.of(noPlace).text());
  }
}
