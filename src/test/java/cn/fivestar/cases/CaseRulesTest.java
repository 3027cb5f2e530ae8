package cn.fivestar.cases;

import static cn.fivestar.cases.CaseStatus.ANSWERED;
import static cn.fivestar.cases.CaseStatus.ASSIGNED;
import static cn.fivestar.cases.CaseStatus.CLOSED;
import static cn.fivestar.cases.CaseStatus.IN_PROGRESS;
import static cn.fivestar.cases.CaseStatus.MERGED;
import static cn.fivestar.cases.CaseStatus.RECEIVED;
import static cn.fivestar.cases.CaseStatus.RETURNED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The case rules on their own: no database, no clock, no service. */
class CaseRulesTest {
  static final CaseRules RULES = new CaseRules(Taxonomy.defaults(), WorkCalendar.defaults());
  /** Monday 2026-01-05 09:00 in Henan. */
  static final Instant MONDAY_9AM = local(LocalDateTime.of(2026, 1, 5, 9, 0));

  static Instant local(LocalDateTime t) {
    return t.atZone(CaseRules.ZONE).toInstant();
  }

  static NewCase request(String text, String location, String category, CaseKind kind) {
    return new NewCase("telegram", "u1", "chat-u1", "居民", null, text, location, category, kind, null);
  }

  static CaseRecord stored(String text, String location) {
    return RULES.stamp(RULES.draft(request(text, location, "设施维修", null)), "20260105-0001", MONDAY_9AM);
  }

  static CaseRecord in(CaseRecord r, CaseStatus status, String assignee) {
    return new CaseRecord(r.id(), status, r.kind(), r.channel(), r.userId(), r.chatId(), r.displayName(), r.phone(),
        r.text(), r.location(), r.category(), r.star(), r.village(), r.photoIds(), r.createdAt(), r.updatedAt(),
        r.dueAt(), r.respondBy(), null, null, assignee, status == MERGED ? "20260105-0009" : null, null, null,
        List.of(), List.of(), List.of());
  }

  static CaseRules.CheckedUpdate update(CaseUpdate u) {
    return RULES.check(u);
  }

  // ---------------------------------------------------------------- intake

  @Test
  void starAndVillageComeFromCategoryAndPlace() {
    CaseRecord community = RULES.draft(request("垃圾没人收", "幸福社区3号楼", "环境卫生", null));
    assertFalse(community.village());
    assertEquals("共建共享星", community.star());
    CaseRecord village = RULES.draft(request("垃圾没人收", "王庄村三组", "环境卫生", null));
    assertTrue(village.village());
    assertEquals("生态宜居星", village.star());
    CaseRecord fromText = RULES.draft(request("李庄村村口垃圾堆成山", null, "环境卫生", null));
    assertTrue(fromText.village(), "without a place the text decides");
    CaseRecord other = RULES.draft(request("想问个事", null, null, null));
    assertEquals("其他", other.category());
    assertNull(other.star());
    assertEquals(CaseKind.HELP, other.kind(), "help by default");
    assertEquals(RECEIVED, other.status());
  }

  @Test
  void inputIsCheckedAndCleaned() {
    CaseRecord r = RULES.draft(new NewCase(" telegram ", "u1", null, null, "138-1234-5678", "  灯坏了\u200B  ",
        " 幸福路\n12号院 ", "设施维修", null, java.util.Arrays.asList("p1", " ", null)));
    assertEquals("telegram", r.channel());
    assertEquals("灯坏了", r.text());
    assertEquals("幸福路 12号院", r.location());
    assertEquals(List.of("p1"), r.photoIds());
    assertInvalid(() -> RULES.draft(null));
    assertInvalid(() -> RULES.draft(request(" \u0000 ", null, null, null)));
    assertInvalid(() -> RULES.draft(request("很长".repeat(1001), null, null, null)));
    assertInvalid(() -> RULES.draft(request("灯坏了", null, "水电", null)));
    assertInvalid(() -> RULES.draft(new NewCase("telegram", "u1", null, null, "call me", "灯坏了", null, null, null,
        null)));
    assertInvalid(() -> RULES.draft(new NewCase("telegram", "u1", null, null, null, "灯坏了", null, null, null,
        Collections.nCopies(21, "p"))));
    assertInvalid(() -> RULES.draft(new NewCase(null, "u1", null, null, null, "灯坏了", null, null, null, null)));
  }

  @Test
  void deadlinesCountWorkingDays() {
    CaseRecord help = stored("楼道灯不亮", "幸福社区5号楼");
    assertEquals(MONDAY_9AM, help.createdAt());
    assertEquals(local(LocalDateTime.of(2026, 1, 19, 23, 59, 59)).plusMillis(999), help.dueAt(), "10 working days");
    assertEquals(local(LocalDateTime.of(2026, 1, 6, 23, 59, 59)).plusMillis(999), help.respondBy(), "next working day");
    Instant friday = local(LocalDateTime.of(2026, 1, 9, 16, 0));
    assertEquals(local(LocalDateTime.of(2026, 1, 13, 23, 59, 59)).plusMillis(999),
        RULES.dueAt(friday, CaseKind.CONSULTATION), "a consultation on Friday is due at the end of Tuesday");
  }

  @Test
  void thePreviewIsWhatFilingWouldStamp() {
    for (NewCase n : List.of(request("垃圾没人收", "王庄村三组", "环境卫生", CaseKind.COMPLAINT),
        request("楼道灯不亮", "幸福社区5号楼", "设施维修", null), request("咨询低保", null, null, CaseKind.CONSULTATION))) {
      CasePreview p = RULES.preview(n, MONDAY_9AM);
      CaseRecord r = RULES.stamp(RULES.draft(n), "20260105-0001", MONDAY_9AM);
      assertEquals(r.category(), p.category());
      assertEquals(r.star(), p.star());
      assertEquals(r.village(), p.village());
      assertEquals(r.kind(), p.kind());
      assertEquals(r.dueAt(), p.dueAt());
      assertEquals(r.respondBy(), p.respondBy());
    }
    CasePreview unknown = RULES.preview(request("灯坏了", "王庄村", "水电", null), MONDAY_9AM);
    assertEquals("其他", unknown.category(), "a preview never refuses");
    assertEquals("村", unknown.area());
    assertEquals("其他", RULES.preview(null, MONDAY_9AM).category());
  }

  // ---------------------------------------------------------------- tracking numbers

  @Test
  void trackingNumbersUseTheLocalDay() {
    assertEquals("20260105", CaseRules.day(MONDAY_9AM));
    assertEquals("20260107", CaseRules.day(Instant.parse("2026-01-06T23:30:00Z")), "07:30 in Henan is the 7th");
    assertEquals("20260105-0007", CaseRules.trackingNumber("20260105", 7));
    assertEquals("20260105-12345", CaseRules.trackingNumber("20260105", 12345));
    assertEquals("20260105-0001", CaseRules.normalizeId(" #２０２６０１０５－０００１ "));
    assertEquals("20260105-0001", CaseRules.normalizeId("202601050001"));
    assertNull(CaseRules.normalizeId("  "));
    assertEquals("20260105-0001", CaseRules.existingId("20260105—0001"));
    assertEquals(CaseException.Reason.NOT_FOUND,
        assertThrows(CaseException.class, () -> CaseRules.existingId("2026-1")).reason());
    assertInvalid(() -> CaseRules.existingId(null));
  }

  // ---------------------------------------------------------------- status moves

  @Test
  void movesFollowTheDocumentedTable() {
    for (CaseStatus from : CaseStatus.values()) {
      for (CaseStatus to : CaseStatus.values()) {
        boolean legal = CaseLifecycleTest.LEGAL.contains(List.of(from, to));
        if (legal) {
          CaseChange.Moved m = CaseRules.move("x", from, to, "张三", "李四", "原因");
          assertEquals(from, m.from());
          assertEquals(to, m.to());
        } else {
          assertThrows(CaseException.class, () -> CaseRules.move("x", from, to, "张三", "李四", "原因"),
              from + " → " + to);
        }
      }
    }
  }

  @Test
  void extraRulesOfMoves() {
    assertInvalid(() -> CaseRules.move("x", RECEIVED, ASSIGNED, null, "调度员", null));
    assertInvalid(() -> CaseRules.move("x", ASSIGNED, RETURNED, "张三", "张三", null));
    assertEquals("李四", CaseRules.move("x", RECEIVED, IN_PROGRESS, null, "李四", null).assignee(), "taker handles it");
    assertNull(CaseRules.move("x", ASSIGNED, RETURNED, "张三", "张三", "不归我管").assignee(), "returned clears it");
    CaseChange.Moved first = CaseRules.move("x", RECEIVED, ANSWERED, null, "张三", null);
    assertTrue(first.firstResponse());
    assertFalse(first.closes());
    assertTrue(CaseRules.move("x", ANSWERED, CLOSED, null, "张三", null).closes());
    CaseException merge = assertThrows(CaseException.class, () -> CaseRules.move("x", RECEIVED, MERGED, null, "a", null));
    assertTrue(merge.getMessage().contains("合并请用合并功能"));
  }

  @Test
  void aReplyAnswersAndAnAssignmentDispatches() {
    CaseRecord r = stored("楼道灯不亮", "幸福社区5号楼");
    assertEquals(List.of(new CaseChange.Replied(RECEIVED, "已修好"), new CaseChange.Moved(RECEIVED, ANSWERED, null, null)),
        RULES.plan(r, update(CaseUpdate.by("张三").withReply("已修好"))));
    assertEquals(List.of(new CaseChange.Assigned(RECEIVED, null, "张三"),
            new CaseChange.Moved(RECEIVED, ASSIGNED, "张三", null)),
        RULES.plan(r, update(CaseUpdate.by("调度员").withAssignee("张三"))));
    // reply and close: the reply is the answer, then the case closes
    assertEquals(List.of(new CaseChange.Replied(IN_PROGRESS, "已修好"),
            new CaseChange.Moved(IN_PROGRESS, ANSWERED, "张三", null),
            new CaseChange.Moved(ANSWERED, CLOSED, "张三", "办结")),
        RULES.plan(in(r, IN_PROGRESS, "张三"),
            update(CaseUpdate.by("张三").withReply("已修好").withStatus(CLOSED).withNote("办结"))));
    // a progress reply keeps the status; with nothing else changing, the note is internal
    assertEquals(List.of(new CaseChange.Replied(IN_PROGRESS, "在修"), new CaseChange.Noted(IN_PROGRESS, "备件")),
        RULES.plan(in(r, IN_PROGRESS, "张三"),
            update(CaseUpdate.by("张三").withReply("在修").withStatus(IN_PROGRESS).withNote("备件"))));
    assertEquals(List.of(new CaseChange.Recategorized(RECEIVED, "设施维修", "环境卫生", "共建共享星")),
        RULES.plan(r, update(CaseUpdate.by("调度员").withCategory("环境卫生"))));
    assertEquals(List.of(new CaseChange.Assigned(ASSIGNED, "张三", "李四")),
        RULES.plan(in(r, ASSIGNED, "张三"), update(CaseUpdate.by("调度员").withAssignee("李四"))), "改派");
  }

  @Test
  void illegalUpdatesAreRefusedWhole() {
    CaseRecord r = stored("楼道灯不亮", "幸福社区5号楼");
    assertThrows(CaseException.class, () -> RULES.plan(r, update(CaseUpdate.by("张三").withStatus(CLOSED))));
    assertThrows(CaseException.class, () -> RULES.plan(in(r, RETURNED, null),
        update(CaseUpdate.by("张三").withReply("好的").withStatus(ASSIGNED))), "returned: dispatch before replying");
    assertThrows(CaseException.class, () -> RULES.plan(in(r, CLOSED, "张三"),
        update(CaseUpdate.by("张三").withAssignee("李四"))));
    CaseException merged = assertThrows(CaseException.class, () -> RULES.plan(in(r, MERGED, null),
        update(CaseUpdate.by("张三").withNote("看看"))));
    assertTrue(merged.getMessage().contains("已合并到 20260105-0009"), merged.getMessage());
    assertInvalid(() -> RULES.check(CaseUpdate.by("张三")));
    assertInvalid(() -> RULES.check(CaseUpdate.by(" ").withNote("x")));
    assertInvalid(() -> RULES.check(CaseUpdate.by("张三").withCategory("水电")));
  }

  // ---------------------------------------------------------------- merge, follow, rate, filters

  @Test
  void mergeFollowAndRatingRules() {
    CaseRecord r = stored("楼道灯不亮", "幸福社区5号楼");
    CaseRecord other = in(r, ASSIGNED, "张三");
    CaseRules.checkMerge(r, other);
    assertThrows(CaseException.class, () -> CaseRules.checkMerge(in(r, ANSWERED, "张三"), other));
    assertThrows(CaseException.class, () -> CaseRules.checkMerge(r, in(r, CLOSED, null)));
    assertThrows(CaseException.class, () -> CaseRules.checkMerge(r, in(r, MERGED, null)));
    assertThrows(CaseException.class, () -> CaseRules.checkMerge(in(r, MERGED, null), other));

    assertTrue(CaseRules.alreadyInformed(r, "telegram", "u1", "anything"), "the reporter");
    assertFalse(CaseRules.alreadyInformed(r, "telegram", "u2", "chat-u2"));
    CaseRecord followed = CaseRows.withLists(r, List.of(), List.of(),
        List.of(new Recipient("telegram", "u2", "chat-u2", false)));
    assertTrue(CaseRules.alreadyInformed(followed, "telegram", "u2", "chat-u2"));
    assertFalse(CaseRules.alreadyInformed(followed, "telegram", "u2", "new-chat"), "a new chat is stored");

    assertEquals(CaseException.Reason.NOT_ALLOWED, assertThrows(CaseException.class,
        () -> CaseRules.checkRating(in(r, CLOSED, null), "telegram", "u2")).reason());
    assertThrows(CaseException.class, () -> CaseRules.checkRating(r, "telegram", "u1"));
    CaseRules.checkRating(in(r, CLOSED, null), "telegram", "u1");
    assertInvalid(() -> CaseRules.checkScore(0));
    assertInvalid(() -> CaseRules.checkScore(6));
  }

  @Test
  void filtersAreChecked() {
    CaseFilter f = RULES.checked(CaseFilter.all().withStar(" 平安法治星 ").withAssignee(" 张三 ").withCategory("环境卫生"));
    assertEquals("平安法治星", f.star());
    assertEquals("张三", f.assignee());
    assertInvalid(() -> RULES.checked(CaseFilter.all().withStar("五角星")));
    assertInvalid(() -> RULES.checked(CaseFilter.all().withCategory("水电")));
    assertInvalid(() -> CaseRules.checkPeriod(java.time.LocalDate.of(2026, 2, 1), java.time.LocalDate.of(2026, 1, 1)));
  }

  static void assertInvalid(org.junit.jupiter.api.function.Executable e) {
    assertEquals(CaseException.Reason.INVALID_INPUT, assertThrows(CaseException.class, e).reason());
  }
}
