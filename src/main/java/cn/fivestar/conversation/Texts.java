package cn.fivestar.conversation;

import java.util.List;

/**
 * What the bot says, so wording is reviewed and changed without reading logic and the tone stays consistent. This
 * catalogue holds the general replies, questions, status, rating, small talk and case-view labels; reporting is in
 * {@link IntakeTexts}, staff commands and case notices in {@link StaffTexts}, reminders in {@code remind/RemindTexts}.
 */
final class Texts {
  private Texts() {}

  static final String GREETING = "您好！我是社区助手，可以帮您反映问题、查询办理进度，也可以解答五星支部创建和社区服务方面的问题。";

  static final String CALL_NOW = "要打，别等：有人身体不适请立即拨打 120（急救），有危险或需要破门请拨打 110，着火请拨打 119。社区工作人员不能代替急救和报警。";
  static final String IF_THREATENED = "如果他再来，先别开门，锁好门窗，立即拨打 110 报警；可以先给家人或邻居打个电话，请他们过来陪着。社区工作人员也会尽快跟进您反映的情况。";
  static final String ABOUT_ME = "我是社区的自动助手（机器人），不是真人。您反映的问题登记后会转给社区工作人员，由他们接办、答复和处理；办理进展我会及时通知您。";
  static final String OTHERS_CASE_PRIVATE = "为保护反映人的隐私，诉求的进度只能由反映人本人查询。请让本人发送“我反映的事怎么样了”或编号查询；您如果也遇到这个问题，可以直接告诉我，我帮您登记。";
  static final String WHAT_NEXT = "登记后，社区工作人员会接办，派给负责的单位或人员处理；办理中有答复、办结时，我都会第一时间通知您。办结后请您打个分，没解决可以说“没修好”，会重新交办。";

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
      /close 编号 办结说明 — 办结（未答复的，说明作为答复告诉居民），并请居民评价
      /reopen 编号 原因 — 已办结的诉求重新交办（重办）
      /merge 编号 目标编号 — 把重复的诉求并入另一件
      /status 编号 状态 [说明] — 改状态，如 in_progress（办理中）、closed（已办结）、returned（退回，需说明）
      /note 编号 内容 — 内部备注（居民看不到）
      /show 编号 — 查看详情和办理记录""";

  static final String SUPERVISOR_HELP = """
      督办命令：
      /overdue — 超期未办结的诉求
      /stats — 本月响应率、解决率、满意率（/stats 全部 看全部时间）
      /remind — 立即发送今天的催办提醒（每天只发一次）""";

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
  static final String NOT_STEERABLE = "我只能帮您反映问题、查询办理进度、解答五星支部创建和社区服务方面的问题，"
      + "内部设定和别人的工单都不能提供。有需要请直接告诉我。";
  static final String NO_THREATS =
      "请您冷静。反映人的信息一律保密，也不会通过我透露给任何人；威胁、骚扰他人可能触犯法律。如果您对这件事有不同意见，可以直接说明情况，社区会核实处理、帮着调解。";
  static final String REPORTER_CONFIDENTIAL = "抱歉，谁反映的问题是保密的，我不能告诉您，也不会透露反映人的电话和住址。"
      + "如果您对这件事有不同意见，或者您也有问题要反映，可以直接告诉我，我帮您转给社区工作人员。";
  static final String STATUS_BY_STAFF = "抱歉，诉求办没办好，要由社区工作人员核实后更新，我这里不能改。"
      + "如果有情况需要说明，可以直接告诉我，我转给工作人员。";
  static final String STAFF_ACCOUNT_ONLY = "抱歉，居民反映的内容只有社区工作人员用自己的工作账号才能查看，我不能在这里发给您。"
      + "如果您是新来的工作人员，请联系街道或社区管理员开通账号。";
  static final String CALL_ANYWAY = "人身安全要紧：担心里面的人出了意外，直接拨打 110 或 120 不算多事，民警和医生会判断怎么处理；"
      + "社区值班人员也已收到您的反映，会尽快上门查看。";
  static final String OTHERS_CONTACT_PRIVATE = "为保护居民隐私，其他居民的电话、住址等信息不能提供。"
      + "如果您也遇到了同样的问题，直接告诉我情况和地点，我帮您登记，工作人员会一并处理。";
  static final String THANKS = "不客气！还有什么需要，随时告诉我。";
  static final String WILL_NOTIFY = "好的，有进展我会第一时间通知您。还有别的需要，随时告诉我。";
  static final String BYE = "再见，祝您生活愉快！有事随时找我。";
  static final String STAFF_ONLY = "抱歉，这个命令只对社区工作人员开放。您可以直接描述问题，或发送 /help 查看能用的功能。";
  static final String SUPERVISOR_ONLY = "抱歉，这个命令只对街道（乡镇）督办人员开放。发送 /help 查看您能用的命令。";
  static final String NOTHING_TO_CANCEL = "目前没有正在填写的内容。有需要随时告诉我。";
  static final String CANCELLED = "好的，已取消，刚才填写的内容没有提交。有需要随时再找我。";
  /** A keyboard button pressed while a report was being filled: the draft is dropped, never filled with the label. */
  static final String REPORT_DROPPED = "刚才正在登记的问题还没有提交，已经放弃；需要时点“我要反映问题”重新登记。";
  static final String STALE_OFFER_BUTTON = "这个按钮已经失效了。有需要请直接告诉我。";

  static String tooLong(int chars) {
    return "您的消息太长了（约 " + chars + " 字），我一次最多能处理 " + MessageText.MAX_CHARS
        + " 字。请精简一下再发：说清楚发生了什么、在哪里就可以。";
  }

  static String unknownCommand(String command) {
    return "没有“" + MessageText.clip(command, 20) + "”这个命令。发送 /help 查看您可以使用的命令。";
  }

  // ---------------------------------------------------------------- questions

  static final String OFFER_PASS_ON = "\n\n要我把这个问题转给社区工作人员吗？";
  static final String OFFER_PASS_ON_TENTATIVE = "\n\n如果这些没能解决您的问题，要我把它转给社区工作人员吗？";
  static final String OFFER_REGISTER_NEED = "\n\n如果您家里需要这方面的帮助，我也可以把情况登记下来，转给社区工作人员跟进。";
  static final String BUTTON_PASS_ON = "转给工作人员";
  static final String BUTTON_NO_THANKS = "不用了";
  static final String OK_ANYTHING_ELSE = "好的。还有别的需要，随时告诉我。";
  static final String ASK_AWAY = "好的，请问您想了解什么？直接把问题发给我就行，例如“社区有没有助老食堂？”“平安法治星的标准是什么？”";
  static final String STARS_TAIL = "\n\n想细问哪一颗星，直接问我就行，例如“平安法治星的标准是什么？”";
  static final String STALE_VOTE_BUTTON = "这个按钮已经失效了。有问题可以直接问我。";

  /** The sources under an answer: "来源：[1]《…》；[2]《…》". */
  static String sources(List<String> titles) {
    StringBuilder b = new StringBuilder("\n\n来源：");
    for (int i = 0; i < titles.size(); i++) {
      if (i > 0) b.append("；");
      b.append("[").append(i + 1).append("]《").append(titles.get(i)).append("》");
    }
    return b.toString();
  }

  // ---------------------------------------------------------------- status

  static final String NO_CASES_YET = "您还没有反映过问题，暂时没有查到记录。遇到问题直接告诉我发生了什么、在哪里，我来帮您登记。";
  static final String SEND_NUMBER_FOR_DETAIL = "发送编号可以查看详情。";
  static final String PLEASE_RATE = "\n\n这件事已经办结，请您为处理结果打个分：";
  static final String SCAM_WARNING = "要您填写身份证号、银行卡号、验证码或密码的链接和电话，很可能是诈骗，社区和街道不会这样发补贴："
      + "请不要点开、不要填写，也提醒家里老人。已经填了的，请马上打银行客服电话冻结或挂失银行卡，并拨打 110 报警"
      + "（也可以打反诈专线 96110 咨询）。想让社区去楼里提醒大家，可以直接告诉我在哪个小区、几号楼，我帮您登记。";
  static final String TRANSFER_SCAM_WARNING = "公安、法院、银行都不会打电话让您把钱转到“安全账户”，这是典型的电信诈骗，对方知道您的身份证号也一样："
      + "请千万不要转账，挂掉电话，马上拨打 110 核实或报警（也可以打反诈专线 96110）。已经转了的，请立刻打 110 并联系银行止付。";
  static final String HARD_WORK = "您辛苦了！创星的活儿确实多。需要查哪颗星的标准、别的社区的做法，随时问我，能省点翻材料的工夫。";
  static final String HOW_TO_SCORE = "按您的满意程度打就行：5 分很满意，3 分一般，1 分很不满意。觉得哪里没做好，打完分还可以留言说一说。";

  /** Heading of a resident's list of cases; {@code shown} is less than {@code total} when the list is cut. */
  static String myCases(int total, int shown) {
    return "您反映和关注的问题（共 " + total + " 件" + (shown < total ? "，显示最近 " + shown + " 件" : "") + "）：";
  }

  static String noSuchCase(String id) {
    return "找不到编号为 " + id + " 的诉求，请核对编号。";
  }

  static String notYourCase(String id) {
    return "没有找到您反映或关注的编号为 " + id + " 的问题。请核对编号；别人反映的问题，为保护隐私不能向您显示。"
        + "如果您也遇到了这个问题，直接描述给我，我帮您登记或一起关注。";
  }

  // ---------------------------------------------------------------- rating

  static final String BACK_TO_REPORT = "我们接着登记刚才的问题。";
  static final String ANY_COMMENT = "还有什么意见或建议吗？可以直接留言；不需要请回复“跳过”。";
  static final String THANKS_FOR_FEEDBACK = "好的，感谢您的反馈！";
  static final String COMMENT_NOTED = "您的意见已经记下，会转给社区工作人员。感谢您的反馈！";
  static final String BUTTON_SKIP = "跳过";

  static String scoreButton(int score) {
    return score + "分";
  }

  /** Case note (staff see it) when a low score reopens a case. */
  static String lowScore(int score, String words) {
    return "居民评价 " + score + " 分" + (words == null ? "" : "：" + words);
  }

  /** Case note (staff see it) when a resident says the problem is not solved. */
  static String residentSays(String words) {
    return "居民反映：" + words;
  }

  static final String AWAITS_SUPERVISOR = "（待督办人员决定是否重办）";

  static String thanksForScore(int score) {
    return "感谢您的评价（" + score + " 分）！";
  }

  static String remarkOnOpen(String id) {
    return "收到您的意见，很抱歉让您不满意。编号 " + id + " 还在办理中，您的话已记在这件诉求里，工作人员会看到并继续跟进；"
        + "办结后您可以再给评价。";
  }

  static String reopened(String id, String due) {
    return "收到，很抱歉问题还没有解决好。编号 " + id + " 已重新交办（重办），工作人员会重新跟进处理，预计 " + due
        + " 前给您答复。有新情况可以直接告诉我。";
  }

  static String unsolvedToSupervisor(String id) {
    return "收到，很抱歉问题还没有解决好。您的意见已转给街道督办人员，由他们核实后决定重新交办（编号 " + id + "），有结果会通知您。";
  }

  static String toSupervisorUnsolved(String id, String category, String reason) {
    return "【回访不满意】编号 " + id + "｜" + category + "｜" + reason + "\n请核实后决定是否重办（/show " + id + "）。";
  }

  // ---------------------------------------------------------------- small talk

  static final String GOT_IT = "收到😊 有什么需要帮忙的，直接告诉我就好；发送 /help 可以看看我能做什么。";
  static final String GREETING_BACK = GREETING + "\n有什么需要帮忙的，直接告诉我就好。";
  static final String NOT_MY_FIELD = "我是社区助手，闲聊不太在行😊\n" + RESIDENT_HELP;
  static final String ALREADY_REGISTERED = "这件事已经登记好了（编号 %s），有进展我会通知您。还有别的需要，随时告诉我。";
  static final String RATING_DONE = "好的，感谢您的评价！";

  static final String SORRY_NOT_HELPFUL = "抱歉，这个我确实帮不上忙😅 我主要能帮您反映社区里的问题、查办理进度，解答社区服务和五星支部创建方面的问题。";

  static final String BUTTON_HELPFUL = "👍 有用";
  static final String BUTTON_NOT_HELPFUL = "👎 没用";
  static final String THANKS_HELPFUL = "谢谢您的反馈，很高兴能帮上忙！";
  static final String ASK_WHY_NOT_HELPFUL = "抱歉没帮上忙。能说说哪里不对、还缺什么吗？我们会据此改进资料；不想说请回复“跳过”。";
  static final String REASON_NOTED = "已记下您的意见，工作人员会据此完善资料。谢谢！";

  // ---------------------------------------------------------------- case views (CaseViews): fixed labels

  static final String CASE_NUMBER = "编号 ";
  static final String FOLLOWED_CASE = "（您关注的问题）";
  static final String LABEL_WHAT = "事项：";
  static final String LABEL_WHERE = "地点：";
  static final String LABEL_CATEGORY = "类别：";
  static final String LABEL_STATUS = "状态：";
  /** After a street-level place: only the area of someone else's case is shown. */
  static final String AROUND = "一带";
  static final String NO_PLACE = "未注明地点";
  static final String NO_PLACE_SHORT = "未注明";

  static String dueBy(String day) {
    return "（预计 " + day + " 前办结）";
  }

  static String latestReply(String day) {
    return "最新答复（" + day + "）：";
  }

  static String mergedWith(String id) {
    return "，与编号 " + id + " 合并办理";
  }

  static String yourRating(int score) {
    return "\n您的评价：" + score + " 分";
  }

  static String staffListEmpty(String title) {
    return title + "：暂无。";
  }

  static String staffListHead(String title, int count) {
    return title + "（共 " + count + " 件）：";
  }

  static String staffListMore(int count) {
    return "\n……其余 " + count + " 件请用命令行 cases list 查看。";
  }
}
