package cn.fivestar.conversation;

import cn.fivestar.cases.CaseHistoryEntry;
import cn.fivestar.cases.CaseRecord;
import java.util.List;

/** Who took a case in chat: the history note /take writes, and the handler's name read back from it. */
public final class TakenBy {
  private TakenBy() {}

  /** The note recorded when someone takes a case: their chat name, else their actor id. */
  static String note(String me, String name) {
    return StaffTexts.TAKEN_BY + (name == null || name.isBlank() ? me : MessageText.clip(name, 40));
  }

  /** The handler as colleagues know them: the name recorded when they took the case in chat, else the assignee. */
  public static String handlerName(CaseRecord r, List<CaseHistoryEntry> history) {
    for (int i = history.size() - 1; i >= 0; i--) {
      CaseHistoryEntry e = history.get(i);
      if (r.assignee().equals(e.actor()) && e.note() != null && e.note().startsWith(StaffTexts.TAKEN_BY)) {
        return e.note().substring(StaffTexts.TAKEN_BY.length());
      }
    }
    return r.assignee();
  }
}
