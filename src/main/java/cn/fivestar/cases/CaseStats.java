package cn.fivestar.cases;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Computes {@link Stats} with one grouped SQL scan (category × star × status) and folds the few groups in Java.
 * The response window end (respond_by) is stored at intake, so no calendar arithmetic runs per row.
 */
final class CaseStats {
  private CaseStats() {}

  static Stats compute(Connection c, LocalDate from, LocalDate to, Instant now, Long fromMillis, Long toMillis)
      throws SQLException {
    List<Object> params = new ArrayList<>();
    long t = now.toEpochMilli();
    params.add(t);
    params.add(t);
    String where = "1 = 1";
    if (fromMillis != null) {
      where += " AND created_at >= ?";
      params.add(fromMillis);
    }
    if (toMillis != null) {
      where += " AND created_at < ?";
      params.add(toMillis);
    }
    String sql = "SELECT category, star, status, COUNT(*),"
        + " SUM(first_response_at IS NOT NULL OR respond_by < ?),"
        + " SUM(first_response_at IS NOT NULL AND first_response_at <= respond_by),"
        + " SUM(rating IS NOT NULL), SUM(rating >= 4),"
        + " SUM(status IN ('received','assigned','in_progress','returned') AND due_at < ?),"
        + " SUM(CASE WHEN status = 'closed' THEN closed_at - created_at ELSE 0 END)"
        + " FROM cases WHERE " + where + " GROUP BY category, star, status";
    Map<CaseStatus, Long> byStatus = new EnumMap<>(CaseStatus.class);
    for (CaseStatus s : CaseStatus.values()) byStatus.put(s, 0L);
    Map<String, Stats.Group> byCategory = new LinkedHashMap<>();
    Map<String, Stats.Group> byStar = new LinkedHashMap<>();
    Stats.Group overall = Stats.Group.EMPTY;
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      CaseRows.bind(ps, params);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          CaseStatus status = CaseStatus.parse(rs.getString(3));
          long n = rs.getLong(4);
          Stats.Group g = new Stats.Group(n, status == CaseStatus.MERGED ? n : 0, status == CaseStatus.CLOSED ? n : 0,
              rs.getLong(5), rs.getLong(6), rs.getLong(7), rs.getLong(8), rs.getLong(9), rs.getLong(10));
          byStatus.merge(status, n, Long::sum);
          overall = overall.plus(g);
          byCategory.merge(rs.getString(1), g, Stats.Group::plus);
          String star = rs.getString(2);
          byStar.merge(star == null ? Stats.NO_STAR : star, g, Stats.Group::plus);
        }
      }
    }
    return new Stats(from, to, now, byStatus, overall, byCategory, byStar);
  }
}
