package cn.fivestar.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabaseTest {
  @TempDir Path dir;

  private static int count(Database db, String sql) throws Exception {
    try (Connection c = db.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      return rs.getInt(1);
    }
  }

  @Test
  void aLowerNumberedMigrationAddedLaterStillRuns() throws Exception {
    Database db = Database.open(dir.resolve("a.db"));
    // Simulate a database created before V3 existed but after V10 was applied.
    try (Connection c = db.connect(); Statement s = c.createStatement()) {
      s.execute("DROP INDEX cases_stats");
      s.execute("DELETE FROM schema_migrations WHERE version = 3");
    }
    db.migrate(List.of("V1__cases.sql", "V2__case_followers_ratings.sql", "V3__case_stats_index.sql",
        "V10__dialog_state.sql"));
    assertEquals(1, count(db, "SELECT count(*) FROM sqlite_master WHERE type='index' AND name='cases_stats'"));
    assertEquals(1, count(db, "SELECT count(*) FROM schema_migrations WHERE version = 3"));
  }

  @Test
  void openingTwiceAppliesNothingTwice() throws Exception {
    Database.open(dir.resolve("b.db"));
    Database db = Database.open(dir.resolve("b.db"));
    int applied = count(db, "SELECT count(*) FROM schema_migrations");
    assertEquals(Database.MIGRATIONS.size(), applied);
    assertTrue(db.schemaVersion() >= 20);
  }

  @Test
  void everyPooledConnectionHasTheSameSettings() throws Exception {
    try (Database db = Database.open(dir.resolve("c.db"))) {
      for (int i = 0; i < 3; i++) {
        db.read(c -> {
          try (Statement s = c.createStatement()) {
            assertEquals(1, one(s, "PRAGMA foreign_keys"));
            assertEquals(Database.BUSY_TIMEOUT_MS, one(s, "PRAGMA busy_timeout"));
            try (ResultSet rs = s.executeQuery("PRAGMA journal_mode")) {
              assertEquals("wal", rs.getString(1));
            }
          }
          return null;
        });
      }
    }
  }

  @Test
  void aWriteIsOneTransactionAndNestedWorkJoinsIt() throws Exception {
    try (Database db = Database.open(dir.resolve("d.db"))) {
      db.write(c -> c.createStatement().executeUpdate("CREATE TABLE t (x INTEGER)"));
      IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> db.write(c -> {
        c.createStatement().executeUpdate("INSERT INTO t VALUES (1)");
        db.write(inner -> inner.createStatement().executeUpdate("INSERT INTO t VALUES (2)"));
        assertEquals(2, (int) db.read(inner -> one(inner.createStatement(), "SELECT count(*) FROM t")), "sees its own rows");
        throw new IllegalArgumentException("refused");
      }));
      assertEquals("refused", refused.getMessage(), "the caller's exception comes through unchanged");
      assertEquals(0, count(db, "SELECT count(*) FROM t"), "rolled back, the nested part too");
      assertThrows(DatabaseException.class, () -> db.write(c -> c.createStatement().executeUpdate("INSERT INTO nope VALUES (1)")));
      db.write(c -> c.createStatement().executeUpdate("INSERT INTO t VALUES (3)"));
      assertEquals(1, count(db, "SELECT count(*) FROM t"), "the pool still works after failures");
    }
  }

  private static int one(Statement s, String sql) throws java.sql.SQLException {
    try (ResultSet rs = s.executeQuery(sql)) {
      return rs.getInt(1);
    }
  }

  @Test
  void theConfiguredStoreIsTheDataFolderFileUnlessFivestarDbUrlSaysOtherwise() throws Exception {
    try (Database db = Database.configured(dir.resolve("data"), java.util.Map.of("FIVESTAR_DB_URL", " "))) {
      assertEquals(Dialect.SQLITE, db.dialect());
      assertTrue(db.url().endsWith("fivestar.db"), db.url());
    }
    try (Database db = Database.configured(dir, java.util.Map.of("FIVESTAR_DB_URL",
        "jdbc:sqlite:" + dir.resolve("elsewhere/x.db")))) {
      assertTrue(db.url().endsWith("elsewhere/x.db"), db.url());
    }
    UserException wrong = assertThrows(UserException.class, () -> Database.configured(dir,
        java.util.Map.of("FIVESTAR_DB_URL", "jdbc:mysql://h/db?user=a&password=secret")));
    assertTrue(wrong.getMessage().contains("password=***") && !wrong.getMessage().contains("secret"), wrong.getMessage());
  }
}
