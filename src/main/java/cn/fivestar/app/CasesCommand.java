package cn.fivestar.app;

import cn.fivestar.infra.*;
import cn.fivestar.cases.*;
import cn.fivestar.infra.PersonalData;
import cn.fivestar.app.Services;
import cn.fivestar.infra.UserException;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code cases list|show|update|merge|export|create}: the staff's and supervisors' case tools. */
@Command(name = "cases", mixinStandardHelpOptions = true,
    description = "Resident cases: list, show, update, merge, export, create (phone intake), remind (催办).",
    subcommands = {CasesCommand.ListCmd.class, CasesCommand.ShowCmd.class, CasesCommand.UpdateCmd.class,
        CasesCommand.MergeCmd.class, CasesCommand.ExportCmd.class, CasesCommand.CreateCmd.class,
        CasesRemindCommand.class})
public final class CasesCommand implements Runnable {
  static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(CaseService.ZONE);
  static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(CaseService.ZONE);

  @Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(),
        "missing subcommand: list, show, update, merge, export, create or remind");
  }


  static String defaultActor() {
    return System.getProperty("user.name", "staff");
  }

  static void checkDates(LocalDate from, LocalDate to) {
    for (LocalDate d : new LocalDate[] {from, to}) {
      if (d != null && !CaseDates.inRange(d)) {
        throw UserException.usage("dates must lie between " + CaseDates.FIRST_DAY + " and " + CaseDates.LAST_DAY + ", got: " + d);
      }
    }
    if (from != null && to != null && from.isAfter(to)) throw UserException.usage("--from is after --to");
  }

  static String dueText(CaseRecord r, Instant now) {
    String d = DATE.format(r.dueAt());
    if (r.isOverdue(now)) return d + " 超期";
    return d;
  }

  @Command(name = "list", mixinStandardHelpOptions = true, description = "List cases, newest first (overdue/due-soon: soonest deadline first).")
  static final class ListCmd extends DataCommand implements Callable<Integer> {
    @Spec CommandLine.Model.CommandSpec spec;
    @Option(names = "--status", paramLabel = "S", description = "received|assigned|in_progress|answered|closed|merged|returned or 已受理…") String status;
    @Option(names = "--category", paramLabel = "C", description = "Category, e.g. 设施维修") String category;
    @Option(names = "--star", paramLabel = "S", description = "Star, e.g. 平安法治星") String star;
    @Option(names = "--overdue", description = "Only cases waiting on staff past their deadline") boolean overdue;
    @Option(names = "--due-soon", description = "Only cases due by the end of the next working day") boolean dueSoon;
    @Option(names = "--open", description = "Only cases not closed or merged") boolean open;
    @Option(names = "--mine", description = "Only cases assigned to --by") boolean mine;
    @Option(names = "--by", paramLabel = "WHO", description = "Who you are (default: your login name)") String by;
    @Option(names = "--from", paramLabel = "DATE", description = "Received on or after (yyyy-MM-dd)") LocalDate from;
    @Option(names = "--to", paramLabel = "DATE", description = "Received on or before (yyyy-MM-dd)") LocalDate to;
    @Option(names = "--limit", paramLabel = "N", description = "At most N cases (default: all)") int limit;
    @Option(names = "--json", description = "One JSON object per line") boolean json;

    @Override
    public Integer call() {
      checkDates(from, to);
      if (limit < 0) throw UserException.usage("--limit must be >= 0");
      CaseFilter f = CaseFilter.all().withCategory(category).withStar(star).withOverdue(overdue).withDueSoon(dueSoon)
          .withOpenOnly(open).withDates(from, to).withLimit(limit);
      if (status != null) f = f.withStatus(CaseStatus.parse(status));
      if (mine) f = f.withAssignee(by != null ? by : defaultActor());
      PrintWriter out = spec.commandLine().getOut();
      try (CaseService cases = openCaseTools()) {
        List<CaseRecord> list = cases.list(f);
        Instant now = cases.clock().instant();
        if (json) {
          StringBuilder sb = new StringBuilder();
          for (CaseRecord r : list) sb.append(CaseJson.item(r, now)).append('\n');
          out.print(sb);
        } else if (list.isEmpty()) {
          out.println("没有符合条件的诉求。");
        } else {
          TextTable t = new TextTable("编号", "状态", "类型", "分类", "影响的星", "受理时间", "办理时限", "承办人", "摘要");
          for (CaseRecord r : list) {
            t.add(r.id(), r.status().label(), r.kind().label(), r.category(), r.star() == null ? "—" : r.star(),
                TIME.format(r.createdAt()), dueText(r, now), r.assignee() == null ? "—" : r.assignee(),
                CaseRecord.summarize(r.text(), 24));
          }
          out.print(t.render());
          out.println("共 " + list.size() + " 件。");
        }
        out.flush();
      }
      return 0;
    }
  }

  @Command(name = "show", mixinStandardHelpOptions = true, description = "Show one case with its replies, notes and history (for staff: personal data in clear).")
  static final class ShowCmd extends DataCommand implements Callable<Integer> {
    @Spec CommandLine.Model.CommandSpec spec;
    @Parameters(paramLabel = "ID", description = "Tracking number, e.g. 20260105-0001") String id;
    @Option(names = "--json", description = "As one JSON object") boolean json;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      try (CaseService cases = openCaseTools()) {
        CaseRecord r = cases.get(id);
        List<CaseHistoryEntry> history = cases.history(r.id());
        Instant now = cases.clock().instant();
        if (json) out.println(CaseJson.full(r, history, now));
        else out.print(CaseText.show(r, history, now));
        out.flush();
      }
      return 0;
    }
  }

  @Command(name = "update", mixinStandardHelpOptions = true,
      description = "Change status, reply to the resident, add an internal note, assign or recategorize — in one step.")
  static final class UpdateCmd extends DataCommand implements Callable<Integer> {
    @Spec CommandLine.Model.CommandSpec spec;
    @Parameters(paramLabel = "ID") String id;
    @Option(names = "--status", paramLabel = "S", description = "New status (code or 中文)") String status;
    @Option(names = "--note", paramLabel = "T", description = "Reason for the status change, or an internal note") String note;
    @Option(names = "--reply", paramLabel = "T", description = "Reply the resident sees (moves to answered unless --status)") String reply;
    @Option(names = "--assign", paramLabel = "WHO", description = "Handler (派单)") String assign;
    @Option(names = "--category", paramLabel = "C", description = "Correct the category") String category;
    @Option(names = "--by", paramLabel = "WHO", description = "Who makes the change (default: your login name)") String by;
    @Option(names = "--json", description = "Print the updated case as JSON") boolean json;

    @Override
    public Integer call() {
      if (status == null && note == null && reply == null && assign == null && category == null) {
        throw UserException.usage("nothing to update: give --status, --reply, --note, --assign or --category");
      }
      CaseUpdate u = new CaseUpdate(status == null ? null : CaseStatus.parse(status), note, reply, assign, category,
          by != null ? by : defaultActor());
      PrintWriter out = spec.commandLine().getOut();
      try (CaseService cases = openCaseTools()) {
        CaseRecord r = cases.update(id, u);
        if (json) out.println(CaseJson.item(r, cases.clock().instant()));
        else out.println(r.id() + " 已更新：" + r.status().label() + (r.assignee() == null ? "" : "，承办人 " + r.assignee()));
        out.flush();
      }
      return 0;
    }
  }

  @Command(name = "merge", mixinStandardHelpOptions = true, description = "Merge a duplicate case into another open case; its reporter follows the target.")
  static final class MergeCmd extends DataCommand implements Callable<Integer> {
    @Spec CommandLine.Model.CommandSpec spec;
    @Parameters(index = "0", paramLabel = "ID") String id;
    @Parameters(index = "1", paramLabel = "INTO_ID") String into;
    @Option(names = "--by", paramLabel = "WHO") String by;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      try (CaseService cases = openCaseTools()) {
        CaseRecord r = cases.merge(id, into, by != null ? by : defaultActor());
        out.println("已将 " + r.id() + " 合并到 " + r.mergedInto() + "，原反映人会随 " + r.mergedInto() + " 收到进展通知。");
        out.flush();
      }
      return 0;
    }
  }

  @Command(name = "export", mixinStandardHelpOptions = true, description = "Export cases as Excel-friendly CSV (UTF-8 with BOM, personal data masked).")
  static final class ExportCmd extends DataCommand implements Callable<Integer> {
    @Spec CommandLine.Model.CommandSpec spec;
    @Option(names = "--format", required = true, paramLabel = "csv") String format;
    @Option(names = "--from", paramLabel = "DATE") LocalDate from;
    @Option(names = "--to", paramLabel = "DATE") LocalDate to;
    @Option(names = "--out", paramLabel = "FILE", description = "Write here instead of standard output") Path file;

    @Override
    public Integer call() throws IOException {
      if (!"csv".equalsIgnoreCase(format)) throw UserException.usage("unsupported format '" + format + "' (only csv)");
      checkDates(from, to);
      try (CaseService cases = openCaseTools()) {
        List<CaseRecord> list = cases.list(CaseFilter.all().withDates(from, to));
        // oldest first reads naturally in a spreadsheet
        List<CaseRecord> ordered = new java.util.ArrayList<>(list);
        java.util.Collections.reverse(ordered);
        java.util.Map<String, Integer> reopens = cases.reopenCounts(ordered);
        if (file == null) {
          CaseCsv.write(spec.commandLine().getOut(), ordered, reopens);
        } else {
          Path parentDir = file.toAbsolutePath().getParent();
          if (parentDir != null) Files.createDirectories(parentDir);
          try (Writer w = new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8))) {
            CaseCsv.write(w, ordered, reopens);
          }
          spec.commandLine().getOut().println("已导出 " + ordered.size() + " 件诉求到 " + file);
          spec.commandLine().getOut().flush();
        }
      }
      return 0;
    }
  }

  @Command(name = "create", mixinStandardHelpOptions = true, description = "Log a request taken by phone or in person.")
  static final class CreateCmd extends DataCommand implements Callable<Integer> {
    @Spec CommandLine.Model.CommandSpec spec;
    @Option(names = "--text", required = true, paramLabel = "T") String text;
    @Option(names = "--location", paramLabel = "L") String location;
    @Option(names = "--phone", paramLabel = "P") String phone;
    @Option(names = "--name", paramLabel = "N", description = "How the resident is addressed") String name;
    @Option(names = "--category", paramLabel = "C") String category;
    @Option(names = "--kind", paramLabel = "K", description = "consultation|help|suggestion|complaint|report (default help)") String kind;
    @Option(names = "--user", paramLabel = "U", description = "Reporter id (default: the phone number, else 'hotline')") String user;
    @Option(names = "--json", description = "Print the new case as JSON") boolean json;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      try (CaseService cases = openCaseTools()) {
        List<CaseRecord> similar = cases.findSimilarOpen(text, location, 3);
        String reporter = user != null ? user : phone != null && !phone.isBlank() ? phone.strip() : "hotline";
        CaseRecord r = cases.create(new NewCase("phone", reporter, null, name, phone, text, location, category,
            kind == null ? null : CaseKind.parse(kind), List.of()));
        if (json) {
          var o = CaseJson.item(r, cases.clock().instant());
          var arr = o.putArray("similar");
          similar.forEach(s -> arr.add(s.id()));
          out.println(o);
        } else {
          out.println("已受理，编号 " + r.id() + "（" + r.category() + "，" + r.kind().label() + "），办理时限 "
              + DATE.format(r.dueAt()) + "。");
          if (!similar.isEmpty()) {
            out.println("可能与以下未办结诉求重复，可用 cases merge " + r.id() + " 目标编号 合并：");
            for (CaseRecord s : similar) {
              out.println("  " + s.id() + "  " + s.status().label() + "  " + PersonalData.mask(String.valueOf(s.location()))
                  + "  " + s.summary());
            }
          }
        }
        out.flush();
      }
      return 0;
    }
  }
}
