package cn.fivestar.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
}
