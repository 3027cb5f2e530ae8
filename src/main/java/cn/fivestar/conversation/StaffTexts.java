package cn.fivestar.conversation;

import cn.fivestar.cases.CaseStatistics;

/** What staff and supervisors are told (commands, new-case notices), and the case notices residents receive. */
final class StaffTexts {
  private StaffTexts() {}

  // ---------------------------------------------------------------- commands

  static final String REMIND_OFF = "催办提醒在这里没有启用。";
  static final String OVERDUE_TITLE = "超期未办结的诉求";
  static final String WAITING_TITLE = "待派单的诉求";
  static final String MINE_TITLE = "我承办的诉求";
  static final String TAKE_OR_SHOW = "\n发送 /take 编号 接办，/show 编号 查看详情。";

  static final String USAGE_TAKE = "用法：/take 编号，例如 /take 20260105-0001";
  static final String USAGE_REPLY = "用法：/reply 编号 答复内容，例如 /reply 20260105-0001 已安排电工明天上午维修。";
  static final String USAGE_CLOSE = "用法：/close 编号 办结说明，例如 /close 20260105-0001 路灯已修好。说明会作为处理结果告诉居民。";
  static final String USAGE_STATUS = "用法：/status 编号 状态 [说明]，状态可用 in_progress（办理中）、answered（已答复）、closed（已办结）、"
      + "returned（退回，需写明原因）等。";
  static final String USAGE_MERGE = "用法：/merge 编号 目标编号，例如 /merge 20260105-0002 20260105-0001（把重复的诉求并入另一件，双方居民都会收到通知）";
  static final String USAGE_REOPEN = "用法：/reopen 编号 重办原因，例如 /reopen 20260105-0001 回访时居民反映灯还是不亮";
  static final String USAGE_NOTE = "用法：/note 编号 备注内容（只有工作人员能看到）";
  static final String USAGE_SHOW = "用法：/show 编号";

  /** The reply residents are told when a case is closed without a closing text. */
  static final String DEFAULT_CLOSE_RESULT = "已办结";

  static String replied(String id, String status) {
    return "已答复 " + id + "（" + status + "），居民会收到通知。问题解决后可用 /status " + id + " closed 办结。";
  }

  static String closed(String id, boolean wasClosed) {
    return wasClosed ? id + " 早已办结，没有再改动。" : id + " 已办结，已请居民为处理结果打分。";
  }

  static String statusChanged(String id, String status, boolean closed) {
    return id + " 已改为「" + status + "」。" + (closed ? "已请居民为处理结果打分。" : "");
  }

  static String merged(String id, String into) {
    return id + " 已并入 " + into + "，反映人和关注人今后会收到 " + into + " 的进展。";
  }

  static String reopened(String id, String due) {
    return id + " 已重新交办（办理中），新的办结期限 " + due + "。";
  }

  static String noteAdded(String id) {
    return "已为 " + id + " 添加备注。";
  }

  // ---------------------------------------------------------------- taking a case (/take, the 接办 button)

  static final String BUTTON_TAKE = "接办";
  /** Start of the history note that records who took a case in chat (read back to name the handler). */
  static final String TAKEN_BY = "接办人：";
  static final String TAKE_STAFF_ONLY = "抱歉，只有社区工作人员可以接办诉求。如果您也遇到了这个问题，可以私聊我反映，我帮您登记。";

  static String takenByOther(String id, String name) {
    return "诉求 " + id + " 已由 " + name + " 接办，正在办理，不用重复接办。";
  }

  static String assignedToOther(String id, String name) {
    return "诉求 " + id + " 已派给 " + name + " 办理，不用重复接办。";
  }

  static String alreadyYours(String id) {
    return "诉求 " + id + " 您已经接办了，正在办理中。处理后用 /reply " + id + " 答复内容 回复居民。";
  }

  static String took(String id, String status, String due) {
    return "已接办 " + id + "，状态：" + status + "，期限 " + due + "。\n处理后用 /reply " + id + " 答复内容 回复居民。";
  }

  static String cannotTake(String id, String status) {
    return "诉求 " + id + " 目前是「" + status + "」，不能再接办。";
  }

  // ---------------------------------------------------------------- /stats

  static String statsHeading(boolean all, int month) {
    return all ? "全部诉求统计" : "本月（" + month + "月1日至今）诉求统计";
  }

  static String statsOverall(CaseStatistics.Group g) {
    return "：共 " + g.total() + " 件，已办结 " + g.closed() + " 件，超期 " + g.overdue() + " 件。\n响应率 "
        + percent(g.responseRate()) + "，解决率 " + percent(g.resolutionRate()) + "，满意率 " + percent(g.satisfactionRate()) + "。";
  }

  static final String STATS_BY_CATEGORY = "\n按类别：";

  static String statsCategory(String category, CaseStatistics.Group g) {
    return "\n· " + category + " " + g.total() + " 件，办结 " + g.closed() + "，满意率 " + percent(g.satisfactionRate());
  }

  private static String percent(Double rate) {
    return rate == null ? "—" : Math.round(rate * 1000) / 10.0 + "%";
  }

  // ---------------------------------------------------------------- case notices (CaseNotices)

  /** To staff: a new case; place and summary already masked. */
  static String newCase(boolean urgent, String id, String category, String maskedPlace, String maskedSummary) {
    return (urgent ? "【紧急】请立即处置！" : "") + "新诉求 " + id + "｜" + category + "｜"
        + (maskedPlace == null ? "未注明地点" : maskedPlace) + "｜" + maskedSummary
        + "\n点“接办”或发送 /take " + id + " 接办，/show " + id + " 查看详情。";
  }

  /** To staff: a case handed back for another round; the reason already masked. */
  static String reopenedToStaff(String id, String category, String maskedReason, String due) {
    return "【重办】" + id + "｜" + category + "｜" + maskedReason + "\n已重新交办，预计 " + due + " 前办结（/show " + id + " 查看）。";
  }

  static String reopenedToFollower(String id) {
    return "您关注的问题（编号 " + id + "）有居民反映还没有解决，已重新交办。";
  }

  static String staffReplied(String id, String reply) {
    return "您反映的问题（编号 " + id + "）有了答复：\n" + reply;
  }

  static String mergedNotice(String id, String into) {
    return "您反映的问题（编号 " + id + "）与编号 " + into + " 是同一件事，已合并办理，后续进展会一并通知您。发送 " + into + " 可以查看。";
  }

  static String inProgress(String id, String due) {
    return "您反映的问题（编号 " + id + "）工作人员已经在办理了，预计 " + due + " 前办结。";
  }

  static String stillInProgress(String id) {
    return "您反映的问题（编号 " + id + "）工作人员正在继续办理。";
  }

  /** "\n处理结果：…" under a closing notice, or nothing when there was no reply. */
  static String result(String reply) {
    return reply == null ? "" : "\n处理结果：" + reply;
  }

  static String closedToFollower(String id, String result) {
    return "您关注的问题（编号 " + id + "）已办结。" + result;
  }

  /** To the reporter, with the score buttons (5 = best). */
  static String closedToReporter(String id, String result) {
    return "您反映的问题（编号 " + id + "）已办结。" + result + "\n请您为这次处理结果打个分（5 分最满意）：";
  }
}
