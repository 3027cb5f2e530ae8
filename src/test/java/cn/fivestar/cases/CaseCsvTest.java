package cn.fivestar.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CaseCsvTest {
  @TempDir Path dir;

  static final List<String> TEXTS = List.of(
      "路灯坏了，晚上看不见，摔了一跤",
      "他说\"马上修\"，结果一周了还没人来",
      "第一行\n第二行\r\n第三行",
      "🔥楼道里电动车充电，太危险了🚒👨‍👩‍👧",
      "=HYPERLINK(\"http://evil\",\"点我\")",
      "联系我13812345678，身份证410102199001011234",
      "\"\"\",,,\"");

  @Test
  void roundTripsTrickyTextsAndMasksPersonalData() throws Exception {
    MutableClock clock = new MutableClock(CaseTestSupport.MONDAY_9AM);
    try (CaseService cases = CaseTestSupport.open(dir, clock)) {
      for (int i = 0; i < TEXTS.size(); i++) {
        cases.create(new NewCase("telegram", "u" + i, "c" + i, "王,阿姨\"" + i, "13912345678", TEXTS.get(i),
            "幸福社区" + i + "号楼", "设施维修", CaseKind.HELP, List.of()));
      }
      String first = "20260105-0001";
      cases.reply(first, "张三", "已修好，\"请\"确认\n谢谢");
      List<CaseRecord> list = cases.list(CaseFilter.all());
      StringWriter out = new StringWriter();
      CaseCsv.write(out, list);
      String csv = out.toString();

      assertEquals('\uFEFF', csv.charAt(0), "BOM so Excel reads UTF-8");
      assertTrue(csv.endsWith("\r\n"));
      List<List<String>> rows = CsvTestReader.rows(csv.substring(1));
      assertEquals(CaseCsv.HEADER, rows.get(0));
      assertEquals(TEXTS.size() + 1, rows.size());
      for (List<String> row : rows) assertEquals(CaseCsv.HEADER.size(), row.size());

      for (int i = 1; i < rows.size(); i++) {
        List<String> row = rows.get(i);
        CaseRecord r = list.get(i - 1);
        assertEquals(r.id(), row.get(0));
        assertEquals(r.status().label(), row.get(1));
        assertEquals("设施维修", row.get(3));
        assertEquals("共建共享星", row.get(4));
        assertEquals(r.location(), row.get(5));
        String expectedText = cn.fivestar.infra.PersonalData.mask(r.text());
        if ("=+-@".indexOf(expectedText.charAt(0)) >= 0) expectedText = "'" + expectedText;
        assertEquals(expectedText, row.get(6));
        assertEquals(r.displayName(), row.get(7));
        assertEquals("139****5678", row.get(8));
        assertEquals("2026-01-05 09:00", row.get(10));
      }
      List<String> pii = rows.stream().filter(r -> r.get(6).contains("联系我")).findFirst().orElseThrow();
      assertEquals("联系我138****5678，身份证410102********1234", pii.get(6));
      assertFalse(csv.contains("13812345678") || csv.contains("13912345678") || csv.contains("199001011234"));
      List<String> formula = rows.stream().filter(r -> r.get(6).contains("HYPERLINK")).findFirst().orElseThrow();
      assertEquals("'" + TEXTS.get(4), formula.get(6), "a formula is shown, never run");
      List<String> replied = rows.stream().filter(r -> r.get(0).equals(first)).findFirst().orElseThrow();
      assertEquals("已修好，\"请\"确认\n谢谢", replied.get(18));
      assertEquals("已答复", replied.get(1));
      assertTrue(rows.stream().anyMatch(r -> r.get(6).equals("第一行\n第二行\n第三行")), "line breaks survive (as LF)");
      assertTrue(rows.stream().anyMatch(r -> r.get(6).equals(TEXTS.get(3))), "emoji survive");
      assertTrue(rows.stream().anyMatch(r -> r.get(6).equals(TEXTS.get(6))), "quotes and commas survive");
    }
  }

  @Test
  void quotesOnlyWhatNeedsQuoting() throws Exception {
    assertEquals("plain\r\n", CaseCsv.row(List.of("plain")));
    assertEquals("\"a,b\"\r\n", CaseCsv.row(List.of("a,b")));
    assertEquals("\"say \"\"hi\"\"\"\r\n", CaseCsv.row(List.of("say \"hi\"")));
    assertEquals("\"x\ny\"\r\n", CaseCsv.row(List.of("x\ny")), "a bare line feed is quoted too");
    assertEquals("\"x\r\ny\"\r\n", CaseCsv.row(List.of("x\r\ny")));
    assertEquals("'-1\r\n", CaseCsv.row(List.of("-1")));
    assertEquals("'=1+1,'@a,'+1\r\n", CaseCsv.row(List.of("=1+1", "@a", "+1")));
    assertEquals("\r\n", CaseCsv.row(List.of("")));
    assertEquals(",a b,,\"第一行\n第二行\",2026-01-05 09:00\r\n",
        CaseCsv.row(List.of("", "a b", "", "第一行\n第二行", "2026-01-05 09:00")), "only the cell with a line break");
  }
}
