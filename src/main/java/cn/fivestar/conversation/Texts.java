package cn.fivestar.conversation;

/** What the bot says, in one place so the tone stays consistent. */
final class Texts {
  private Texts() {}

  static final String GREETING = "您好！我是社区助手，可以帮您反映问题、查询办理进度，也可以解答五星支部创建和社区服务方面的问题。";

  static final String RESIDENT_HELP = """
      我可以帮您：
      · 反映问题或求助：直接说发生了什么、在哪里，例如“幸福路12号院3号楼的路灯坏了”
      · 查询进度：发送“我反映的事怎么样了”，或发送编号（如 20260105-0001）
      · 咨询：直接提问，例如“平安法治星的标准是什么？”“社区有没有助老食堂？”
      · 问题办结后，为处理结果打分
      · 常用功能也可以直接点按钮：我要反映问题、我要咨询、查询进度、五星知识
      填写过程中随时发送“取消”可以放弃。""";

  static final String STAFF_HELP = """
      工作人员命令：
      /new — 新受理、待派单的诉求
      /mine — 我承办的诉求
      /take 编号 — 接办一件诉求
      /reply 编号 答复内容 — 答复居民（居民会收到通知）
      /status 编号 状态 [说明] — 改状态，如 in_progress（办理中）、closed（已办结）、returned（退回，需说明）
      /note 编号 内容 — 内部备注（居民看不到）
      /show 编号 — 查看详情和办理记录""";

  static final String SUPERVISOR_HELP = """
      督办命令：
      /overdue — 超期未办结的诉求
      /stats — 本月响应率、解决率、满意率（/stats 全部 看全部时间）""";

  static String help(Role role) {
    return switch (role) {
      case RESIDENT -> RESIDENT_HELP;
      case STAFF -> RESIDENT_HELP + "\n\n" + STAFF_HELP;
      case SUPERVISOR -> RESIDENT_HELP + "\n\n" + STAFF_HELP + "\n\n" + SUPERVISOR_HELP;
    };
  }

  static final String EMPTY = "您发来的消息是空的。请直接告诉我您遇到的问题或想咨询的事，例如“3号楼楼道灯坏了”。";
  static final String NOT_UNDERSTOOD = "抱歉，我没看懂这条消息。您可以用中文直接描述问题，例如“3号楼楼道灯坏了”，"
      + "或者发送 /help 看看我能做什么。";
  static final String THROTTLED = "您发送得太快了，请稍后再试。";
  static final String ERROR = "抱歉，系统暂时出了点问题，请稍后再试。您之前填写的内容都还保留着。";
  static final String THANKS = "不客气！还有什么需要，随时告诉我。";
  static final String BYE = "再见，祝您生活愉快！有事随时找我。";
  static final String STAFF_ONLY = "抱歉，这个命令只对社区工作人员开放。您可以直接描述问题，或发送 /help 查看能用的功能。";
  static final String SUPERVISOR_ONLY = "抱歉，这个命令只对街道（乡镇）督办人员开放。发送 /help 查看您能用的命令。";
  static final String NOTHING_TO_CANCEL = "目前没有正在填写的内容。有需要随时告诉我。";
  static final String CANCELLED = "好的，已取消，刚才填写的内容没有提交。有需要随时再找我。";

  static String tooLong(int chars) {
    return "您的消息太长了（约 " + chars + " 字），我一次最多能处理 " + MessageText.MAX_CHARS
        + " 字。请精简一下再发：说清楚发生了什么、在哪里就可以。";
  }

  static String unknownCommand(String command) {
    return "没有“" + MessageText.clip(command, 20) + "”这个命令。发送 /help 查看您可以使用的命令。";
  }
}
