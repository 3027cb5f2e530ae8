package cn.fivestar.conversation;

import java.util.List;
import java.util.Map;

/**
 * The persistent reply keyboard under the input box: each role's main actions as buttons whose labels arrive as
 * plain text. Residents get the four everyday actions; staff and supervisors get their case commands first.
 */
final class Keyboards {
  private Keyboards() {}

  static final String REPORT = "我要反映问题";
  static final String ASK = "我要咨询";
  static final String STATUS = "查询进度";
  static final String STARS = "五星知识";

  static final String NEW = "新案件";
  static final String MINE = "我的案件";
  static final String OVERDUE = "超期案件";
  static final String STATS = "本月统计";

  /** The question 五星知识 asks the answerer, so the overview stays grounded in the knowledge base and cited. */
  static final String STARS_QUESTION = "五星支部创建的五颗星和标准";

  private static final List<List<String>> RESIDENT = List.of(List.of(REPORT, ASK), List.of(STATUS, STARS));
  private static final List<List<String>> STAFF = List.of(List.of(NEW, MINE), List.of(ASK, STARS));
  private static final List<List<String>> SUPERVISOR = List.of(List.of(NEW, MINE, OVERDUE), List.of(STATS, ASK, STARS));

  /** Staff labels and the slash command each stands for (only for the roles whose keyboard shows it). */
  private static final Map<String, String> STAFF_COMMANDS = Map.of(NEW, "/new", MINE, "/mine");
  private static final Map<String, String> SUPERVISOR_COMMANDS = Map.of(OVERDUE, "/overdue", STATS, "/stats");

  static List<List<String>> forRole(Role role) {
    return switch (role) {
      case RESIDENT -> RESIDENT;
      case STAFF -> STAFF;
      case SUPERVISOR -> SUPERVISOR;
    };
  }

  /** The resident action label the text is (REPORT, ASK, STATUS, STARS), or null. Brackets and spaces are ignored. */
  static String action(String text) {
    String a = MessageText.answer(text);
    for (String label : List.of(REPORT, ASK, STATUS, STARS)) if (a.equals(label)) return label;
    return null;
  }

  /** The slash command a staff label stands for when this role's keyboard shows it, or null. */
  static String command(String text, Role role) {
    if (!role.isStaff()) return null;
    String a = MessageText.answer(text);
    String c = STAFF_COMMANDS.get(a);
    if (c == null && role == Role.SUPERVISOR) c = SUPERVISOR_COMMANDS.get(a);
    return c;
  }
}
