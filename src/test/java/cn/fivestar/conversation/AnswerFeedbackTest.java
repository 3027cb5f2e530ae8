package cn.fivestar.conversation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.fivestar.answer.Answer;
import cn.fivestar.answer.Citation;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** 有用 / 没用 under every knowledge answer, through the engine, stored with what was judged (issue 16 part 3). */
class AnswerFeedbackTest {
  @TempDir Path dir;
  Harness h;
  AnswerLog log;

  @BeforeEach
  void setUp() {
    h = new Harness(dir);
    log = h.enableFeedback();
  }

  @AfterEach
  void tearDown() {
    h.close();
  }

  private static String vote(List<Outbound> out, String prefix) {
    return out.stream().flatMap(o -> o.buttons().stream()).flatMap(List::stream).map(Button::data)
        .filter(d -> d.startsWith(prefix)).findFirst().orElseThrow(() -> new AssertionError("no " + prefix + " button"));
  }

  @Test
  void aDownVoteWithAReasonIsKeptWithTheQuestionAnswerAndIndexVersion() {
    List<Outbound> answer = h.send("a", Role.RESIDENT, "社区有没有助老食堂？");
    String down = vote(answer, Questions.NOT_HELPFUL);
    assertTrue(h.press("a", Role.RESIDENT, down).contains("哪里不对"));
    assertTrue(h.say("a", "没说在哪个小区 我们小区有没有").contains("已记下"));
    AnswerLog.Entry e = log.voted(0).get(0);
    assertEquals("down", e.vote());
    assertEquals("社区有没有助老食堂？", e.question());
    assertEquals("没说在哪个小区 我们小区有没有", e.reason());
    assertEquals("v-test", e.indexVersion());
    assertTrue(e.citations().contains("title"), e.citations());
  }

  @Test
  void anUpVoteThanksAndOnlyTheAskerMayVote() {
    String up = vote(h.send("a", Role.RESIDENT, "怎么争创平安法治星？"), Questions.HELPFUL);
    assertTrue(h.press("b", Role.RESIDENT, up).contains("失效"), "another person's answer");
    assertTrue(h.press("a", Role.RESIDENT, up).contains("谢谢"));
    assertEquals("up", log.voted(0).get(0).vote());
    assertEquals(1, log.voted(0).size());
  }

  @Test
  void refusalsCarryNoVoteButtons() {
    List<Outbound> out = h.send("a", Role.RESIDENT, "茅台股票现在还能买不");
    assertTrue(out.stream().flatMap(o -> o.buttons().stream()).flatMap(List::stream)
        .noneMatch(b -> b.data().startsWith("fb:")), "a refusal is not an answer to judge");
  }

  @Test
  void aLoggedAnswerRoundTrips() {
    long id = log.record("telegram", "x", "问", new Answer("问", true, false, "答", List.of(new Citation("a.md", "标题", "正文"))));
    assertTrue(log.vote(id, "telegram", "x", true));
    assertEquals("标题", log.voted(1).get(0).citations().replaceAll(".*\"title\":\"([^\"]+)\".*", "$1"));
  }
}
