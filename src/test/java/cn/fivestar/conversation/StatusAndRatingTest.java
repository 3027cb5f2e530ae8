package cn.fivestar.conversation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.fivestar.cases.CaseRecord;
import cn.fivestar.cases.CaseStatus;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Residents checking their cases, staff answers reaching them, closing and rating. */
class StatusAndRatingTest {
  @TempDir Path dir;
  Harness h;
  CaseRecord mine;

  @BeforeEach
  void start() {
    h = new Harness(dir);
    mine = h.report("a", "楼下路灯坏了好几天了", "幸福路12号院3号楼");
  }

  @AfterEach
  void stop() {
    h.close();
  }

  @Test
  void aResidentSeesTheirOwnCases() {
    String list = h.say("a", "我反映的事怎么样了");
    assertTrue(list.contains(mine.id()) && list.contains("已受理"), list);
    String detail = h.say("a", mine.id());
    assertTrue(detail.contains("幸福路12号院3号楼") && detail.contains("1月19日"), detail);
  }

  @Test
  void anotherResidentsCaseIsPolitelyRefused() {
    String other = h.say("b", "帮我查一下 " + mine.id() + " 的进度");
    assertTrue(other.contains("为保护隐私"), other);
    assertFalse(other.contains("路灯") || other.contains("幸福路"), "nothing of the case leaks: " + other);
    String none = h.say("b", "我反映的事怎么样了");
    assertTrue(none.contains("还没有反映过"), none);
    String unknown = h.say("b", "20990101-0001");
    assertEquals(other.replace(mine.id(), "X"), unknown.replace("20990101-0001", "X"),
        "an unknown number and someone else's number get the same answer");
  }

  @Test
  void staffRepliesReachTheResidentAndClosingAsksForARating() {
    h.staff("s", "/take " + mine.id());
    assertTrue(h.notifier.to("chat-a").stream().anyMatch(o -> o.text().contains("已经在办理")));
    String ack = h.staff("s", "/reply " + mine.id() + " 已安排电工明天上午维修");
    assertTrue(ack.contains("已答复"), ack);
    Outbound reply = last(h.notifier.to("chat-a"));
    assertTrue(reply.text().contains("已安排电工明天上午维修") && reply.text().contains(mine.id()), reply.text());
    assertEquals("telegram", h.notifier.sent.get(h.notifier.sent.size() - 1).channel());

    h.staff("s", "/status " + mine.id() + " 已办结");
    Outbound closed = last(h.notifier.to("chat-a"));
    assertTrue(closed.text().contains("已办结"), closed.text());
    assertEquals(5, closed.buttons().get(0).size(), "score buttons 1-5");
    assertEquals("rate:" + mine.id() + ":5", closed.buttons().get(0).get(4).data());

    String thanks = h.say("a", "5分");
    assertTrue(thanks.contains("5 分"), thanks);
    assertTrue(h.say("a", "师傅来得很快，谢谢").contains("记下"));
    CaseRecord rated = h.cases.get(mine.id());
    assertEquals(CaseStatus.CLOSED, rated.status());
    assertEquals(5, rated.rating());
    assertEquals("师傅来得很快，谢谢", rated.ratingComment());
  }

  @Test
  void aBareScoreAfterAnInterruptionStillRatesTheClosedCase() {
    h.staff("s", "/take " + mine.id());
    h.staff("s", "/reply " + mine.id() + " 已换新灯泡");
    h.staff("s", "/status " + mine.id() + " 已办结");
    h.say("a", "你好");
    String thanks = h.say("a", "4");
    assertTrue(thanks.contains("4 分"), thanks);
    assertEquals(4, h.cases.get(mine.id()).rating());
    assertFalse(h.say("b", "4").contains("感谢您的评价"), "someone without a closed case is not rating anything");
  }

  @Test
  void theRatingButtonWorksEvenWhileANewReportIsUnderway() {
    h.staff("s", "/reply " + mine.id() + " 路灯已修好");
    h.staff("s", "/status " + mine.id() + " closed");
    assertTrue(h.say("a", "小区门口垃圾没人收").contains("在哪里"));
    String rated = h.press("a", Role.RESIDENT, "rate:" + mine.id() + ":3");
    assertTrue(rated.contains("3 分") && rated.contains("在哪里"), "rated, and the new report goes on: " + rated);
    assertEquals(3, h.cases.get(mine.id()).rating());
    assertNull(h.cases.get(mine.id()).ratingComment());
    String summary = h.say("a", "幸福路12号院");
    assertTrue(summary.contains("小区门口垃圾没人收"), summary);
  }

  @Test
  void onlyTheReporterMayRate() {
    h.staff("s", "/status " + mine.id() + " in_progress");
    h.staff("s", "/reply " + mine.id() + " 已修好");
    h.staff("s", "/status " + mine.id() + " closed");
    String refused = h.press("b", Role.RESIDENT, "rate:" + mine.id() + ":1");
    assertTrue(refused.contains("只有"), refused);
    assertNull(h.cases.get(mine.id()).rating());
  }

  @Test
  void followersHearAboutRepliesToo() {
    assertTrue(h.say("b", "幸福路12号院3号楼的路灯坏了好几天了").contains(mine.id()));
    assertTrue(h.say("b", "一起关注").contains("已为您关注"));
    h.staff("s", "/reply " + mine.id() + " 已报电力公司");
    assertTrue(h.notifier.to("chat-b").stream().anyMatch(o -> o.text().contains("已报电力公司")));
  }

  private static Outbound last(List<Outbound> list) {
    assertFalse(list.isEmpty(), "nothing was sent");
    return list.get(list.size() - 1);
  }
}
