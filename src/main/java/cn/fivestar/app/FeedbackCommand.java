package cn.fivestar.app;

import cn.fivestar.conversation.AnswerLog;
import cn.fivestar.infra.Database;
import cn.fivestar.infra.PersonalData;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code feedback list|export}: residents' 有用/没用 votes on answers, so staff know which documents to improve. */
@Command(name = "feedback", mixinStandardHelpOptions = true,
    description = "Residents' 有用/没用 votes on knowledge answers.",
    subcommands = {FeedbackCommand.ListCmd.class, FeedbackCommand.ExportCmd.class})
public final class FeedbackCommand implements Runnable {
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
      .withZone(cn.fivestar.cases.CaseService.ZONE);
  private static final List<String> HEADER = List.of("时间", "评价", "问题", "回答", "原因", "引用", "索引版本", "渠道");

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "missing subcommand: list or export");
  }

  static List<AnswerLog.Entry> read(java.nio.file.Path dataDir, int limit) {
    Database db = Database.configured(dataDir);
    return new AnswerLog(db, Clock.systemUTC(), () -> "").voted(limit);
  }

  static String vote(AnswerLog.Entry e) {
    return "up".equals(e.vote()) ? "有用" : "没用";
  }

  static ObjectNode json(AnswerLog.Entry e) {
    ObjectNode o = Json.MAPPER.createObjectNode();
    o.put("at", e.votedAt().toString());
    o.put("vote", e.vote());
    o.put("question", PersonalData.mask(e.question()));
    o.put("answer", PersonalData.mask(e.answer()));
    o.put("reason", PersonalData.mask(e.reason()));
    o.put("tentative", e.tentative());
    o.put("citations", e.citations());
    o.put("index_version", e.indexVersion());
    o.put("channel", e.channel());
    return o;
  }

  @Command(name = "list", mixinStandardHelpOptions = true, description = "Recent votes, newest first, and the helpful rate.")
  static final class ListCmd extends DataCommand implements Callable<Integer> {
    @Option(names = "--json", description = "One JSON object") boolean json;
    @Option(names = "--limit", defaultValue = "50", description = "At most this many (default ${DEFAULT-VALUE}; 0 = all)") int limit;

    @Override
    public Integer call() {
      List<AnswerLog.Entry> all = read(dataDir(), 0);
      List<AnswerLog.Entry> shown = limit > 0 && all.size() > limit ? all.subList(0, limit) : all;
      long up = all.stream().filter(e -> "up".equals(e.vote())).count();
      PrintWriter out = spec.commandLine().getOut();
      if (json) {
        ObjectNode o = Json.MAPPER.createObjectNode();
        o.put("votes", all.size());
        o.put("helpful", up);
        ArrayNode list = o.putArray("items");
        shown.forEach(e -> list.add(json(e)));
        out.println(o);
        return 0;
      }
      if (all.isEmpty()) {
        out.println("还没有居民对回答投票。");
        return 0;
      }
      out.printf(Locale.ROOT, "共 %d 票，有用 %d（%.0f%%），没用 %d%n", all.size(), up, 100.0 * up / all.size(), all.size() - up);
      for (AnswerLog.Entry e : shown) {
        out.println(TIME.format(e.votedAt()) + "  " + vote(e) + "  " + PersonalData.mask(e.question())
            + (e.reason() == null ? "" : "  原因：" + PersonalData.mask(e.reason())));
      }
      return 0;
    }

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;
  }

  @Command(name = "export", mixinStandardHelpOptions = true,
      description = "All votes as CSV (UTF-8 with BOM, for spreadsheets) or JSON lines (--json); personal data masked.")
  static final class ExportCmd extends DataCommand implements Callable<Integer> {
    @Option(names = "--json", description = "JSON lines instead of CSV") boolean json;
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
      List<AnswerLog.Entry> all = read(dataDir(), 0);
      PrintWriter out = spec.commandLine().getOut();
      if (json) {
        all.forEach(e -> out.println(json(e)));
        return 0;
      }
      CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(false);
      CsvMapper csv = new CsvMapper();
      List<List<String>> rows = new ArrayList<>();
      rows.add(HEADER);
      for (AnswerLog.Entry e : all) {
        rows.add(List.of(TIME.format(e.votedAt()), vote(e), PersonalData.mask(e.question()), PersonalData.mask(e.answer()),
            e.reason() == null ? "" : PersonalData.mask(e.reason()), e.citations(), e.indexVersion(), e.channel()));
      }
      try {
        out.print("\uFEFF" + csv.writer(schema.build().withLineSeparator("\r\n")).writeValueAsString(rows));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      out.flush();
      return 0;
    }
  }
}
