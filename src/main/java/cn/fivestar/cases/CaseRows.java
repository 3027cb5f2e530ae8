package cn.fivestar.cases;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Reads cases (with their replies, notes and followers) and history rows from SQL, and holds the few SQL pieces
 * that the case store's reads, writes and statistics share, so each is spelt once.
 */
final class CaseRows {
  /** Waiting on staff: the SQL twin of {@link CaseStatus#awaitsStaff}. */
  static final String AWAITING = "('received','assigned','in_progress','returned')";
  /** Not closed or merged: the SQL twin of {@link CaseStatus#isOpen}. */
  static final String OPEN = "('received','assigned','in_progress','answered','returned')";
  static final String COLUMNS = "id, status, kind, channel, user_id, chat_id, display_name, phone, text, location, "
      + "category, star, village, photo_ids, created_at, updated_at, due_at, respond_by, first_response_at, "
      + "closed_at, assignee, merged_into, rating, rating_comment";

  private CaseRows() {}

  static Optional<CaseRecord> byId(Connection c, String id) throws SQLException {
    List<CaseRecord> r = load(c, "id = ?", List.of(id), "id", 0);
    return r.isEmpty() ? Optional.empty() : Optional.of(r.get(0));
  }

  /** The case as it is now, or a NOT_FOUND CaseException (which rolls back the transaction it is read in). */
  static CaseRecord existing(Connection c, String id) throws SQLException {
    return byId(c, id).orElseThrow(() -> CaseException.notFound(id));
  }

  /** Cases matching where (SQL over the cases table, with ? params), ordered, limit 0 = all. */
  static List<CaseRecord> load(Connection c, String where, List<Object> params, String orderBy, int limit)
      throws SQLException {
    String sql = "SELECT " + COLUMNS + " FROM cases WHERE " + where + " ORDER BY " + orderBy
        + (limit > 0 ? " LIMIT " + limit : "");
    Map<String, CaseRecord> rows = new LinkedHashMap<>();
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      bind(ps, params);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          CaseRecord r = row(rs);
          rows.put(r.id(), r);
        }
      }
    }
    if (rows.isEmpty()) return List.of();
    String sub = rows.size() == 1 ? "case_id = ?" : "case_id IN (SELECT id FROM cases WHERE " + where + ")";
    List<Object> subParams = rows.size() == 1 ? List.of(rows.keySet().iterator().next()) : params;

    Map<String, List<CaseMessage>> replies = new HashMap<>();
    Map<String, List<CaseMessage>> notes = new HashMap<>();
    each(c, "SELECT seq, case_id, at, author, visibility, body FROM case_messages WHERE " + sub + " ORDER BY seq",
        subParams, rs -> {
          String caseId = rs.getString(2);
          if (!rows.containsKey(caseId)) return;
          CaseMessage m = new CaseMessage(rs.getLong(1), caseId, Instant.ofEpochMilli(rs.getLong(3)), rs.getString(4),
              rs.getString(6));
          (rs.getString(5).equals("reply") ? replies : notes).computeIfAbsent(caseId, k -> new ArrayList<>()).add(m);
        });
    Map<String, List<Recipient>> followers = new HashMap<>();
    each(c, "SELECT case_id, channel, user_id, chat_id FROM case_followers WHERE " + sub + " ORDER BY since, user_id",
        subParams, rs -> {
          String caseId = rs.getString(1);
          if (!rows.containsKey(caseId)) return;
          followers.computeIfAbsent(caseId, k -> new ArrayList<>())
              .add(new Recipient(rs.getString(2), rs.getString(3), rs.getString(4), false));
        });
    List<CaseRecord> out = new ArrayList<>(rows.size());
    for (CaseRecord r : rows.values()) {
      String id = r.id();
      out.add(withLists(r, replies.getOrDefault(id, List.of()), notes.getOrDefault(id, List.of()),
          followers.getOrDefault(id, List.of())));
    }
    return out;
  }

  static List<CaseHistoryEntry> history(Connection c, String id) throws SQLException {
    List<CaseHistoryEntry> out = new ArrayList<>();
    each(c, "SELECT seq, case_id, at, actor, action, from_status, to_status, note FROM case_history WHERE case_id = ? "
        + "ORDER BY seq", List.of(id), rs -> out.add(new CaseHistoryEntry(rs.getLong(1), rs.getString(2),
            Instant.ofEpochMilli(rs.getLong(3)), rs.getString(4), action(rs.getString(5)), status(rs.getString(6)),
            status(rs.getString(7)), rs.getString(8))));
    return out;
  }

  static void bind(PreparedStatement ps, List<?> params) throws SQLException {
    for (int i = 0; i < params.size(); i++) ps.setObject(i + 1, params.get(i));
  }

  /** One result row, read in place (the ResultSet is only valid during the call). */
  @FunctionalInterface
  interface Row {
    void accept(ResultSet rs) throws SQLException;
  }

  /** Runs a query with its ? params and hands each row to row. */
  static void each(Connection c, String query, List<?> params, Row row) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(query)) {
      bind(ps, params);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) row.accept(rs);
      }
    }
  }

  /** Runs an INSERT/UPDATE with its ? params; returns the rows it changed. */
  static int exec(Connection c, String sqlText, Object... params) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sqlText)) {
      bind(ps, Arrays.asList(params));
      return ps.executeUpdate();
    }
  }

  /** "?, ?, ?" for an IN list of n values. */
  static String placeholders(int n) {
    return String.join(", ", Collections.nCopies(n, "?"));
  }

  /**
   * Adds the conditions for cases received in [from, to] (local dates in {@link CaseRules#ZONE}, inclusive; null =
   * open-ended): listings and statistics must draw the same day boundaries.
   */
  static void receivedIn(LocalDate from, LocalDate to, List<String> where, List<Object> params) {
    if (from != null) {
      where.add("created_at >= ?");
      params.add(startOf(from));
    }
    if (to != null) {
      where.add("created_at < ?");
      params.add(startOf(to.plusDays(1)));
    }
  }

  /** The conditions joined with AND; no condition matches every row. */
  static String all(List<String> where) {
    return where.isEmpty() ? "1 = 1" : String.join(" AND ", where);
  }

  private static long startOf(LocalDate d) {
    return d.atStartOfDay(CaseRules.ZONE).toInstant().toEpochMilli();
  }

  private static CaseRecord row(ResultSet rs) throws SQLException {
    String photos = rs.getString(14);
    Integer rating = rs.getInt(23);
    if (rs.wasNull()) rating = null;
    return new CaseRecord(rs.getString(1), status(rs.getString(2)), kind(rs.getString(3)), rs.getString(4),
        rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10),
        rs.getString(11), rs.getString(12), rs.getInt(13) != 0,
        photos == null || photos.isEmpty() ? List.of() : List.of(photos.split("\n")),
        instant(rs, 15), instant(rs, 16), instant(rs, 17), instant(rs, 18), instant(rs, 19), instant(rs, 20),
        rs.getString(21), rs.getString(22), rating, rs.getString(24), List.of(), List.of(), List.of());
  }

  static CaseRecord withLists(CaseRecord r, List<CaseMessage> replies, List<CaseMessage> notes,
                              List<Recipient> followers) {
    return new CaseRecord(r.id(), r.status(), r.kind(), r.channel(), r.userId(), r.chatId(), r.displayName(),
        r.phone(), r.text(), r.location(), r.category(), r.star(), r.village(), r.photoIds(), r.createdAt(),
        r.updatedAt(), r.dueAt(), r.respondBy(), r.firstResponseAt(), r.closedAt(), r.assignee(), r.mergedInto(),
        r.rating(), r.ratingComment(), List.copyOf(replies), List.copyOf(notes), List.copyOf(followers));
  }

  private static Instant instant(ResultSet rs, int col) throws SQLException {
    long v = rs.getLong(col);
    return rs.wasNull() ? null : Instant.ofEpochMilli(v);
  }

  private static CaseStatus status(String code) {
    return code == null ? null : decode(CaseStatus.values(), CaseStatus::code, code, "status");
  }

  private static CaseHistoryEntry.Action action(String code) {
    return decode(CaseHistoryEntry.Action.values(), CaseHistoryEntry.Action::code, code, "history action");
  }

  private static CaseKind kind(String code) {
    return decode(CaseKind.values(), CaseKind::code, code, "kind");
  }

  /**
   * The constant stored as code. Strict, unlike the parse methods for people's input: an unknown code means a
   * damaged database or one written by a newer version, and guessing would hide that.
   */
  private static <E> E decode(E[] values, Function<E, String> codeOf, String code, String what) {
    for (E e : values) if (codeOf.apply(e).equals(code)) return e;
    throw new IllegalStateException("unknown " + what + " in database: " + code);
  }
}
