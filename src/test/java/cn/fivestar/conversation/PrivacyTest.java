package cn.fivestar.conversation;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.fivestar.cases.CaseRecord;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13's leak, replayed: one resident must never read another's phone, ID number, words or house number — not
 * in the duplicate prompt, not after following the case, not by typing its tracking number.
 */
class PrivacyTest {
  private static final List<String> ALICE_PRIVATE = List.of("13812345678", "13912345678", "410102199001011234",
      "19900101", "2单元501", "王大妈", "我电话", "身份证");

  @TempDir Path dir;
  Harness h;
  CaseRecord alice;

  @BeforeEach
  void setUp() {
    h = new Harness(dir);
    h.say("alice", "楼道灯坏了，我电话13812345678，身份证410102199001011234");
    h.say("alice", "幸福路12号院3号楼2单元501 王大妈 13912345678");
    alice = h.cases.get(Harness.trackingNumber(h.say("alice", "确认")));
  }

  @AfterEach
  void tearDown() {
    h.close();
  }

  private static void assertClean(String reply) {
    for (String secret : ALICE_PRIVATE) assertFalse(reply.contains(secret), "leaks " + secret + ": " + reply);
  }

  @Test
  void theHarvestingRecipeOfTheIssueShowsNothingOfAlice() {
    List<String> seen = new ArrayList<>();
    seen.add(h.say("eve", "楼道灯坏了"));
    seen.add(h.say("eve", "幸福路"));
    seen.add(h.say("eve", "一起关注"));
    seen.add(h.say("eve", alice.id()));
    seen.add(h.say("eve", "我反映的事怎么样了"));
    seen.forEach(PrivacyTest::assertClean);
  }

  @Test
  void aNeighbourFollowingTheSameProblemSeesOnlyNumberCategoryStatusAndStreet() {
    String offer = h.say("bob", "幸福路12号院3号楼楼道灯坏了 黑乎乎的");
    assertClean(offer);
    if (offer.contains(alice.id())) {
      String followed = h.say("bob", "一起关注");
      assertClean(followed);
      String detail = h.say("bob", alice.id());
      assertClean(detail);
      assertTrue(detail.contains(alice.category()) && detail.contains("已受理"), detail);
      assertClean(h.say("bob", "我反映的事怎么样了"));
    }
  }

  @Test
  void theReporterStillSeesEverythingOfTheirOwnCase() {
    String mine = h.say("alice", alice.id());
    assertTrue(mine.contains("2单元501"), mine);
  }

  @Test
  void staffNoticesMaskPhonesInThePlace() {
    assertTrue(h.notifier.staff.stream().anyMatch(o -> o.text().contains(alice.id())));
    h.notifier.staff.forEach(o -> assertFalse(o.text().contains("13912345678"), o.text()));
  }
}
