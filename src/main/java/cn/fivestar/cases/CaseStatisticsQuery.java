package cn.fivestar.cases;

import static cn.fivestar.cases.CaseRows.AWAITING;
import static cn.fivestar.cases.CaseStatus.CLOSED;
import static cn.fivestar.cases.CaseStatus.MERGED;

import cn.fivestar.cases.CaseHistoryEntry.Action;
import cn.fivestar.infra.Database;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The SQL of {@link CaseStatistics}: two grouped scans (cases, then reopenings from the history) folded in Java.
 * Kept apart from the listings because its queries are shaped by the covering index (V4), not by a filter.
 */
final class CaseStatisticsQuery {
  // portable SQL (CASE, not SUM of a comparison); the two ? are "now" for the response window and overdue
  private static final String SUMS = " COUNT(*),"
      + " SUM(CASE WHEN first_response_at IS NOT NULL OR respond_by < ? THEN 1 ELSE 0 END),"
      + " SUM(CASE WHEN first_response_at IS NOT NULL AND first_response_at <= respond_by THEN 1 ELSE 0 END),"
      + " SUM(CASE WHEN rating IS NOT NULL THEN 1 ELSE 0 END), SUM(CASE WHEN rating >= 4 THEN 1 ELSE 0 END),"
      + " SUM(CASE WHEN status IN " + AWAITING + " AND due_at < ? THEN 1 ELSE 0 END),"
      + " SUM(CASE WHEN status = 'closed' THEN closed_at - created_at ELSE 0 END)";
  private static final String SLICE = "category, star, status, assignee";

  private final Database sql;

  CaseStatisticsQuery(Database db) {
    this.sql = db;
  }

  /**
   * The figures for cases received in [from, to]. The response window end (respond_by) is stored at intake, so no
   * calendar arithmetic runs per row.
   */
  CaseStatistics over(LocalDate from, LocalDate to, Instant now) {
    List<String> conditions = new ArrayList<>();
    List<Object> period = new ArrayList<>();
    CaseRows.receivedIn(from, to, conditions, period);
    String where = CaseRows.all(conditions);
    List<Object> params = new ArrayList<>(List.of(now.toEpochMilli(), now.toEpochMilli()));
    params.addAll(period);
    // one scan of the covering index cases_stats (V4: category, star, status, assignee, then the summed columns)
    String bySlice = "SELECT " + SLICE + "," + SUMS + " FROM cases WHERE " + where + " GROUP BY " + SLICE;
    // reopenings: the history's 'reopened' rows (partial index case_history_reopened), per case, then per slice
    String reopens = "SELECT " + SLICE + ", COUNT(*), SUM(r.n) FROM (SELECT case_id, COUNT(*) AS n"
        + " FROM case_history WHERE action = '" + Action.REOPENED.code() + "' GROUP BY case_id) r"
        + " JOIN cases ON cases.id = r.case_id WHERE " + where + " GROUP BY " + SLICE;
    return sql.read(c -> {
      Totals t = new Totals();
      CaseRows.each(c, bySlice, params, rs -> {
        CaseStatus status = CaseStatus.parse(rs.getString(3));
        CaseStatistics.Group g = group(rs, 5, status);
        t.byStatus.merge(status, g.total(), Long::sum);
        t.add(rs, g);
      });
      CaseRows.each(c, reopens, period, rs -> t.add(rs,
          new CaseStatistics.Group(0, 0, 0, 0, 0, 0, 0, 0, 0, rs.getLong(5), rs.getLong(6))));
      return new CaseStatistics(from, to, now, t.byStatus, t.overall, t.byCategory, t.byStar, t.byHandler);
    });
  }

  /** The sums so far; both scans add their rows through {@link #add}, so a slice lands in the same keys. */
  private static final class Totals {
    final Map<CaseStatus, Long> byStatus = new EnumMap<>(CaseStatus.class);
    final Map<String, CaseStatistics.Group> byCategory = new LinkedHashMap<>();
    final Map<String, CaseStatistics.Group> byStar = new LinkedHashMap<>();
    final Map<String, CaseStatistics.Group> byHandler = new TreeMap<>();
    CaseStatistics.Group overall = CaseStatistics.Group.EMPTY;

    Totals() {
      for (CaseStatus s : CaseStatus.values()) byStatus.put(s, 0L);
    }

    /** Adds g under the slice of the row (columns 1, 2 and 4: category, star, assignee). */
    void add(ResultSet rs, CaseStatistics.Group g) throws SQLException {
      overall = overall.plus(g);
      byCategory.merge(rs.getString(1), g, CaseStatistics.Group::plus);
      String star = rs.getString(2);
      byStar.merge(star == null ? CaseStatistics.NO_STAR : star, g, CaseStatistics.Group::plus);
      String assignee = rs.getString(4);
      byHandler.merge(assignee == null ? CaseStatistics.NO_HANDLER : assignee, g, CaseStatistics.Group::plus);
    }
  }

  /** The counts of one statistics row whose COUNT(*) is column first, followed by the sums. */
  private static CaseStatistics.Group group(ResultSet rs, int first, CaseStatus status) throws SQLException {
    long n = rs.getLong(first);
    return new CaseStatistics.Group(n, status == MERGED ? n : 0, status == CLOSED ? n : 0, rs.getLong(first + 1),
        rs.getLong(first + 2), rs.getLong(first + 3), rs.getLong(first + 4), rs.getLong(first + 5),
        rs.getLong(first + 6), 0, 0);
  }
}
