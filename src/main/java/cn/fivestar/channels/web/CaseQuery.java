package cn.fivestar.channels.web;

import cn.fivestar.cases.CaseFilter;
import cn.fivestar.cases.CaseStatus;

/** The case filter that the list, the supervisor page and the CSV export read from the same query fields. */
final class CaseQuery {
  private CaseQuery() {}

  /** Dates, status, category and star: what every filter form has. */
  static CaseFilter common(Query q, Query.Dates dates) {
    CaseFilter f = CaseFilter.all().withDates(dates.from(), dates.to());
    if (q.get("status") != null) f = f.withStatus(CaseStatus.parse(q.get("status")));
    if (q.get("category") != null) f = f.withCategory(q.get("category"));
    if (q.get("star") != null) f = f.withStar(q.get("star"));
    return f;
  }

  /** The supervisor's form (/sup and /export.csv): the common fields, the handler, and overdue=1. */
  static CaseFilter supervised(Query q, Query.Dates dates) {
    CaseFilter f = common(q, dates);
    if (q.get("handler") != null) f = f.withAssignee(q.get("handler"));
    if ("1".equals(q.get("overdue"))) f = f.withOverdue(true);
    return f;
  }
}
