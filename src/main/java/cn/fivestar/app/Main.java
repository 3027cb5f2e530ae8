package cn.fivestar.app;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Entry point. Global options come before the command; each command is its own class so features stay apart.
 * Exit codes: 0 success, 2 bad usage, 1 failure (one-line reason on stderr).
 */
@Command(
    name = "fivestar-bot",
    mixinStandardHelpOptions = true,
    version = "fivestar-bot 0.1.0",
    description = "五星支部 community assistant: cited answers, tracked cases, Telegram.",
    subcommands = {IndexCommand.class, SearchCommand.class, AskCommand.class, EvalCommand.class,
        cn.fivestar.cases.CasesCommand.class, cn.fivestar.cases.StatsCommand.class,
        cn.fivestar.conversation.intent.ClassifyCommand.class,
        cn.fivestar.channels.console.ChatCommand.class, cn.fivestar.channels.telegram.ServeCommand.class})
public final class Main implements Runnable {

  @Option(names = "--data", paramLabel = "DIR",
      description = "Runtime data folder (index, database, dialog state). Default: $FIVESTAR_DATA or data/")
  Path data;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  /** The data folder: --data, else FIVESTAR_DATA, else ./data. */
  public Path dataDir() {
    if (data != null) return data;
    String env = System.getenv("FIVESTAR_DATA");
    return env == null || env.isBlank() ? Path.of("data") : Path.of(env);
  }

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "missing command (try --help)");
  }

  public static void main(String[] args) {
    System.exit(execute(args));
  }

  /** Runs the command line and returns the exit code; used by tests too. */
  public static int execute(String... args) {
    CommandLine cli = new CommandLine(new Main());
    cli.setOut(new PrintWriter(new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8), true));
    cli.setErr(new PrintWriter(new java.io.OutputStreamWriter(System.err, StandardCharsets.UTF_8), true));
    cli.setExecutionExceptionHandler((ex, cmd, parsed) -> {
      Throwable root = ex;
      if (root instanceof UserException) {
        cmd.getErr().println("error: " + root.getMessage());
        return ((UserException) root).exitCode();
      }
      org.slf4j.LoggerFactory.getLogger(Main.class).debug("command failed", ex);
      String msg = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
      cmd.getErr().println("error: " + msg.lines().findFirst().orElse(msg));
      return 1;
    });
    return cli.execute(args);
  }
}
