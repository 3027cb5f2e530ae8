package cn.fivestar.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.fivestar.infra.Database;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CaseMigrationTest {
  @TempDir Path dir;

  @Test
  void emptyDatabaseGetsTheCurrentSchema() throws Exception {
    Database db = Database.inDataDir(dir);
    int version = db.schemaVersion();
    assertTrue(version >= 3, "at least the case migrations: " + version);
    try (Connection c = db.connect(); Statement s = c.createStatement();
         ResultSet rs = s.executeQuery("SELECT group_concat(name, ',') FROM (SELECT name FROM sqlite_master "
             + "WHERE type = 'table' AND name LIKE 'case%' ORDER BY name)")) {
      assertEquals("case_day_seq,case_followers,case_history,case_messages,cases", rs.getString(1));
    }
    assertTrue(hasIndex("cases_stats"));
    assertEquals(version, Database.inDataDir(dir).schemaVersion(), "opening again changes nothing");
  }

  /** A database as the second release (V1 + V2, before the stats index) left it. */
  @Test
  void versionTwoDatabaseGetsTheStatsIndexAndKeepsItsData() throws Exception {
    Path file = versionOneDatabase();
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
      for (String stmt : resource("db/migration/V2__case_followers_ratings.sql").split(";\\s*(\\r?\\n|$)")) {
        if (!stmt.isBlank() && !stmt.contains("-- only postgresql")) s.execute(stmt);
      }
      s.execute("PRAGMA user_version = 2");
      s.execute("UPDATE cases SET status = 'closed', closed_at = created_at + 3600000, rating = 4");
    }
    assertFalse(hasIndex("cases_stats"));
    MutableClock clock = new MutableClock(LocalDateTime.of(2026, 1, 5, 15, 0));
    try (CaseService cases = CaseTestSupport.open(dir, clock)) {
      assertTrue(Database.inDataDir(dir).schemaVersion() >= 3);
      assertTrue(hasIndex("cases_stats"));
      CaseStatistics st = cases.stats(null, null);
      assertEquals(1, st.overall().closed());
      assertEquals(1.0, st.overall().satisfactionRate());
      assertEquals(1.0, st.overall().avgHoursToClose(), 1e-9);
    }
  }

  private boolean hasIndex(String name) throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("fivestar.db"));
         Statement s = c.createStatement();
         ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM sqlite_master WHERE type = 'index' AND name = '" + name + "'")) {
      return rs.getInt(1) == 1;
    }
  }

  private String resource(String path) throws Exception {
    try (InputStream in = getClass().getClassLoader().getResourceAsStream(path)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /** A database as the first release (schema version 1) left it, with a case in progress. */
  private Path versionOneDatabase() throws Exception {
    Path file = dir.resolve("fivestar.db");
    String v1 = resource("db/migration/V1__cases.sql");
    long created = LocalDateTime.of(2026, 1, 5, 9, 0).atZone(CaseService.ZONE).toInstant().toEpochMilli();
    long due = LocalDateTime.of(2026, 1, 19, 23, 59, 59).atZone(CaseService.ZONE).toInstant().toEpochMilli() + 999;
    long respond = LocalDateTime.of(2026, 1, 6, 23, 59, 59).atZone(CaseService.ZONE).toInstant().toEpochMilli() + 999;
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
      for (String stmt : v1.split(";\\s*(\\r?\\n|$)")) if (!stmt.isBlank()) s.execute(stmt);
      s.execute("PRAGMA user_version = 1");
      s.execute("INSERT INTO cases (id, status, kind, channel, user_id, chat_id, display_name, phone, text, location, "
          + "category, star, village, photo_ids, created_at, updated_at, due_at, respond_by, first_response_at, assignee) "
          + "VALUES ('20260105-0001', 'in_progress', 'help', 'telegram', '42', '4242', '老王', '13812345678', "
          + "'3号楼电梯坏了', '幸福社区3号楼', '设施维修', '共建共享星', 0, 'AgADphoto', " + created + ", " + (created + 60000)
          + ", " + due + ", " + respond + ", " + (created + 60000) + ", '张三')");
      s.execute("INSERT INTO case_history (case_id, at, actor, action, from_status, to_status, note) VALUES "
          + "('20260105-0001', " + created + ", 'telegram:42', 'created', NULL, 'received', '渠道：telegram'), "
          + "('20260105-0001', " + (created + 60000) + ", '张三', 'status', 'received', 'in_progress', NULL)");
      s.execute("INSERT INTO case_messages (case_id, at, author, visibility, body) VALUES ('20260105-0001', "
          + (created + 60000) + ", '张三', 'note', '已通知维保')");
      s.execute("INSERT INTO case_day_seq (day, last) VALUES ('20260105', 1)");
    }
    return file;
  }

  @Test
  void versionOneDatabaseIsUpgradedWithItsDataKept() throws Exception {
    versionOneDatabase();
    MutableClock clock = new MutableClock(LocalDateTime.of(2026, 1, 5, 15, 0));
    try (CaseService cases = CaseTestSupport.open(dir, clock)) {
      assertTrue(Database.inDataDir(dir).schemaVersion() >= 3);
      assertTrue(hasIndex("cases_stats"));
      CaseRecord old = cases.get("20260105-0001");
      assertEquals(CaseStatus.IN_PROGRESS, old.status());
      assertEquals("3号楼电梯坏了", old.text());
      assertEquals("13812345678", old.phone());
      assertEquals("张三", old.assignee());
      assertEquals(List.of("AgADphoto"), old.photoIds());
      assertEquals("已通知维保", old.notes().get(0).text());
      assertNull(old.rating());
      assertTrue(old.followers().isEmpty());
      assertEquals(2, cases.history(old.id()).size());

      // the new schema works on the old case, and numbering continues the old sequence
      assertEquals("20260105-0002", cases.create(CaseTestSupport.resident("7", "3号楼电梯还是坏的", "幸福社区3号楼")).id());
      cases.follow(old.id(), "telegram", "7", "77");
      cases.reply(old.id(), "张三", "已修好");
      cases.transition(old.id(), CaseStatus.CLOSED, "张三", null);
      CaseRecord rated = cases.rate(old.id(), "telegram", "42", 5, "谢谢");
      assertEquals(5, rated.rating());
      assertEquals(2, cases.recipients(old.id()).size());
      assertEquals(Instant.parse("2026-01-05T01:00:00Z"), rated.createdAt());
    }
  }
}
