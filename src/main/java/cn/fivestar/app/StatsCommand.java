package cn.fivestar.app;

import cn.fivestar.infra.*;
import cn.fivestar.cases.*;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code stats}: 响应率 / 解决率 / 满意率, time to close and overdue counts, overall, by category and by star. */
@Command(name = "stats", mixinStandardHelpOptions = true,
    description = "Case figures for supervisors (definitions: see the footer of the text output).")
public final class StatsCommand extends DataCommand implements Callable<Integer> {
  @Spec CommandLine.Model.CommandSpec spec;
  @Option(names = "--from", paramLabel = "DATE", description = "Cases received on or after (yyyy-MM-dd)") LocalDate from;
  @Option(names = "--to", paramLabel = "DATE", description = "Cases received on or before (yyyy-MM-dd)") LocalDate to;
  @Option(names = "--json", description = "As one JSON object") boolean json;

  @Override
  public Integer call() {
    CasesCommand.checkDates(from, to);
    PrintWriter out = spec.commandLine().getOut();
    try (CaseService cases = CaseService.open(dataDir())) {
      CaseStatistics s = cases.stats(from, to);
      if (json) out.println(CaseJson.stats(s));
      else out.print(CaseText.stats(s));
      out.flush();
    }
    return 0;
  }
}
