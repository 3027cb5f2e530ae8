package cn.fivestar.cases;

/**
 * Several changes to one case applied in one transaction, in this order: category, assignee, reply, status, note.
 * Without an explicit status, assigning a received/returned case moves it to assigned and a reply moves a
 * received/assigned/in_progress case to answered; with an explicit status, only that status change happens
 * (so "--status in_progress --reply ..." is a progress reply), except that a reply with status closed answers and
 * then closes (the reply is the answer). With a status, note is the reason recorded with the
 * change (required for returned); without, note is an internal note. Any null field is left alone.
 */
public record CaseUpdate(CaseStatus status, String note, String reply, String assignee, String category, String by) {

  public static CaseUpdate by(String by) {
    return new CaseUpdate(null, null, null, null, null, by);
  }

  public CaseUpdate withStatus(CaseStatus s) {
    return new CaseUpdate(s, note, reply, assignee, category, by);
  }

  public CaseUpdate withNote(String n) {
    return new CaseUpdate(status, n, reply, assignee, category, by);
  }

  public CaseUpdate withReply(String r) {
    return new CaseUpdate(status, note, r, assignee, category, by);
  }

  public CaseUpdate withAssignee(String a) {
    return new CaseUpdate(status, note, reply, a, category, by);
  }

  public CaseUpdate withCategory(String c) {
    return new CaseUpdate(status, note, reply, assignee, c, by);
  }
}
