package cn.fivestar.cases;

import static cn.fivestar.cases.CaseRows.AWAITING;
import static cn.fivestar.cases.CaseRows.OPEN;

import cn.fivestar.cases.CaseHistoryEntry.Action;
import cn.fivestar.infra.Database;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The case store's reads: single cases, listings with the dynamic WHERE clause of a {@link CaseFilter}, the open
 * cases that duplicate detection scans, and history. Only reads, so each runs on {@link Database#read}; the writes
 * are in {@link CaseRepository}, the supervisor figures in {@link CaseStatisticsQuery}.
 */
final class CaseQueries {
  /** Ids per IN list: any number of ids stays under the drivers' parameter limits. */
  private static final int SLICE = 500;

  /** An open case as seen by duplicate detection. */
  record OpenCase(String id, String text, String location) {}

  private final Database sql;

  CaseQueries(Database db) {
    this.sql = db;
  }

  Optional<CaseRecord> find(String id) {
    return sql.read(c -> CaseRows.byId(c, id));
  }

  /** Cases this person reported or follows, newest first. */
  List<CaseRecord> byReporter(String channel, String userId) {
    return sql.read(c -> CaseRows.load(c, "(channel = ? AND user_id = ?) OR id IN (SELECT case_id FROM case_followers "
        + "WHERE channel = ? AND user_id = ?)", List.of(channel, userId, channel, userId), "created_at DESC, id DESC", 0));
  }

  /**
   * Cases matching a checked filter ({@link CaseRules#checked}); overdue and due-soon are judged at now, due soon
   * meaning a deadline by dueSoonLimit.
   */
  List<CaseRecord> list(CaseFilter f, Instant now, Instant dueSoonLimit) {
    List<String> where = new ArrayList<>();
    List<Object> params = new ArrayList<>();
    equal(where, params, "status", f.status() == null ? null : f.status().code());
    equal(where, params, "category", f.category());
    equal(where, params, "star", f.star());
    equal(where, params, "assignee", f.assignee());
    if (f.overdue()) {
      where.add("status IN " + AWAITING + " AND due_at < ?");
      params.add(now.toEpochMilli());
    }
    if (f.dueSoon()) {
      where.add("status IN " + AWAITING + " AND due_at >= ? AND due_at <= ?");
      params.add(now.toEpochMilli());
      params.add(dueSoonLimit.toEpochMilli());
    }
    if (f.openOnly()) where.add("status IN " + OPEN);
    CaseRows.receivedIn(f.from(), f.to(), where, params);
    // deadline views read soonest first; everything else newest first
    String order = f.overdue() || f.dueSoon() ? "due_at, id" : "created_at DESC, id DESC";
    return sql.read(c -> CaseRows.load(c, CaseRows.all(where), params, order, Math.max(0, f.limit())));
  }

  /** column = value, for a filter field that is set. */
  private static void equal(List<String> where, List<Object> params, String column, String value) {
    if (value == null) return;
    where.add(column + " = ?");
    params.add(value);
  }

  /** Hands every open case (id, text, place) to the visitor, without loading its lists. */
  void scanOpen(Consumer<OpenCase> visitor) {
    sql.read(c -> {
      CaseRows.each(c, "SELECT id, text, location FROM cases WHERE status IN " + OPEN, List.of(),
          rs -> visitor.accept(new OpenCase(rs.getString(1), rs.getString(2), rs.getString(3))));
      return null;
    });
  }

  /** The cases with these ids, in the order given (unknown ids are left out). */
  List<CaseRecord> byIds(List<String> ids) {
    if (ids.isEmpty()) return List.of();
    List<CaseRecord> found = sql.read(c -> CaseRows.load(c, "id IN (" + CaseRows.placeholders(ids.size()) + ")",
        new ArrayList<>(ids), "id", 0));
    return found.stream().sorted(Comparator.comparing(r -> ids.indexOf(r.id()))).toList();
  }

  /** The append-only history of a case, oldest first. */
  List<CaseHistoryEntry> history(String id) {
    return sql.read(c -> CaseRows.history(c, id));
  }

  /**
   * How often each case was reopened (history rows with action {@code reopened}), for the cases given; cases
   * never reopened are left out.
   */
  Map<String, Integer> reopenCounts(List<String> ids) {
    Map<String, Integer> out = new HashMap<>();
    for (int i = 0; i < ids.size(); i += SLICE) {
      List<String> part = ids.subList(i, Math.min(ids.size(), i + SLICE));
      sql.read(c -> {
        CaseRows.each(c, "SELECT case_id, COUNT(*) FROM case_history WHERE action = '" + Action.REOPENED.code()
                + "' AND case_id IN (" + CaseRows.placeholders(part.size()) + ") GROUP BY case_id", part,
            rs -> out.put(rs.getString(1), rs.getInt(2)));
        return null;
      });
    }
    return out;
  }
}
