package cn.fivestar.app;

import cn.fivestar.cases.*;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.fivestar.infra.Database;
import cn.fivestar.app.CliRun;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** The staff and supervisor command line, end to end through Main.execute on a real database. */
class CasesCommandTest {
  static final ObjectMapper JSON = new ObjectMapper();
  @TempDir Path dir;

  @BeforeAll
  static void initLogging() {
    LoggerFactory.getLogger(CasesCommandTest.class);  // logging starts before stdout is captured
  }

  CliRun cli(String... args) {
    List<String> all = new ArrayList<>(List.of("--data", dir.toString()));
    all.addAll(List.of(args));
    return CliRun.run("", all.toArray(String[]::new));
  }


  @Test
  void staffWorkACaseFromPhoneCallToClosing() {
    CliRun created = cli("cases", "create", "--text", "3号楼电梯坏了，困人了", "--location", "幸福社区3号楼",
        "--phone", "13812345678", "--name", "王阿姨", "--category", "设施维修", "--json");
    assertEquals(0, created.code(), created.err());
    JsonNode c = created.jsonLines().get(0);
    String id = c.get("id").asText();
    assertTrue(id.matches("\\d{8}-0001"), id);
    assertEquals("received", c.get("status").asText());
    assertEquals("共建共享星", c.get("star").asText());
    assertEquals("138****5678", c.get("phone").asText(), "listings mask the phone");
    assertEquals(0, c.get("similar").size());

    CliRun dup = cli("cases", "create", "--text", "3号楼的电梯又坏了", "--location", "幸福社区3号楼", "--category", "设施维修");
    assertEquals(0, dup.code(), dup.err());
    assertTrue(dup.out().contains("可能与以下未办结诉求重复"), dup.out());
    assertTrue(dup.out().contains(id), dup.out());
    String dupId = id.substring(0, 9) + "0002";

    CliRun list = cli("cases", "list", "--json");
    assertEquals(0, list.code());
    List<JsonNode> rows = list.jsonLines();
    assertEquals(2, rows.size());
    for (String key : List.of("id", "status", "category", "star", "created_at", "due_at", "summary")) {
      assertTrue(rows.get(0).has(key), key);
    }
    assertEquals(dupId, rows.get(0).get("id").asText(), "newest first");

    assertEquals(0, cli("cases", "update", id, "--assign", "张师傅", "--by", "李主任").code());
    assertEquals(0, cli("cases", "update", id, "--status", "办理中", "--note", "已联系维保", "--by", "张师傅").code());
    CliRun mine = cli("cases", "list", "--mine", "--by", "张师傅", "--json");
    assertEquals(List.of(id), mine.jsonLines().stream().map(n -> n.get("id").asText()).toList());
    CliRun closed = cli("cases", "update", id, "--reply", "电梯已修好，感谢反映", "--status", "closed", "--by", "张师傅");
    assertEquals(0, closed.code(), closed.err());
    assertTrue(closed.out().contains("已办结"), closed.out());

    CliRun show = cli("cases", "show", id, "--json");
    JsonNode full = show.jsonLines().get(0);
    assertEquals("closed", full.get("status").asText());
    assertEquals("13812345678", full.get("phone").asText(), "staff who open the case see the number");
    assertEquals("电梯已修好，感谢反映", full.get("replies").get(0).get("text").asText());
    List<String> moves = new ArrayList<>();
    full.get("history").forEach(h -> moves.add(h.get("action").asText() + ":" + h.get("to").asText()));
    assertEquals(List.of("created:received", "assigned:received", "status:assigned", "status:in_progress",
        "replied:in_progress", "status:answered", "status:closed"), moves);
    CliRun text = cli("cases", "show", id);
    assertTrue(text.out().contains("【已办结】") && text.out().contains("处理记录") && text.out().contains("已联系维保"),
        text.out());

    CliRun mergeIntoClosed = cli("cases", "merge", dupId, id, "--by", "李主任");
    assertEquals(1, mergeIntoClosed.code());
    assertTrue(mergeIntoClosed.err().startsWith("error: 目标诉求 " + id + " 已办结"), mergeIntoClosed.err());
    CliRun third = cli("cases", "create", "--text", "电梯又停了", "--location", "幸福社区3号楼", "--json");
    String thirdId = third.jsonLines().get(0).get("id").asText();
    CliRun merged = cli("cases", "merge", thirdId, dupId, "--by", "李主任");
    assertEquals(0, merged.code(), merged.err());
    assertEquals(List.of(thirdId), cli("cases", "list", "--status", "已合并", "--json").jsonLines().stream()
        .map(n -> n.get("id").asText()).toList());

    CliRun stats = cli("stats", "--json");
    assertEquals(0, stats.code());
    JsonNode s = stats.jsonLines().get(0);
    assertEquals(3, s.get("total").asInt());
    assertEquals(1, s.get("by_status").get("closed").asInt());
    assertEquals(0.5, s.get("resolution_rate").asDouble(), 1e-9);
    assertEquals(3, s.get("by_category").get("设施维修").get("total").asInt() + s.get("by_category").get("其他").get("total").asInt());
    CliRun statsText = cli("stats");
    assertTrue(statsText.out().contains("响应率") && statsText.out().contains("按星"), statsText.out());
  }

  @Test
  void textListingIsAlignedWithChineseLabels() {
    cli("cases", "create", "--text", "路灯坏了", "--location", "李庄村", "--category", "设施维修");
    cli("cases", "create", "--text", "邻居装修噪音扰民，晚上十点还在砸墙", "--category", "矛盾纠纷", "--kind", "投诉");
    CliRun list = cli("cases", "list");
    assertEquals(0, list.code());
    String[] lines = list.out().split("\n");
    assertTrue(lines[0].startsWith("编号"), list.out());
    assertTrue(list.out().contains("已受理") && list.out().contains("投诉") && list.out().contains("生态宜居星"));
    int statusColumn = TextTable.width(lines[0].substring(0, lines[0].indexOf("状态")));
    int starColumn = TextTable.width(lines[0].substring(0, lines[0].indexOf("影响的星")));
    for (int i = 1; i <= 2; i++) {
      assertEquals(statusColumn, TextTable.width(lines[i].substring(0, lines[i].indexOf("已受理"))), list.out());
      int star = Math.max(lines[i].indexOf("星"), 0);
      String before = lines[i].substring(0, star);
      int starStart = before.lastIndexOf("  ") + 2;
      assertEquals(starColumn, TextTable.width(lines[i].substring(0, starStart)), list.out());
    }
    assertTrue(lines[3].startsWith("共 2 件"), list.out());
  }

  @Test
  void overdueAndDueSoonListingsUseTheCalendar() {
    MutableClock past = new MutableClock(LocalDateTime.of(2020, 1, 6, 9, 0));
    try (CaseService cases = new CaseService(Database.inDataDir(dir), Taxonomy.defaults(), WorkCalendar.defaults(), past)) {
      cases.create(CaseTestSupport.resident("a", "下水道堵了", "幸福社区", "环境卫生", CaseKind.HELP));
      CaseRecord answered = cases.create(CaseTestSupport.resident("b", "下水道堵了", "幸福社区", "环境卫生", CaseKind.HELP));
      cases.reply(answered.id(), "张三", "已疏通");
    }
    cli("cases", "create", "--text", "咨询低保政策", "--kind", "consultation");
    CliRun overdue = cli("cases", "list", "--overdue", "--json");
    assertEquals(List.of("20200106-0001"), overdue.jsonLines().stream().map(n -> n.get("id").asText()).toList());
    assertTrue(overdue.jsonLines().get(0).get("overdue").asBoolean());
    CliRun text = cli("cases", "list", "--overdue");
    assertTrue(text.out().contains("超期"), text.out());
    assertEquals(0, cli("cases", "list", "--due-soon", "--json").code());
    assertEquals(2, cli("cases", "list", "--star", "共建共享星", "--json").jsonLines().size());
    assertEquals(2, cli("cases", "list", "--star", "五角星").code());
    assertEquals(2, cli("cases", "list", "--category", "环境卫生", "--json").jsonLines().size());
    assertEquals(1, cli("cases", "list", "--from", "2020-01-01", "--to", "2020-01-31", "--status", "answered", "--json")
        .jsonLines().size());
  }

  @Test
  void exportWritesExcelFriendlyCsv() throws Exception {
    cli("cases", "create", "--text", "他说\"明天修\"，电话13812345678", "--location", "幸福社区, 5号楼", "--phone", "13812345678");
    Path file = dir.resolve("out/cases.csv");
    CliRun run = cli("cases", "export", "--format", "csv", "--out", file.toString());
    assertEquals(0, run.code(), run.err());
    assertTrue(run.out().contains("已导出 1 件"), run.out());
    byte[] bytes = Files.readAllBytes(file);
    assertEquals(0xEF, bytes[0] & 0xFF);
    assertEquals(0xBB, bytes[1] & 0xFF);
    assertEquals(0xBF, bytes[2] & 0xFF);
    String csv = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
    List<List<String>> rows = CsvTestReader.rows(csv);
    assertEquals(2, rows.size());
    assertEquals("他说\"明天修\"，电话138****5678", rows.get(1).get(6));
    assertEquals("幸福社区, 5号楼", rows.get(1).get(5));
    assertFalse(csv.contains("13812345678"));
    CliRun stdout = cli("cases", "export", "--format", "csv", "--from", "2000-01-01", "--to", "2000-01-02");
    assertEquals("\uFEFF" + String.join(",", CaseCsv.HEADER) + "\r\n", stdout.out());
  }

  @Test
  void badInputIsRefusedWithTheRightExitCodeAndNothingIsLost() {
    CliRun created = cli("cases", "create", "--text", "井盖丢了", "--location", "幸福路", "--json");
    String id = created.jsonLines().get(0).get("id").asText();

    CliRun unknownStatus = cli("cases", "list", "--status", "done");
    assertEquals(2, unknownStatus.code());
    assertTrue(unknownStatus.err().contains("未知的状态「done」"), unknownStatus.err());
    CliRun unknownId = cli("cases", "show", "20990101-0001");
    assertEquals(1, unknownId.code());
    assertEquals("error: 找不到编号为 20990101-0001 的诉求，请核对编号（形如 20260105-0001）。", unknownId.err().strip());
    CliRun illegal = cli("cases", "update", id, "--status", "closed");
    assertEquals(1, illegal.code());
    assertEquals(1, illegal.err().strip().lines().count(), "one line, no stack trace");
    assertTrue(illegal.err().startsWith("error: 不能把诉求 " + id + " 从「已受理」改为「已办结」"), illegal.err());
    CliRun huge = cli("cases", "create", "--text", "很长".repeat(50_000));
    assertEquals(2, huge.code());
    assertTrue(huge.err().contains("诉求内容太长了（100000 字）"), huge.err());
    CliRun control = cli("cases", "create", "--text", "\u0000\u0001\u200B");
    assertEquals(2, control.code());
    assertTrue(control.err().contains("诉求内容不能为空"), control.err());
    assertEquals(2, cli("cases", "update", id).code(), "nothing to update");
    assertEquals(1, cli("cases", "update", id, "--status", "returned", "--note", "不归我管").code(), "received cannot be returned");
    assertEquals(2, cli("cases", "export", "--format", "xlsx").code());
    assertEquals(2, cli("cases", "export").code());
    assertEquals(2, cli("cases").code());
    assertEquals(2, cli("stats", "--from", "2026-02-01", "--to", "2026-01-01").code());
    assertEquals(2, cli("stats", "--from", "yesterday").code());
    assertEquals(2, cli("cases", "list", "--category", "水电").code());
    assertEquals(2, cli("cases", "create", "--text", "x", "--kind", "gossip").code());
    assertEquals(1, cli("cases", "merge", id, "20990101-0001").code());

    List<JsonNode> all = cli("cases", "list", "--json").jsonLines();
    assertEquals(1, all.size(), "refusals stored nothing");
    assertEquals("received", all.get(0).get("status").asText());
    assertEquals("井盖丢了", all.get(0).get("summary").asText());
  }

  @Test
  void farOffDatesAreRefusedWithAClearMessageNotAnOverflow() {
    for (String[] args : new String[][] {{"stats", "--from=-999999999-01-01"}, {"cases", "list", "--to", "+999999999-12-31"},
        {"cases", "export", "--format", "csv", "--from", "1900-01-01"}}) {
      CliRun run = cli(args);
      org.junit.jupiter.api.Assertions.assertEquals(2, run.code(), String.join(" ", args) + ": " + run.err());
      org.junit.jupiter.api.Assertions.assertTrue(run.err().contains("2000-01-01"), run.err());
    }
  }

  @Test
  void statsAndExportCountReopensAndRateSatisfactionByHandler() throws Exception {
    String id = cli("cases", "create", "--text", "路灯不亮", "--location", "幸福社区3号楼", "--category", "设施维修", "--json")
        .jsonLines().get(0).get("id").asText();
    assertEquals(0, cli("cases", "update", id, "--assign", "张师傅", "--by", "李主任").code());
    assertEquals(0, cli("cases", "update", id, "--reply", "已修好", "--status", "closed", "--by", "张师傅").code());
    try (CaseService cases = Services.caseTools(dir)) {
      cases.reopen(id, "web:zhang", "回访：还是不亮");
      cases.reply(id, "张师傅", "换了灯泡");
      cases.transition(id, CaseStatus.CLOSED, "张师傅", null);
      cases.reopen(id, "web:zhang", "又不亮了");
    }
    JsonNode s = cli("stats", "--json").jsonLines().get(0);
    assertEquals(2, s.get("reopens").asInt());
    assertEquals(1, s.get("reopened_cases").asInt());
    assertEquals(2, s.get("by_category").get("设施维修").get("reopens").asInt());
    assertEquals(2, s.get("by_handler").get("张师傅").get("reopens").asInt());
    assertTrue(s.get("by_handler").get("张师傅").get("satisfaction_rate").isNull(), "nobody rated yet");
    CliRun text = cli("stats");
    assertTrue(text.out().contains("按承办人") && text.out().contains("张师傅") && text.out().contains("重办 2 次（1 件）"),
        text.out());
    Path csv = dir.resolve("out.csv");
    assertEquals(0, cli("cases", "export", "--format", "csv", "--out", csv.toString()).code());
    List<List<String>> rows = CsvTestReader.rows(Files.readString(csv, StandardCharsets.UTF_8).substring(1));
    assertEquals("重办次数", rows.get(0).get(rows.get(0).size() - 1));
    assertEquals("2", rows.get(1).get(rows.get(1).size() - 1));
  }
}
