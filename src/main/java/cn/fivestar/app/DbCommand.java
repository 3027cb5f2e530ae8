package cn.fivestar.app;

import cn.fivestar.infra.Database;
import cn.fivestar.infra.DbCopy;
import cn.fivestar.infra.UserException;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code db}: the store itself. */
@Command(name = "db", mixinStandardHelpOptions = true, description = "The store (SQLite or PostgreSQL).",
    subcommands = {DbCommand.Copy.class})
public final class DbCommand implements Runnable {
  @Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "missing subcommand: copy");
  }

  /**
   * {@code db copy --to URL}: copies the configured store (FIVESTAR_DB_URL, else the data folder's SQLite file;
   * or --from) into an empty one, then checks every table's row count and checksum on both sides.
   */
  @Command(name = "copy", mixinStandardHelpOptions = true,
      description = "Copy the store into another, empty one (SQLite <-> PostgreSQL), verified by counts and checksums."
          + " The target's password comes from FIVESTAR_DB_TO_PASSWORD, the source's (with --from) from"
          + " FIVESTAR_DB_FROM_PASSWORD.")
  public static final class Copy extends DataCommand implements Callable<Integer> {
    @Spec CommandLine.Model.CommandSpec spec;
    @Option(names = "--to", required = true, paramLabel = "URL",
        description = "jdbc:postgresql://HOST:PORT/DB or jdbc:sqlite:FILE") String to;
    @Option(names = "--to-user", paramLabel = "USER") String toUser;
    @Option(names = "--from", paramLabel = "URL", description = "Default: FIVESTAR_DB_URL, else the data folder's file")
    String from;
    @Option(names = "--from-user", paramLabel = "USER") String fromUser;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      try (Database source = from == null ? Database.configured(dataDir())
              : Database.open(from, fromUser, System.getenv("FIVESTAR_DB_FROM_PASSWORD"));
           Database target = Database.open(to, toUser, System.getenv("FIVESTAR_DB_TO_PASSWORD"))) {
        if (source.url().equals(target.url())) throw new UserException("source and target are the same store");
        List<DbCopy.TableCheck> checks = DbCopy.copy(source, target);
        out.printf("%-16s %10s %10s  %s%n", "table", "source", "target", "checksum");
        boolean ok = true;
        for (DbCopy.TableCheck c : checks) {
          out.printf("%-16s %10d %10d  %s%n", c.table(), c.sourceRows(), c.targetRows(),
              c.ok() ? c.sourceSum() + " ok" : c.sourceSum() + " != " + c.targetSum());
          ok &= c.ok();
        }
        out.printf("copied %s -> %s: %s%n", source.url(), target.url(), ok ? "verified" : "MISMATCH");
        out.flush();
        if (!ok) throw new IllegalStateException("the copy does not match its source (see the table above)");
      }
      return 0;
    }
  }
}
