package cn.fivestar.conversation.remind;

import cn.fivestar.cases.CaseService;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** What 催办 reminders say: to handlers, to the staff group, the supervisors' digest, and the run's summary. */
final class RemindTexts {
  private RemindTexts() {}

  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("M月d日").withZone(CaseService.ZONE);

  static String day(Instant t) {
    return DAY.format(t);
  }

  static final String KIND_HANDLER = "承办人催办";
  static final String KIND_UNASSIGNED = "待接办提醒";
  static final String KIND_DIGEST = "督办摘要";
  static final String STAFF_GROUP = "工作人员群";

  // ---------------------------------------------------------------- what a run did (/remind, cases remind)

  static final String NOTHING_DUE = "目前没有需要催办的诉求，也没有需要发送的督办摘要。";

  static String sent(boolean dryRun, int count) {
    return (dryRun ? "将发送催办 " : "已发送催办 ") + count + " 条";
  }

  static String perKind(String label, int count) {
    return label + " " + count + " 条";
  }

  static String kinds(List<String> parts) {
    return "（" + String.join("、", parts) + "）";
  }

  static String skipped(int count) {
    return "今天已发过的 " + count + " 条没有重复发送。";
  }

  static String failed(int count) {
    return "有 " + count + " 条发送失败，下次运行时会重试。";
  }

  // ---------------------------------------------------------------- the staff group: cases nobody took

  static String unassignedHead(int count) {
    return "【待接办提醒】各位同事好！目前还有 " + count + " 件诉求没有人接办，请及时认领：";
  }

  static final String UNASSIGNED_TAIL = "\n发送 /take 编号 接办，/show 编号 查看详情。谢谢大家！";

  // ---------------------------------------------------------------- a handler's cases

  /** In the handler's own chat ({@code maskedName} null), or in the staff group addressed by name. */
  static String handlerHead(String maskedName, int total) {
    return "【催办提醒】" + (maskedName == null ? "您好！您承办的诉求" : "请 " + maskedName + " 同志留意：您承办的诉求")
        + "中有 " + total + " 件需要抓紧办理。";
  }

  static String overdueHead(int count) {
    return "\n\n已超期（" + count + " 件）：";
  }

  static String dueSoonHead(int count) {
    return "\n\n即将到期（" + count + " 件，一个工作日内到期）：";
  }

  static final String HANDLER_TAIL = "\n\n请尽快办理，办好后用 /reply 编号 答复内容 回复居民；发送 /show 编号 查看详情。辛苦了！";

  // ---------------------------------------------------------------- supervisors' digest

  static String digestHead(String day, String weekday, int open, int overdue, int dueSoon, int unassigned) {
    return "【每日督办摘要】" + day + "（" + weekday + "）\n在办诉求 " + open + " 件：超期 " + overdue + " 件，一个工作日内到期 "
        + dueSoon + " 件，待接办 " + unassigned + " 件。";
  }

  static final String NO_OVERDUE = "\n目前没有超期的诉求，请继续保持。";
  static final String MOST_OVERDUE = "\n\n超期最久的诉求：";
  static final String NO_HANDLER = "（无人接办）";
  static final String DIGEST_TAIL = "\n发送 /overdue 查看全部超期诉求。";

  /** One overdue case in the digest; the handler's name already masked. */
  static String digestLine(String id, String category, int daysLate, String handler, String summary) {
    return "\n· " + id + "｜" + category + "｜" + late(daysLate) + "｜承办人 " + handler + "｜" + summary;
  }

  static String more(int count) {
    return "\n……另有 " + count + " 件。";
  }

  // ---------------------------------------------------------------- case lists

  static String late(int workingDays) {
    return "超期 " + workingDays + " 个工作日";
  }

  static final String DUE_TODAY = "今天到期";

  static String dueOn(Instant due) {
    return day(due) + "到期";
  }

  static String moreInList(int count) {
    return "\n……另有 " + count + " 件，发送 /mine 或 /new 查看。";
  }
}
