package cn.fivestar.infra;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * The one database of the bot (cases, dialog state, queued messages, Telegram bookkeeping) and the one way every
 * feature reaches it: {@link #read} and {@link #write} on a HikariCP pool. The store is the SQLite file of the data
 * folder, or PostgreSQL ({@link #configured}: {@code FIVESTAR_DB_URL}); the differences live in {@link Dialect}.
 * Connections are configured here and nowhere else (SQLite: WAL, foreign keys, a busy timeout,
 * synchronous=NORMAL). A write is one transaction, serialised in this process by a lock and across processes by
 * the dialect ({@code BEGIN IMMEDIATE} on SQLite, an advisory lock on PostgreSQL); reads run concurrently. Work
 * nested in a write joins its transaction.
 *
 * <p>The schema is upgraded at start-up from versioned SQL migrations ({@code db/migration/V<n>__<name>.sql},
 * listed in {@link #MIGRATIONS}, the same files for both dialects); applied versions are recorded in
 * {@code schema_migrations} (on SQLite the highest also in {@code PRAGMA user_version}), so an old database is
 * upgraded in place and never dropped.
 */
public final class Database implements AutoCloseable {
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
      "V21__chat_leases.sql",
      "V30__accounts.sql",
      "V40__reminders.sql");

  /** Milliseconds a connection waits for another process's write lock before failing. */
  static final int BUSY_TIMEOUT_MS = 10_000;
  private static final int POOL_SIZE = 8;
  private static final Pattern NAME = Pattern.compile("V(\\d+)__[\\w-]+\\.sql");
  private static final AtomicInteger POOLS = new AtomicInteger();
  /** One housekeeping thread for every pool of the process (tests open many databases). */
  private static final ScheduledExecutorService HOUSEKEEPING = housekeeping();

  /** Work on a connection; the connection belongs to the pool (never close it, never keep it). */
  @FunctionalInterface
  public interface Work<T> {
    T run(Connection c) throws SQLException;
  }

  /** The connection this thread is working on (for nesting), and whether it is inside a write transaction. */
  private record Current(Connection connection, boolean writing) {}

  private final String url;
  private final Dialect dialect;
  private final HikariDataSource pool;
  private final ReentrantLock writeLock = new ReentrantLock();
  private final ThreadLocal<Current> current = new ThreadLocal<>();

  private Database(String url, String user, String password) {
    this.url = url;
    this.dialect = Dialect.of(url);
    HikariConfig config = new HikariConfig();
    config.setPoolName("fivestar-db-" + POOLS.incrementAndGet());
    if (dialect == Dialect.SQLITE) {
      SQLiteConfig sqlite = new SQLiteConfig();
      sqlite.enforceForeignKeys(true);
      sqlite.setBusyTimeout(BUSY_TIMEOUT_MS);
      sqlite.setJournalMode(SQLiteConfig.JournalMode.WAL);
      sqlite.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
      SQLiteDataSource source = new SQLiteDataSource(sqlite);
      source.setUrl(url);
      config.setDataSource(source);
    } else {
      config.setJdbcUrl(url);
      if (user != null) config.setUsername(user);
      if (password != null) config.setPassword(password);
      // a statement stuck behind another process's lock fails after a while instead of hanging a worker for ever
      config.addDataSourceProperty("options", "-c lock_timeout=" + BUSY_TIMEOUT_MS * 3);
      config.addDataSourceProperty("ApplicationName", "fivestar-bot");
    }
    config.setMaximumPoolSize(POOL_SIZE);
    config.setMinimumIdle(0); // a database opened for one command or one test holds no connection for long
    config.setIdleTimeout(60_000);
    config.setConnectionTimeout(30_000);
    config.setScheduledExecutor(HOUSEKEEPING);
    try {
      this.pool = new HikariDataSource(config);
    } catch (RuntimeException e) {
      throw new UserException("cannot open the database " + Dialect.redact(url) + ": " + rootMessage(e));
    }
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) t = t.getCause();
    return t.getMessage() == null ? t.toString() : t.getMessage();
  }

  /** Opens (creating if needed) the SQLite database file and applies pending migrations. */
  public static Database open(Path file) {
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) Files.createDirectories(parent);
    } catch (IOException e) {
      throw new UserException("cannot create data folder for " + file + ": " + e.getMessage());
    }
    Database db = new Database("jdbc:sqlite:" + file.toAbsolutePath(), null, null);
    // Processes started together (serve, web, a cases command) must not apply the same migration twice.
    try (FolderLock lock = FolderLock.acquire(file.toAbsolutePath().getParent())) {
      db.migrate(MIGRATIONS);
    } catch (RuntimeException e) {
      db.close();
      throw e;
    }
    return db;
  }

  /**
   * Opens the database at a JDBC URL ({@code jdbc:sqlite:FILE} or {@code jdbc:postgresql://HOST:PORT/DB}) and
   * applies pending migrations (on PostgreSQL serialised between processes like every write).
   */
  public static Database open(String url, String user, String password) {
    if (url.startsWith("jdbc:sqlite:")) return open(Path.of(url.substring("jdbc:sqlite:".length())));
    Database db = new Database(url, user, password);
    try {
      db.migrate(MIGRATIONS);
    } catch (RuntimeException e) {
      db.close();
      throw e;
    }
    return db;
  }

  /** The database under a data folder: DIR/fivestar.db. */
  public static Database inDataDir(Path dataDir) {
    return open(dataDir.resolve("fivestar.db"));
  }

  /**
   * The store the application is configured for: {@code FIVESTAR_DB_URL} (with {@code FIVESTAR_DB_USER} and
   * {@code FIVESTAR_DB_PASSWORD}) when set, else the SQLite file in the data folder.
   */
  public static Database configured(Path dataDir) {
    return configured(dataDir, System.getenv());
  }

  static Database configured(Path dataDir, java.util.Map<String, String> env) {
    String url = env.get("FIVESTAR_DB_URL");
    if (url == null || url.isBlank()) return inDataDir(dataDir);
    return open(url.trim(), env.get("FIVESTAR_DB_USER"), env.get("FIVESTAR_DB_PASSWORD"));
  }

  public Dialect dialect() {
    return dialect;
  }

  /** The JDBC URL, any password hidden. */
  public String url() {
    return Dialect.redact(url);
  }

  /** Runs work outside any transaction (each statement sees the latest commit); nested in other work, joins it. */
  public <T> T read(Work<T> work) {
    Current cur = current.get();
    if (cur != null) return run(work, cur.connection());
    try (Connection c = pool.getConnection()) {
      current.set(new Current(c, false));
      return run(work, c);
    } catch (SQLException e) {
      throw error(e);
    } finally {
      current.remove();
    }
  }

  /**
   * Runs work in one write transaction: committed when it returns, rolled back when it throws (the exception
   * propagates unchanged, an SQLException wrapped in {@link DatabaseException}). Nested in a write, joins it.
   */
  public <T> T write(Work<T> work) {
    Current outer = current.get();
    if (outer != null && outer.writing()) return run(work, outer.connection());
    writeLock.lock();
    try {
      Connection c;
      try {
        c = pool.getConnection();
      } catch (SQLException e) {
        throw error(e);
      }
      boolean healthy = true;
      current.set(new Current(c, true));
      try {
        dialect.begin(c);
        boolean committed = false;
        try {
          T result = work.run(c);
          dialect.commit(c);
          committed = true;
          return result;
        } finally {
          if (!committed) {
            try {
              dialect.rollback(c);
            } catch (SQLException rollbackFailed) {
              healthy = false; // the original failure is what the caller hears about
            }
          }
        }
      } catch (SQLException e) {
        throw error(e);
      } finally {
        if (outer != null) current.set(outer);
        else current.remove();
        release(c, healthy);
      }
    } finally {
      writeLock.unlock();
    }
  }

  private static <T> T run(Work<T> work, Connection c) {
    try {
      return work.run(c);
    } catch (SQLException e) {
      throw error(e);
    }
  }

  private void release(Connection c, boolean healthy) {
    if (healthy) {
      try {
        c.close();
        return;
      } catch (SQLException ignored) {
        // evicted below
      }
    }
    pool.evictConnection(c);
  }

  private static DatabaseException error(SQLException e) {
    return new DatabaseException("database error: " + e.getMessage(), e);
  }

  /**
   * A pooled connection for ad-hoc statements (tests, tools); close it to give it back. Features use
   * {@link #read} and {@link #write}.
   */
  public Connection connect() throws SQLException {
    return pool.getConnection();
  }

  public int schemaVersion() {
    return read(dialect::schemaVersion);
  }

  @Override
  public void close() {
    pool.close();
  }

  public boolean isClosed() {
    return pool.isClosed();
  }

  /**
   * Applies every listed migration not yet recorded in {@code schema_migrations}. Recording each version (not
   * only the highest) matters because features own separate version ranges: a new cases migration (V3) must
   * still run on a database that already has the dialog tables (V10).
   */
  void migrate(List<String> migrations) {
    Set<Integer> applied = write(c -> {
      Set<Integer> done = new HashSet<>();
      try (Statement s = c.createStatement()) {
        s.execute(dialect.translate("CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, "
            + "name TEXT NOT NULL, applied_at TEXT NOT NULL DEFAULT (CAST(CURRENT_TIMESTAMP AS TEXT)))"));
        done.addAll(appliedVersions(c));
        int legacy = dialect == Dialect.SQLITE ? dialect.schemaVersion(c) : 0;
        if (done.isEmpty() && legacy > 0) {
          // A database from before schema_migrations existed: user_version N meant "everything up to N applied".
          for (String name : migrations) {
            Matcher m = NAME.matcher(name);
            if (m.matches() && Integer.parseInt(m.group(1)) <= legacy) {
              done.add(Integer.parseInt(m.group(1)));
              s.execute("INSERT INTO schema_migrations(version, name) VALUES (" + m.group(1) + ", '" + name + "')");
            }
          }
        }
      }
      return done;
    });
    for (String name : migrations) {
      Matcher m = NAME.matcher(name);
      if (!m.matches()) throw new IllegalStateException("bad migration name " + name);
      int version = Integer.parseInt(m.group(1));
      if (applied.contains(version)) continue;
      apply(name, version, readResource("db/migration/" + name));
    }
  }

  private static Set<Integer> appliedVersions(Connection c) throws SQLException {
    Set<Integer> done = new HashSet<>();
    try (Statement s = c.createStatement(); var rs = s.executeQuery("SELECT version FROM schema_migrations")) {
      while (rs.next()) done.add(rs.getInt(1));
    }
    return done;
  }

  private void apply(String name, int version, String sql) {
    try {
      boolean ran = write(c -> {
        // another process may have applied it since we looked (writes are serialised, so this check is final)
        if (appliedVersions(c).contains(version)) return false;
        try (Statement s = c.createStatement()) {
          for (String stmt : sql.split(";\\s*(\\r?\\n|$)")) {
            String translated = stmt.isBlank() ? null : dialect.migrationStatement(stmt);
            if (translated != null) s.execute(translated);
          }
          s.execute("INSERT INTO schema_migrations(version, name) VALUES (" + version + ", '" + name + "')");
          dialect.recordVersion(c, version);
        }
        return true;
      });
      if (ran) log.info("applied migration {}", name);
    } catch (DatabaseException e) {
      throw new IllegalStateException("migration " + name + " failed: " + e.getCause().getMessage(), e);
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

  private static ScheduledExecutorService housekeeping() {
    ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, r -> {
      Thread t = new Thread(r, "fivestar-db-housekeeping");
      t.setDaemon(true);
      return t;
    });
    executor.setRemoveOnCancelPolicy(true);
    return executor;
  }

  @Override
  public String toString() {
    return url();
  }
}
