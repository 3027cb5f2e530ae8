package cn.fivestar.conversation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.fivestar.answer.Answer;
import cn.fivestar.answer.Answerer;
import cn.fivestar.answer.Citation;
import cn.fivestar.cases.CaseFilter;
import cn.fivestar.cases.CaseKind;
import cn.fivestar.cases.CaseRecord;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Questions go to the real answerer over index/, with the person's earlier questions as history. */
class QuestionConversationTest {
  @TempDir Path dir;
  Harness h;
  final List<List<String>> histories = new ArrayList<>();

  @BeforeEach
  void start() {
    Answerer real = Harness.realAnswerer();
    Answerer watched = (q, history) -> {
      histories.add(List.copyOf(history));
      return real.answer(q, history);
    };
    h = new Harness(dir, watched, null);
  }

  @AfterEach
  void stop() {
    h.close();
  }

  @Test
  void aQuestionGetsACitedAnswerAndFollowUpsCarryTheHistory() {
    String first = h.say("a", "平安法治星的标准是什么？");
    assertTrue(first.contains("来源：") && first.contains("《"), first);
    String second = h.say("a", "那幸福和谐星呢？");
    assertTrue(second.contains("幸福和谐星"), second);
    assertEquals(List.of(), histories.get(0));
    assertEquals(List.of("平安法治星的标准是什么？"), histories.get(1));
  }

  @Test
  void historiesAreKeptPerPerson() {
    h.say("a", "什么是一长三员？");
    h.say("b", "共建共享星有什么好的做法？");
    assertEquals(List.of(), histories.get(1), "b never asked before");
  }

  @Test
  void relatedPracticesForACommunityMatterComeWithTheOfferToPassItOn() {
    h.close();
    // The answerer's decision is covered in GroundedAnswererTest; here: what the chat does with a tentative answer.
    h = new Harness(dir, (q, history) -> new Answer(q, true, true, "资料里没有完全对应的内容，相关做法：日间照料中心。[1]",
        List.of(new Citation("story.md", "日间照料", "日间照料中心为老人提供服务。"))), null);
    String reply = h.say("a", "社区有没有让老人白天待着的地方？");
    assertTrue(reply.contains("日间照料中心") && reply.contains("来源："), reply);
    assertTrue(reply.contains("转给社区工作人员"), reply);
    String summary = h.press("a", Role.RESIDENT, "log:yes");
    assertTrue(summary.contains("咨询"), summary);
    CaseRecord c = h.cases.get(Harness.trackingNumber(h.say("a", "确认")));
    assertEquals("社区有没有让老人白天待着的地方？", c.text());
  }

  @Test
  void anUnanswerableQuestionCanBePassedOnAsAConsultation() {
    String reply = h.say("a", "明天郑州会下雨吗？");
    assertTrue(reply.contains("转给社区工作人员"), reply);
    String summary = h.press("a", Role.RESIDENT, "log:yes");
    assertTrue(summary.contains("咨询") && summary.contains("2 个工作日"), summary);
    CaseRecord c = h.cases.get(Harness.trackingNumber(h.say("a", "确认")));
    assertEquals(CaseKind.CONSULTATION, c.kind());
    assertEquals("明天郑州会下雨吗？", c.text());
    assertEquals("其他", c.category());
  }

  @Test
  void aServiceQuestionTheDocumentsDoNotCoverIsOfferedToStaffNotFiledAsAProblem() {
    // The intent model reads this as a report; it asks how to get a card, so no location is asked for.
    String reply = h.say("a", "俺爹65了 老年优待卡在社区能办不");
    assertTrue(reply.contains("转给社区工作人员"), reply);
    assertFalse(reply.contains("在哪里"), reply);
    String summary = h.press("a", Role.RESIDENT, "log:yes");
    assertTrue(summary.contains("咨询"), summary);
  }

  @Test
  void askingWhetherAServiceIsFreeIsAQuestionNotAReport() {
    // The intent model reads mediation as a dispute to report; the resident asks about the fee.
    String reply = h.say("b", "阳光花苑社区调解室给人调解收钱不");
    assertFalse(reply.contains("请核对您要反映的内容"), reply);
    assertFalse(reply.contains("确认无误"), reply);
    assertTrue(reply.contains("转给社区工作人员") || reply.contains("登记转交"), reply);
  }

  @Test
  void decliningTheOfferOrMovingOnFilesNothing() {
    h.say("a", "推荐一部好看的电影");
    assertTrue(h.say("a", "不用了").contains("好的"));
    h.say("a", "明天郑州会下雨吗？");
    String next = h.say("a", "什么是五星支部？");
    assertTrue(next.contains("来源："), "a new question is simply answered: " + next);
    assertTrue(h.cases.list(CaseFilter.all()).isEmpty());
  }

  @Test
  void smallTalkIsAnsweredKindly() {
    assertTrue(h.say("a", "你好").contains("社区助手"));
    assertTrue(h.say("a", "谢谢你的帮助！").contains("不客气"));
    h.say("a", "什么是五星支部？");
    for (String ack : List.of("好的", "不用了", "知道了")) {
      assertEquals("好的。还有别的需要，随时告诉我。", h.say("a", ack), ack);
    }
  }

  /** The answerer's own failure becomes a polite reply, not a crash. */
  @Test
  void anAnswererFailureIsReportedPolitely() {
    h.restart((q, history) -> {
      throw new IllegalStateException("index is locked");
    });
    String reply = h.say("a", "什么是五星支部？");
    assertTrue(reply.contains("稍后再试"), reply);
    Answer ok = Harness.realAnswerer().answer("什么是五星支部？", List.of());
    assertTrue(ok.answered());
  }

  @Test
  void factQuestionsGetTheVenueTheFrameAndTheHolderNotTheDeputy() {
    String venue = h.say("a", "绿东村街道第三季度逐社区观摩结束后，社区（村）党组织书记“亮赛比”是在哪儿进行的？");
    assertTrue(venue.contains("白鸽社区会议室"), venue);
    String frame = h.say("b", "绿东村街道第三季度观摩暨“亮赛比”活动以什么为指引？");
    assertTrue(frame.contains("亮出承诺"), frame);
    // 党工委副书记崔海东 holds another office than the 党工委书记 asked for.
    String holder = h.say("c", "金水区花园路街道党工委书记是谁？");
    assertTrue(holder.contains("资料里没有和您的问题完全对应的内容") || !holder.contains("崔海东"), holder);
  }

  @Test
  void aDateOrPriceTheDocumentsDoNotGiveIsRefusedAndWhichStarNeedsAStar() {
    // A date from another story, or no price at all, answers nothing.
    for (String q : new String[] {"工人北路那段修路修了好几个月了 啥时候能通车", "俺们楼评上星级楼组了 物业费能给便宜点不"}) {
      cn.fivestar.answer.Answer a = Harness.realAnswerer().answer(q, java.util.List.of());
      assertFalse(a.answered(), q + " -> " + a.text());
    }
    String star = h.say("q", "冯春社区跟春晖小学、长江医院这些驻地单位组织共建、建立党建联建机制，这一条是冯春社区用来争创哪颗星的？");
    assertTrue(star.contains("资料里没有和您的问题完全对应的内容") || star.matches("(?s).*(支部过硬|共建共享|平安法治|幸福和谐|宜业兴业)星.*"),
        star);
  }
}
