package cn.fivestar.cases;

import cn.fivestar.infra.TestDatabases;
import cn.fivestar.infra.Database;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;

/** Shared set-up: a real SQLite file in a temp folder, the default taxonomy and calendar. */
public final class CaseTestSupport {
  /** Monday 2026-01-05 09:00, the first ordinary working week of 2026. */
  static final LocalDateTime MONDAY_9AM = LocalDateTime.of(2026, 1, 5, 9, 0);

  private CaseTestSupport() {}

  public static CaseService open(Path dir, Clock clock) {
    return new CaseService(TestDatabases.open(dir), Taxonomy.defaults(), WorkCalendar.defaults(), clock);
  }

  /** A second service on the same store through its own pool, as another process would open it. */
  public static CaseService openSeparate(Path dir, Clock clock) {
    return new CaseService(TestDatabases.openSeparate(dir), Taxonomy.defaults(), WorkCalendar.defaults(), clock);
  }

  public static NewCase resident(String user, String text, String location) {
    return new NewCase("telegram", user, "chat-" + user, "居民" + user, null, text, location, "设施维修", CaseKind.HELP,
        List.of());
  }

  public static NewCase resident(String user, String text, String location, String category, CaseKind kind) {
    return new NewCase("telegram", user, "chat-" + user, "居民" + user, null, text, location, category, kind, List.of());
  }

  public static long count(Path dir, String sql) {
    try (Connection c = TestDatabases.open(dir).connect(); Statement s = c.createStatement();
         ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
