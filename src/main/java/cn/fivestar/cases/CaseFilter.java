package cn.fivestar.cases;

import java.time.LocalDate;

/**
 * Which cases to list. Null fields do not filter. overdue: waiting on staff past the deadline; dueSoon: waiting on
 * staff, not yet overdue, deadline by the end of the next working day; openOnly: not closed or merged. Dates are
 * local intake dates, inclusive. limit 0 = no limit. Overdue/due-soon lists come soonest deadline first, others
 * newest first.
 */
public record CaseFilter(CaseStatus status, String category, String star, String assignee, boolean overdue,
                         boolean dueSoon, boolean openOnly, LocalDate from, LocalDate to, int limit) {

  public static CaseFilter all() {
    return new CaseFilter(null, null, null, null, false, false, false, null, null, 0);
  }

  public CaseFilter withStatus(CaseStatus s) {
    return new CaseFilter(s, category, star, assignee, overdue, dueSoon, openOnly, from, to, limit);
  }

  public CaseFilter withCategory(String c) {
    return new CaseFilter(status, c, star, assignee, overdue, dueSoon, openOnly, from, to, limit);
  }

  public CaseFilter withStar(String s) {
    return new CaseFilter(status, category, s, assignee, overdue, dueSoon, openOnly, from, to, limit);
  }

  public CaseFilter withAssignee(String a) {
    return new CaseFilter(status, category, star, a, overdue, dueSoon, openOnly, from, to, limit);
  }

  public CaseFilter withOverdue(boolean b) {
    return new CaseFilter(status, category, star, assignee, b, dueSoon, openOnly, from, to, limit);
  }

  public CaseFilter withDueSoon(boolean b) {
    return new CaseFilter(status, category, star, assignee, overdue, b, openOnly, from, to, limit);
  }

  public CaseFilter withOpenOnly(boolean b) {
    return new CaseFilter(status, category, star, assignee, overdue, dueSoon, b, from, to, limit);
  }

  public CaseFilter withDates(LocalDate f, LocalDate t) {
    return new CaseFilter(status, category, star, assignee, overdue, dueSoon, openOnly, f, t, limit);
  }

  public CaseFilter withLimit(int n) {
    return new CaseFilter(status, category, star, assignee, overdue, dueSoon, openOnly, from, to, n);
  }
}
