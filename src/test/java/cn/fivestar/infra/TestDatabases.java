package cn.fivestar.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.opentest4j.TestAbortedException;

/**
 * The store under test. By default the SQLite file of a data folder, exactly as the application opens it. With
 * {@code -Dfivestar.test.db=postgresql} (the second surefire execution, see pom.xml) each data folder gets its own
 * fresh database on a real PostgreSQL server: the one at {@code FIVESTAR_TEST_PG_URL} (a superuser URL to the
 * {@code postgres} database), else one this JVM starts from the installed PostgreSQL binaries ({@code initdb},
 * {@code pg_ctl}; as the {@code postgres} user when running as root, which PostgreSQL refuses) and stops at exit.
 * Without binaries the PostgreSQL tests are skipped, or fail when {@code CI=true}.
 */
public final class TestDatabases {
  private static final Map<Path, Database> OPEN = new ConcurrentHashMap<>();
  private static final Map<Path, String> NAMES = new ConcurrentHashMap<>();
  private static final AtomicInteger COUNTER = new AtomicInteger();
  private static volatile String adminUrl;

  private TestDatabases() {}

  public static boolean postgres() {
    return "postgresql".equalsIgnoreCase(System.getProperty("fivestar.test.db", "sqlite"));
  }

  /** The database of a data folder: the same one each time the same folder is opened (data persists). */
  public static Database open(Path dataDir) {
    if (!postgres()) return Database.inDataDir(dataDir);
    Path key = dataDir.toAbsolutePath().normalize();
    return OPEN.compute(key, (k, db) -> db != null && !db.isClosed() ? db
        : Database.open(url(databaseFor(k)), "fivestar", null));
  }

  /**
   * Another pool on the same store as {@link #open}, as a second process (a CLI beside the bot, another replica)
   * would have: its writes meet the first pool's only in the database (BEGIN IMMEDIATE, the advisory lock).
   */
  public static Database openSeparate(Path dataDir) {
    if (!postgres()) return Database.inDataDir(dataDir);
    return Database.open(url(databaseFor(dataDir.toAbsolutePath().normalize())), "fivestar", null);
  }

  /** The JDBC URL of a data folder's database (PostgreSQL), for tests that open it themselves. */
  public static String urlOf(Path dataDir) {
    if (!postgres()) return "jdbc:sqlite:" + dataDir.resolve("fivestar.db").toAbsolutePath();
    return url(databaseFor(dataDir.toAbsolutePath().normalize()));
  }

  /** A new, empty PostgreSQL database (created on the test server), as a JDBC URL. */
  public static String freshPostgres() {
    return url(databaseFor(Path.of("/fresh/" + COUNTER.incrementAndGet())));
  }

  private static String databaseFor(Path key) {
    return NAMES.computeIfAbsent(key, k -> {
      String name = "t" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet();
      try (Connection c = DriverManager.getConnection(admin(), "fivestar", null); Statement s = c.createStatement()) {
        s.execute("CREATE DATABASE " + name);
      } catch (SQLException e) {
        throw new IllegalStateException("cannot create test database: " + e.getMessage(), e);
      }
      return name;
    });
  }

  private static String url(String database) {
    return admin().replaceFirst("/postgres(\\?|$)", "/" + database + "$1");
  }

  private static synchronized String admin() {
    if (adminUrl != null) return adminUrl;
    String given = System.getenv("FIVESTAR_TEST_PG_URL");
    adminUrl = given != null && !given.isBlank() ? given : LocalServer.start();
    return adminUrl;
  }

  /** A throw-away PostgreSQL cluster in a temp folder: trust authentication, no fsync, stopped at JVM exit. */
  private static final class LocalServer {
    static String start() {
      Path bin = binaries();
      if (bin == null) {
        String why = "no PostgreSQL binaries (initdb, pg_ctl) found: install postgresql or set FIVESTAR_PG_BIN";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) throw new IllegalStateException(why);
        throw new TestAbortedException(why);
      }
      try {
        boolean root = "root".equals(System.getProperty("user.name"));
        Path dir = Files.createTempDirectory("fivestar-pg");
        Path data = dir.resolve("data");
        if (root) run(List.of("chown", "-R", "postgres:", dir.toString()), false);
        run(List.of(bin.resolve("initdb").toString(), "-D", data.toString(), "-U", "fivestar", "--auth=trust",
            "-E", "UTF8", "--locale=C", "--no-sync"), root);
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
          port = s.getLocalPort();
        }
        String options = "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1 -c fsync=off"
            + " -c synchronous_commit=off -c full_page_writes=off -c max_connections=300";
        run(List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-o", options, "-l",
            dir.resolve("log").toString(), "-w", "-t", "60", "start"), root);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
          try {
            run(List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-m", "immediate", "stop"), root);
            run(List.of("rm", "-rf", dir.toString()), false);
          } catch (RuntimeException ignored) {
            // the temp folder is left behind
          }
        }));
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    private static Path binaries() {
      List<Path> candidates = new ArrayList<>();
      String env = System.getenv("FIVESTAR_PG_BIN");
      if (env != null && !env.isBlank()) candidates.add(Path.of(env));
      try (var versions = Files.list(Path.of("/usr/lib/postgresql"))) {
        versions.sorted(java.util.Comparator.reverseOrder()).forEach(v -> candidates.add(v.resolve("bin")));
      } catch (IOException ignored) {
        // not the Debian layout
      }
      candidates.add(Path.of("/usr/local/pgsql/bin"));
      for (Path p : candidates) {
        if (Files.isExecutable(p.resolve("initdb")) && Files.isExecutable(p.resolve("pg_ctl"))) return p;
      }
      return null;
    }

    private static void run(List<String> command, boolean asPostgres) {
      List<String> full = new ArrayList<>();
      if (asPostgres) full.addAll(List.of("runuser", "-u", "postgres", "--"));
      full.addAll(command);
      try {
        Process p = new ProcessBuilder(full).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
          throw new IllegalStateException(String.join(" ", full) + " failed: " + new String(out, StandardCharsets.UTF_8));
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }
}
