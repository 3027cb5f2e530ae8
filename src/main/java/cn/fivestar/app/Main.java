package cn.fivestar.app;

import cn.fivestar.infra.*;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;
import picocli.CommandLine.Command;

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
        CasesCommand.class, StatsCommand.class, FeedbackCommand.class,
        ClassifyCommand.class,
        ChatCommand.class, ServeCommand.class,
        WebCommand.class, UsersCommand.class, DbCommand.class})
public final class Main implements Runnable {

  @CommandLine.Mixin GlobalOptions global = new GlobalOptions();

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "missing command (try --help)");
  }

  public static void main(String[] args) {
    // Chinese output must survive a process started without a UTF-8 locale (containers, cron, systemd): JSON lines,
    // replies and error messages are UTF-8 whatever the platform charset says.
    System.setOut(new java.io.PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true, StandardCharsets.UTF_8));
    System.setErr(new java.io.PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.err), true, StandardCharsets.UTF_8));
    System.exit(execute(args));
  }

  /** Runs the command line and returns the exit code; used by tests too. */
  public static int execute(String... args) {
    Main main = new Main();
    CommandLine.IFactory defaults = CommandLine.defaultFactory();
    CommandLine cli = new CommandLine(main, new CommandLine.IFactory() {
      @Override
      public <K> K create(Class<K> type) throws Exception {
        K made = defaults.create(type);
        if (made instanceof DataCommand command) command.global = main.global;
        return made;
      }
    });
    cli.setOut(new PrintWriter(new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8), true));
    cli.setErr(new PrintWriter(new java.io.OutputStreamWriter(System.err, StandardCharsets.UTF_8), true));
    cli.setExecutionExceptionHandler((ex, cmd, parsed) -> {
      Throwable root = ex;
      if (root instanceof UserException) {
        cmd.getErr().println("error: " + Secrets.redact(root.getMessage()));
        return ((UserException) root).exitCode();
      }
      org.slf4j.LoggerFactory.getLogger(Main.class).debug("command failed", ex);
      String msg = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
      cmd.getErr().println("error: " + Secrets.redact(msg.lines().findFirst().orElse(msg)));
      return 1;
    });
    return cli.execute(args);
  }
}
