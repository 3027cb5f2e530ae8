package cn.fivestar.infra;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one SQLite database of the bot (cases, dialog state, channel bookkeeping). Opens connections with WAL,
 * foreign keys and a busy timeout, and upgrades the schema at start-up from versioned SQL migrations
 * ({@code db/migration/V<n>__<name>.sql}, listed in {@link #MIGRATIONS}); applied versions are recorded in
 * {@code schema_migrations} (the highest also in {@code PRAGMA user_version}), so an old database is upgraded in
 * place and never dropped.
 */
public final class Database {
  private static final Logger log = LoggerFactory.getLogger(Database.class);

  /**
   * Applied in order. Versions may have gaps (features own ranges: cases 1-9, dialog 10-19, telegram 20-29,
   * accounts 30-39, reminders 40-49).
   */
  static final List<String> MIGRATIONS = List.of(
      "V1__cases.sql",
      "V2__case_followers_ratings.sql",
      "V3__case_stats_index.sql",
      "V4__case_reopen_handler_stats.sql",
      "V10__dialog_state.sql",
      "V11__answer_feedback.sql",
      "V20__telegram_channel.sql",
      "V30__accounts.sql",
      "V40__reminders.sql");

  private static final Pattern NAME = Pattern.compile("V(\\d+)__[\\w-]+\\.sql");
  private final String url;

  private Database(Path file) {
    this.url = "jdbc:sqlite:" + file.toAbsolutePath();
  }

  /** Opens (creating if needed) the database file and applies pending migrations. */
  public static Database open(Path file) {
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) Files.createDirectories(parent);
    } catch (IOException e) {
      throw new UserException("cannot create data folder for " + file + ": " + e.getMessage());
    }
    Database db = new Database(file);
    // Processes started together (serve, web, a cases command) must not apply the same migration twice.
    try (FolderLock lock = FolderLock.acquire(file.toAbsolutePath().getParent())) {
      db.migrate(MIGRATIONS);
    }
    return db;
  }

  /** The database under a data folder: DIR/fivestar.db. */
  public static Database inDataDir(Path dataDir) {
    return open(dataDir.resolve("fivestar.db"));
  }

  /** A new connection; callers close it (try-with-resources). */
  public Connection connect() throws SQLException {
    Connection c = DriverManager.getConnection(url);
    try (Statement s = c.createStatement()) {
      s.execute("PRAGMA foreign_keys = ON");
      s.execute("PRAGMA busy_timeout = 10000");
      s.execute("PRAGMA journal_mode = WAL");
      s.execute("PRAGMA synchronous = NORMAL");
    }
    return c;
  }

  public int schemaVersion() {
    try (Connection c = connect(); Statement s = c.createStatement(); var rs = s.executeQuery("PRAGMA user_version")) {
      return rs.getInt(1);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read schema version: " + e.getMessage(), e);
    }
  }

  /**
   * Applies every listed migration not yet recorded in {@code schema_migrations}. Recording each version (not
   * only the highest) matters because features own separate version ranges: a new cases migration (V3) must
   * still run on a database that already has the dialog tables (V10).
   */
  void migrate(List<String> migrations) {
    java.util.Set<Integer> applied = new java.util.HashSet<>();
    try (Connection c = connect(); Statement s = c.createStatement()) {
      s.execute("CREATE TABLE IF NOT EXISTS schema_migrations ("
          + "version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL DEFAULT (datetime('now')))");
      try (var rs = s.executeQuery("SELECT version FROM schema_migrations")) {
        while (rs.next()) applied.add(rs.getInt(1));
      }
      int legacy = schemaVersion(s);
      if (applied.isEmpty() && legacy > 0) {
        // A database from before schema_migrations existed: user_version N meant "everything up to N applied".
        for (String name : migrations) {
          Matcher m = NAME.matcher(name);
          if (m.matches() && Integer.parseInt(m.group(1)) <= legacy) {
            applied.add(Integer.parseInt(m.group(1)));
            s.execute("INSERT INTO schema_migrations(version, name) VALUES (" + m.group(1) + ", '" + name + "')");
          }
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read applied migrations: " + e.getMessage(), e);
    }
    for (String name : migrations) {
      Matcher m = NAME.matcher(name);
      if (!m.matches()) throw new IllegalStateException("bad migration name " + name);
      int version = Integer.parseInt(m.group(1));
      if (applied.contains(version)) continue;
      apply(name, version, readResource("db/migration/" + name));
    }
  }

  private static int schemaVersion(Statement s) throws SQLException {
    try (var rs = s.executeQuery("PRAGMA user_version")) {
      return rs.getInt(1);
    }
  }

  private void apply(String name, int version, String sql) {
    try (Connection c = connect()) {
      c.setAutoCommit(false);
      try (Statement s = c.createStatement()) {
        for (String stmt : sql.split(";\\s*(\\r?\\n|$)")) {
          if (!stmt.isBlank()) s.execute(stmt);
        }
        s.execute("INSERT INTO schema_migrations(version, name) VALUES (" + version + ", '" + name + "')");
        s.execute("PRAGMA user_version = " + Math.max(version, schemaVersion(s)));
        c.commit();
        log.info("applied migration {}", name);
      } catch (SQLException e) {
        c.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw new IllegalStateException("migration " + name + " failed: " + e.getMessage(), e);
    }
  }

  private static String readResource(String path) {
    try (InputStream in = Database.class.getClassLoader().getResourceAsStream(path)) {
      if (in == null) throw new IllegalStateException("missing resource " + path);
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
