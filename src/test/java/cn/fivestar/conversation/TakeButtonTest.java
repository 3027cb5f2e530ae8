package cn.fivestar.conversation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.fivestar.cases.CaseRecord;
import cn.fivestar.cases.CaseStatus;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The 接办 button on the staff notice of a new case, pressed in the staff group. */
class TakeButtonTest {
  static final String GROUP = "-100123";

  @TempDir Path dir;
  Harness h;
  CaseRecord c;
  Button take;

  @BeforeEach
  void start() {
    h = new Harness(dir);
    c = h.report("a", "小区门口的垃圾好几天没人清运了", "幸福路12号院");
    Outbound notice = h.notifier.staff.get(h.notifier.staff.size() - 1);
    assertTrue(notice.text().contains("新诉求 " + c.id()), notice.text());
    take = notice.buttons().get(0).get(0);
  }

  @AfterEach
  void stop() {
    h.close();
  }

  private String press(String user, String name, Role role, String data) {
    return Harness.join(replies(user, name, role, data));
  }

  private List<Outbound> replies(String user, String name, Role role, String data) {
    return h.engine.handle(new Inbound(Harness.CHANNEL, GROUP, user, name, role, "", data, List.of()));
  }

  /** Whether the engine refused the press (channels then leave the pressed message and its buttons alone). */
  private static boolean refused(List<Outbound> replies) {
    return !replies.isEmpty() && replies.stream().allMatch(Outbound::refused);
  }

  @Test
  void onlyAPressThatTakesTheCaseCountsAsCarriedOut() {
    assertTrue(refused(replies("31001", "王阿姨", Role.RESIDENT, take.data())), "a resident cannot take it");
    List<Outbound> taken = replies("900", "李网格员", Role.STAFF, take.data());
    assertTrue(taken.stream().noneMatch(Outbound::refused), taken.toString());
    assertTrue(refused(replies("901", "赵主任", Role.SUPERVISOR, take.data())), "already taken by a colleague");
    assertTrue(refused(replies("900", "李网格员", Role.STAFF, "take:20990101-0099")), "unknown case");
    // Stale buttons of other kinds are refused too; typed messages never are.
    assertTrue(refused(replies("31001", "王阿姨", Role.RESIDENT, "log:yes")));
    assertTrue(refused(replies("31001", "王阿姨", Role.RESIDENT, "nonsense")));
    assertTrue(h.send("31001", Role.RESIDENT, "你好").stream().noneMatch(Outbound::refused));
  }

  @Test
  void theNoticeCarriesATakeButtonWithShortData() {
    assertEquals("接办", take.label());
    assertEquals("take:" + c.id(), take.data());
    assertTrue(take.data().getBytes(StandardCharsets.UTF_8).length <= 64);
  }

  @Test
  void pressingItAssignsTheCaseLikeTake() {
    String reply = press("900", "李网格员", Role.STAFF, take.data());
    assertTrue(reply.contains("已接办 " + c.id()), reply);
    CaseRecord r = h.cases.get(c.id());
    assertEquals(CaseStatus.IN_PROGRESS, r.status());
    assertEquals("telegram:900", r.assignee());
    // The resident hears that work has started, as with /take.
    assertTrue(Harness.join(h.notifier.to("chat-a")).contains("已经在办理"));
    assertTrue(h.send("900", Role.STAFF, "/mine").get(0).text().contains(c.id()));
  }

  @Test
  void theSecondPresserIsToldWhoTookIt() {
    press("900", "李网格员", Role.STAFF, take.data());
    String second = press("901", "赵主任", Role.SUPERVISOR, take.data());
    assertTrue(second.contains("已由 李网格员 接办"), second);
    assertEquals("telegram:900", h.cases.get(c.id()).assignee());
    String again = press("900", "李网格员", Role.STAFF, take.data());
    assertTrue(again.contains("您已经接办了"), again);
  }

  @Test
  void aResidentPressingItIsRefusedPolitely() {
    String reply = press("31001", "王阿姨", Role.RESIDENT, take.data());
    assertTrue(reply.contains("只有社区工作人员可以接办"), reply);
    CaseRecord r = h.cases.get(c.id());
    assertEquals(CaseStatus.RECEIVED, r.status());
    assertNull(r.assignee());
  }

  @Test
  void aCaseAssignedByTheSupervisorIsNotTakenOver() {
    h.cases.assign(c.id(), "王网格员", "supervisor");
    String reply = press("900", "李网格员", Role.STAFF, take.data());
    assertTrue(reply.contains("已派给 王网格员"), reply);
    // The one it was given to (by name) takes it with the button.
    assertTrue(press("902", "王网格员", Role.STAFF, take.data()).contains("已接办"));
    assertEquals(CaseStatus.IN_PROGRESS, h.cases.get(c.id()).status());
  }

  @Test
  void staleOrForgedButtonsGetAClearAnswer() {
    press("900", "李网格员", Role.STAFF, take.data());
    h.staff("900", "/status " + c.id() + " closed");
    assertTrue(h.staff("900", "/reply " + c.id() + " 已清运").contains("已答复"));
    assertTrue(h.staff("900", "/status " + c.id() + " closed").contains("已办结"));
    String closed = press("903", "孙网格员", Role.STAFF, take.data());
    assertTrue(closed.contains("不能再接办"), closed);
    String forged = press("900", "李网格员", Role.STAFF, "take:20990101-0099");
    assertTrue(forged.contains("20990101-0099"), forged);
    String junk = press("900", "李网格员", Role.STAFF, "take:");
    assertTrue(junk.contains("编号") || junk.contains("诉求"), junk);
  }
}
