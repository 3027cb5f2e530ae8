package cn.fivestar.conversation;

import cn.fivestar.cases.CaseKind;
import cn.fivestar.cases.CaseRecord;
import cn.fivestar.conversation.DialogState.Step;

/** What the bot says while taking in a report: questions for each slot, the summary, corrections, filing. */
final class IntakeTexts {
  private IntakeTexts() {}

  // ---------------------------------------------------------------- buttons

  static final String BUTTON_CONFIRM = "确认";
  static final String BUTTON_EDIT = "修改";
  static final String BUTTON_CANCEL = "取消";
  static final String BUTTON_EDIT_WHAT = "事项";
  static final String BUTTON_EDIT_WHERE = "地点";
  static final String BUTTON_EDIT_PHONE = "电话";
  static final String BUTTON_SAME_CASE = "是同一件";
  static final String BUTTON_FOLLOW = "一起关注";
  static final String BUTTON_NEW_CASE = "不是，新建";

  // ---------------------------------------------------------------- asking for what is missing

  static final String ASK_WHAT_FIRST = "好的，请简单描述一下您遇到的问题：发生了什么？";
  static final String ASK_WHAT_AFTER_PHOTO = "收到照片。请简单描述一下发生了什么问题？";
  static final String ASK_WHAT_AGAIN = "请简单描述一下发生了什么问题？";
  static final String ASK_WHAT_EXAMPLE = "请简单描述一下发生了什么，例如“楼道灯坏了，晚上看不见路”。";
  static final String PHOTO_ONLY = "收到您的照片。请再用一句话说明发生了什么问题？";
  static final String PHONE_FIRST = "好的，电话记下了。请问遇到了什么问题？发生了什么、在哪里？";
  static final String ASK_WHERE_AGAIN = "请问具体在哪里？比如小区或村的名称、几号楼几单元、哪条路、哪个村民组。";
  static final String ASK_WHERE_EXAMPLE = "请告诉我具体地点，例如“幸福路12号院3号楼”或“王庄村三组”。";
  static final String PHONE_NOTED_ASK_WHERE = "电话已记下。请再告诉我问题发生的具体地点，例如“幸福路12号院3号楼”。";
  static final String DETAIL_NOTED = "好的，已补充到问题描述里。";
  static final String TAKE_YOUR_TIME = "好的，不着急，查好了发给我就行。";
  static final String WHY_WHERE = "问地点是为了让工作人员能找到现场处理，不然没法派人。麻烦告诉我在哪个小区或村、哪栋楼或哪条路。";
  static final String WHY_PHONE = "留电话只是方便工作人员联系您核实情况，不会用于别的用途；不想留也没关系，回复“跳过”就行。";
  static final String NO_PHONE_ASK_WHERE = "好的，不留电话也可以，有进展我在这里通知您。请问具体在哪里？比如小区或村的名称、几号楼几单元、哪条路。";
  static final String QUEUED = "好的，这件事我也记下了，刚才那件提交或取消后就接着登记它。刚才那件还没提交：确认无误请回复“确认”；需要更正请回复“修改”；不提交请回复“取消”。";
  static final String NEXT_MATTER = "接着登记您说的另一件事。";
  static final String HOLDING = "好的，先不提交，这份登记给您留着。问好了回来接着说，或回复“确认”提交。";
  static final String RESUMED = "好的，接着登记刚才的事。";
  static final String MATTER_REPLACED = "好的，改为登记您刚说的这件事。";
  static final String NOT_NAMED = "请放心：您的姓名、电话和住址只有社区工作人员能看到，不会告诉被反映的人。";
  static final String NO_RETALIATION = "请放心：反映问题是您的正当权利，您的姓名和电话只有经办的工作人员能看到。"
      + "如果之后因为这件事受到不公平对待，随时告诉我，我会记下来交给上级督办。";
  static final String SORRY_FOR_QUESTIONS = "不好意思，耽误您时间了。就差这一步，弄完就能提交：";
  static final String URGENT_WHERE = "请马上告诉我具体地点（小区、几号楼几单元，或村、组，或最后出现的地方），我会补充给值班人员。";

  /** The 我要反映问题 button; {@code restarted} when a filled draft was dropped for it. */
  static String startBlank(boolean restarted) {
    return (restarted ? "好的，我们重新开始登记，刚才没有提交的内容就不用了。\n" : "好的，") + "请简单描述一下您遇到的问题：发生了什么？";
  }

  static String placeNoted(String location) {
    return "好的，地点记下了：" + location + "。请问那里出了什么问题，需要我们帮什么忙？";
  }

  /** After the description, asking where (the description quoted back, clipped). */
  static String askWhere(String text) {
    return "好的，已记下：“" + MessageText.clip(text, 40) + "”。\n请问具体在哪里？比如小区或村的名称、几号楼几单元、哪条路、哪个村民组。";
  }

  static String photosReceived(int count) {
    return "已收到照片（共 " + count + " 张），会一并提交。";
  }

  /** One line saying where the waiting report stands, after a message that was about something else. */
  static String waiting(Step step, String draftText) {
    String what = draftText == null ? "" : "“" + MessageText.clip(draftText, 20) + "”";
    String need = switch (step) {
      case ASK_WHAT, EDIT_WHAT -> "告诉我发生了什么，就能继续登记";
      case ASK_WHERE, EDIT_WHERE -> "告诉我具体地点，就能继续登记";
      case EDIT_PHONE -> "发个联系电话（或回复“跳过”），就能继续登记";
      case DUPLICATE -> "回复“一起关注”或“新建”，就能继续";
      default -> "回复“确认”提交，或“修改”更正";
    };
    return "（您刚才反映的" + what + "还没有提交：" + need + "；不报了请回复“取消”。）";
  }

  static String howLong(CaseKind kind) {
    return "这类诉求（" + kind.label() + "）一般 " + kind.workingDays() + " 个工作日内办结，登记后工作人员会尽快处理，"
        + "有进展我会通知您。";
  }

  /** Who deals with a kind of problem, said when a resident asks "这归谁管？" while reporting it. */
  static String whoHandles(String category) {
    String who = switch (category == null ? "" : category) {
      case "设施维修" -> "电梯、水电、路灯、道路这类设施坏了，一般由物业或产权单位负责维修，社区负责督促落实";
      case "物业停车" -> "物业服务和停车的问题由物业服务企业负责，社区和业委会监督";
      case "环境卫生" -> "垃圾清运和卫生保洁由物业或环卫部门负责，社区督促落实";
      case "治安消防" -> "安全隐患由社区会同物业、派出所和消防部门处理";
      case "矛盾纠纷" -> "邻里矛盾由社区调解室（网格员、调解员）出面调解，必要时请民警、律师一起参与";
      case "养老助残" -> "老人、残疾人和困难家庭的帮扶由社区负责对接相关服务";
      case "就业帮扶" -> "就业和技能培训由社区就业服务站对接";
      case "党务作风" -> "干部作风和支部工作的意见由社区党组织和街道负责核查";
      default -> "这件事由社区受理后转交相关责任单位办理";
    };
    return who + "。我先帮您登记，社区会派单给负责的单位办理并跟进结果。";
  }

  // ---------------------------------------------------------------- corrections

  static final String WHICH_FIELD = "请问要修改哪一项？";
  static final String CHOOSE_FIELD = "请选择要修改的项目：事项、地点或电话。";
  static final String REDESCRIBE = "好的，请重新描述发生了什么。";
  static final String REDESCRIBE_AGAIN = "请重新描述发生了什么。";
  static final String REDESCRIBE_ONE_LINE = "请用一句话重新描述发生了什么。";
  static final String NEW_PLACE = "好的，请告诉我正确的地点。";
  static final String NEW_PLACE_AGAIN = "请告诉我正确的地点。";
  static final String NEW_PLACE_EXAMPLE = "请告诉我具体地点，例如“幸福路12号院3号楼”。";
  static final String NEW_PHONE = "好的，请发送联系电话；不想留电话请回复“跳过”。";
  static final String NEW_PHONE_AGAIN = "请发送联系电话；不想留电话请回复“跳过”。";
  static final String BAD_PHONE = "这个号码好像不对。请发 11 位手机号或带区号的固定电话；不想留电话请回复“跳过”。";
  /** Appended to the description when a correction names nothing it could replace. */
  static String corrected(String text, String value) {
    return text + "（更正：" + value + "）";
  }

  // ---------------------------------------------------------------- duplicates

  static String sameAsOwn(String line) {
    return "您之前已经反映过类似的问题：" + line + "\n是同一件事吗？是的话继续关注那件就好，不用重复登记。";
  }

  static String reportedByOthers(String publicLine) {
    return "这个问题已有人反映过：" + publicLine + "\n要一起关注吗？关注后有进展会同时通知您，不用重复登记。";
  }

  static String sameCase(String id) {
    return "编号 " + id + " 和您说的是同一件事吗？回复“是”一起关注，回复“不是”新建一条。";
  }

  static String following(CaseRecord r) {
    return "好的，已为您关注编号 " + r.id() + "（" + r.category() + "，目前" + r.status().label() + "），有进展会通知您，不用重复登记。\n"
        + "随时发送这个编号可以查看进度。";
  }

  // ---------------------------------------------------------------- summary and filing

  static final String SUMMARY_TITLE = "请核对您要反映的内容：\n";
  static final String SUMMARY_NO_PLACE = "（咨询类，不需要地点）";
  static final String SUMMARY_KIND = "类型：";
  static final String SUMMARY_PHONE = "联系电话：";
  static final String SUMMARY_NO_PHONE = "未留（如需工作人员联系您，可直接发送手机号）";
  static final String SUMMARY_ASK = "\n确认无误请回复“确认”；需要更正请回复“修改”；不提交请回复“取消”。";
  static final String CONFIRM_AGAIN = "请回复“确认”提交，回复“修改”更正，或回复“取消”放弃。";

  static String summaryPhotos(int count) {
    return "\n照片：" + count + " 张";
  }

  /** The answer to "这事评星算哪一颗": the report's category and the star it counts towards. */
  static String starOf(String category, String star) {
    return star == null
        ? "您反映的这件事归在“" + category + "”类，不直接对应哪一颗星，社区同样会登记跟进。"
        : "您反映的这件事归在“" + category + "”类，关系到“" + star + "”：把这类问题办好，也是社区争创这颗星的一部分。";
  }

  /** "（关系到“…”）" after the category, when the category counts towards a star. */
  static String starNote(String star) {
    return star == null ? "" : "（关系到“" + star + "”）";
  }

  static String deadline(CaseKind kind, String due) {
    return kind.label() + "，一般 " + kind.workingDays() + " 个工作日内办结，预计 " + due + " 前";
  }

  static String urgentRegistered(String id) {
    return "已按紧急情况为您登记，编号 " + id + "，已同时通知社区值班人员尽快处置。\n请先按上面的提示保证安全；"
        + "方便的话发个联系电话，工作人员好联系您。";
  }

  static String registered(String id, String category, String due) {
    return "已为您登记，编号 " + id + "。\n类别：" + category + "，预计 " + due + " 前办结。\n"
        + "有进展我会第一时间通知您；也可以随时发送“我反映的事怎么样了”或编号查询进度。";
  }

  /** Note on the case when a resident adds a place or phone right after registering. */
  static final String RESIDENT_ADDED = "居民补充：";
  static final String RESIDENT_WITHDRAWS = "居民申请撤回：";
  static final String WITHDRAW_NOTED = "好的，已把您撤回的意思转告工作人员（编号 %s），他们核实后会办结这件事。以后遇到问题，随时可以再反映。";
  static final String PHONE_ADDED = "电话已补充到编号 %s，工作人员需要时会联系您。";
  static final String DETAIL_ADDED = "已补充到编号 %s，工作人员会一并看到。";
  static final String STALE_BUTTON = "这个按钮已经失效了。有新的问题请直接告诉我。";

  // ---------------------------------------------------------------- urgent dangers: what to do now

  static final String URGENT_LIFT = "【紧急】有人被困电梯：请让被困的人按电梯里的警铃或拨打轿厢内的救援电话，保持冷静，不要扒门、不要强行爬出；"
      + "同时拨打电梯应急救援电话 96333，情况危急请直接拨打 119。";
  static final String URGENT_GAS = "【紧急】疑似燃气泄漏：请立即关闭燃气阀门，打开门窗通风，不要开关任何电器、不要点火、不要在屋里打电话；"
      + "离开到室外安全的地方后，拨打燃气公司抢修电话或 119。";
  static final String URGENT_FIRE = "【紧急】发生火情：请立即拨打 119，尽快撤离到安全地带，用湿毛巾捂住口鼻、弯腰走楼梯，不要乘电梯，不要返回取东西。";
  static final String URGENT_VIOLENCE = "【紧急】有人打架受伤：请先确保自己安全，立即拨打 110 报警；有人受伤请拨打 120。";
  static final String URGENT_ALONE = "【紧急】独居老人多天没露面：请立即拨打 110，请民警上门查看（必要时开门），有人受伤请拨打 120；也可以先联系他的家人。";
  static final String URGENT_MISSING = "【紧急】有人走失：请立即拨打 110 报警，说明走失的人的样貌、衣着和最后出现的地点；也可以发动邻居、网格员一起找。";
  static final String URGENT_ELECTRIC = "【紧急】电线打火、漏电很危险：请远离电线和附近积水，千万不要用手碰；有人触电先断电，不能直接拉人；"
      + "拨打 119，供电抢修电话 95598。";
  static final String URGENT_TRAPPED = "【紧急】有人被困：请立即拨打 119（消防救援），夏天车内高温危险，必要时可破窗施救；同时拨打 110。";
  static final String URGENT_MEDICAL = "【紧急】有人身体出现危险：请立即拨打 120 急救电话，说清地址，不要随意搬动病人。";
}
