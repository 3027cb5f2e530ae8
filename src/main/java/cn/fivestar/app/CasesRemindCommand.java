package cn.fivestar.app;

import cn.fivestar.cases.CaseService;
import cn.fivestar.cases.Taxonomy;
import cn.fivestar.cases.WorkCalendar;
import cn.fivestar.conversation.Notifiers;
import cn.fivestar.conversation.ChannelBacklog;
import cn.fivestar.conversation.RoleDirectory;
import cn.fivestar.conversation.remind.Reminders;
import cn.fivestar.infra.Database;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code cases remind [--dry-run]}: today's 催办 reminders now, for cron — what {@code serve}'s scheduler sends on
 * working days. Messages wait in the outbox and {@code serve} delivers them; each reminder goes out once a day
 * however often this runs (the database records it). On a rest day nothing is sent.
 */
@Command(name = "remind", mixinStandardHelpOptions = true,
    description = "Send today's 催办 reminders (handlers: due within one working day and overdue; the staff group: "
        + "cases nobody took; supervisors: a digest). Nothing on rest days, nothing twice a day.")
final class CasesRemindCommand extends DataCommand implements Callable<Integer> {
  @Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--dry-run", description = "Print what would be sent; send and record nothing")
  boolean dryRun;

  @Option(names = "--now", hidden = true, paramLabel = "yyyy-MM-ddTHH:mm",
      description = "Pretend it is this local time (tests)")
  LocalDateTime now;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    Clock clock = now == null ? Clock.system(CaseService.ZONE)
        : Clock.fixed(now.atZone(CaseService.ZONE).toInstant(), CaseService.ZONE);
    Database db = Database.inDataDir(dataDir());
    RoleDirectory roles = Services.roles(dataDir(), db);  // the roles file and web accounts linked to Telegram
    try (CaseService cases = new CaseService(db, Taxonomy.forDataDir(dataDir()), WorkCalendar.forDataDir(dataDir()),
        clock)) {
      Reminders reminders = Services.reminders(db, cases, roles,
          new Notifiers(new ChannelBacklog(db, clock), Services.STAFF_CHANNELS));
      if (!reminders.workingDay()) {
        out.println(reminders.today() + " 不是工作日（按办理时限所用的节假日日历），不发送催办。");
        out.flush();
        return 0;
      }
      Reminders.Outcome o = reminders.run(dryRun);
      if (dryRun) {
        out.println("试运行：不发送，也不记录。" + o.day() + " " + o.summary());
        for (Reminders.Reminder r : o.sent()) {
          out.println();
          out.println("── " + r.kind().label() + " → " + r.target() + caseCount(r.caseIds()) + " ──");
          out.println(r.text());
        }
      } else {
        out.println(o.day() + " " + o.summary());
        for (Reminders.Reminder r : o.sent()) out.println("  已发送  " + line(r));
        if (!o.sent().isEmpty()) out.println("消息已放入发送队列，由运行中的 serve 投递到 Telegram。");
      }
      for (Reminders.Reminder r : o.skipped()) out.println("  今天已发过，不再发送  " + line(r));
      for (Reminders.Reminder r : o.failed()) out.println("  发送失败  " + line(r));
      out.flush();
      if (!o.failed().isEmpty()) {
        System.err.println("error: " + o.failed().size() + " reminder(s) could not be queued; run again to retry");
        return 1;
      }
      return 0;
    }
  }

  private static String line(Reminders.Reminder r) {
    return r.kind().label() + " → " + r.target() + (r.caseIds().isEmpty() ? "" : "：" + String.join("、", r.caseIds()));
  }

  private static String caseCount(List<String> ids) {
    return ids.isEmpty() ? "" : "（" + ids.size() + " 件）";
  }
}
