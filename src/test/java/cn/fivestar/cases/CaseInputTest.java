package cn.fivestar.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hostile and malformed input: refused clearly (Chinese), cleaned where harmless, and nothing stored is lost. */
class CaseInputTest {
  @TempDir Path dir;
  CaseService cases;
  CaseRecord existing;

  @BeforeEach
  void open() {
    cases = CaseTestSupport.open(dir, new MutableClock(CaseTestSupport.MONDAY_9AM));
    existing = cases.create(CaseTestSupport.resident("u1", "2号楼下水道堵了，污水漫到路上", "幸福社区2号楼"));
  }

  @AfterEach
  void close() {
    // every refusal left the earlier case exactly as it was
    assertEquals(existing.id(), cases.list(CaseFilter.all()).get(cases.list(CaseFilter.all()).size() - 1).id());
    assertEquals(existing.text(), cases.get(existing.id()).text());
    cases.close();
  }

  private CaseException refusedCreate(NewCase c) {
    long before = cases.list(CaseFilter.all()).size();
    CaseException e = assertThrows(CaseException.class, () -> cases.create(c));
    assertEquals(CaseException.Reason.INVALID_INPUT, e.reason());
    assertEquals(2, e.exitCode());
    assertEquals(before, cases.list(CaseFilter.all()).size(), "nothing stored");
    return e;
  }

  private static NewCase withText(String text) {
    return CaseTestSupport.resident("u2", text, "幸福社区");
  }

  @Test
  void hundredKilobyteTextIsRefusedWithItsLength() {
    String huge = "漏水".repeat(50_000);
    CaseException e = refusedCreate(withText(huge));
    assertEquals("诉求内容太长了（100000 字），请精简到 2000 字以内，或分几次说明。", e.getMessage());
    assertEquals(1, CaseTestSupport.count(dir, "SELECT last FROM case_day_seq"), "no tracking number used up");
  }

  @Test
  void textAtTheLimitIsKeptWhole() {
    String max = "😀".repeat(2000);  // 2,000 characters even though 4,000 UTF-16 units
    assertEquals(max, cases.create(withText(max)).text());
    refusedCreate(withText(max + "多"));
  }

  @Test
  void emptyOrInvisibleTextIsRefused() {
    assertEquals("诉求内容不能为空。", refusedCreate(withText("")).getMessage());
    refusedCreate(withText(null));
    refusedCreate(withText("  \n\t "));
    refusedCreate(withText("\u0000\u0007\u200B\u202E"));
  }

  @Test
  void controlAndInvisibleCharactersAreStrippedButLineBreaksAndEmojiKept() {
    String sent = "楼上\u0000漏水\u0007到我家\u001B[31m\r\n已经三天了\u202E\u200B👨‍👩‍👧\uD800";
    CaseRecord r = cases.create(new NewCase("telegram", "u3", "c3", "张\n阿姨\u0000", null, sent, "幸福\t社区\n3号楼",
        null, null, null));
    assertEquals("楼上漏水到我家[31m\n已经三天了👨‍👩‍👧", r.text());
    assertEquals("张 阿姨", r.displayName());
    assertEquals("幸福 社区 3号楼", r.location());
    assertEquals(Taxonomy.OTHER, r.category(), "no category → 其他");
    assertEquals(CaseKind.HELP, r.kind(), "no kind → help");
    assertEquals(r, cases.get(r.id()), "stored as returned");
  }

  @Test
  void otherFieldsAreChecked() {
    assertTrue(refusedCreate(new NewCase("telegram", "u4", "c", null, "call me maybe", "水管爆了", null, null, null, null))
        .getMessage().startsWith("电话号码格式不对"));
    assertTrue(refusedCreate(new NewCase("telegram", "u4", "c", null, null, "水管爆了", null, "水电", null, null))
        .getMessage().contains("可用的分类：矛盾纠纷、治安消防"));
    refusedCreate(new NewCase("telegram", " ", "c", null, null, "水管爆了", null, null, null, null));
    refusedCreate(new NewCase(null, "u4", "c", null, null, "水管爆了", null, null, null, null));
    refusedCreate(new NewCase("telegram", "u4", "c", null, null, "水管爆了", "路".repeat(201), null, null, null));
    refusedCreate(new NewCase("telegram", "u4", "c", null, null, "水管爆了", null, null, null,
        Collections.nCopies(21, "photo")));
    refusedCreate(null);
    CaseRecord ok = cases.create(new NewCase("telegram", "u4", "c", null, " 0371-6688 1234 ", "水管爆了", null, null, null,
        List.of("AgAD1", " ", "AgAD2")));
    assertEquals("0371-6688 1234", ok.phone());
    assertEquals(List.of("AgAD1", "AgAD2"), ok.photoIds());
  }

  @Test
  void unknownIdsAndStatusesAreRefusedClearly() {
    CaseException e = assertThrows(CaseException.class, () -> cases.transition("20990101-0001", CaseStatus.ASSIGNED, "x", null));
    assertEquals(CaseException.Reason.NOT_FOUND, e.reason());
    assertEquals("找不到编号为 20990101-0001 的诉求，请核对编号（形如 20260105-0001）。", e.getMessage());
    assertEquals(CaseException.Reason.NOT_FOUND,
        assertThrows(CaseException.class, () -> cases.reply("'; DROP TABLE cases; --", "x", "hi")).reason());
    assertEquals(CaseException.Reason.NOT_FOUND, assertThrows(CaseException.class, () -> cases.history("abc")).reason());
    assertEquals(CaseException.Reason.INVALID_INPUT, assertThrows(CaseException.class, () -> cases.get(" ")).reason());
    CaseException st = assertThrows(CaseException.class, () -> CaseStatus.parse("done"));
    assertTrue(st.getMessage().startsWith("未知的状态「done」。可用的状态：received（已受理）、assigned（已派单）"), st.getMessage());
    assertEquals(CaseStatus.IN_PROGRESS, CaseStatus.parse("办理中"));
    assertEquals(CaseStatus.IN_PROGRESS, CaseStatus.parse(" In-Progress "));
    assertEquals(CaseStatus.RETURNED, CaseStatus.parse("退回"));
  }

  @Test
  void updatesCheckTheirTextToo() {
    String id = existing.id();
    assertThrows(CaseException.class, () -> cases.reply(id, "张三", "好".repeat(2001)));
    assertThrows(CaseException.class, () -> cases.reply(id, "张三", "\u0000 "));
    assertThrows(CaseException.class, () -> cases.addNote(id, "张三", ""));
    assertThrows(CaseException.class, () -> cases.assign(id, " ", "调度员"));
    assertThrows(CaseException.class, () -> cases.reply(id, "", "好的"));
    assertThrows(CaseException.class, () -> cases.update(id, CaseUpdate.by("张三")));
    assertThrows(CaseException.class, () -> cases.update(id, CaseUpdate.by("张三").withCategory("水电")));
    assertEquals(1, cases.history(id).size(), "only the creation row");
    assertFalse(cases.get(id).isOverdue(cases.clock().instant()));
  }
}
