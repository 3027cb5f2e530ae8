package cn.fivestar.cases;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads cases (with their replies, notes and followers) and history rows from SQL. */
final class CaseRows {
  static final String COLUMNS = "id, status, kind, channel, user_id, chat_id, display_name, phone, text, location, "
      + "category, star, village, photo_ids, created_at, updated_at, due_at, respond_by, first_response_at, "
      + "closed_at, assignee, merged_into, rating, rating_comment";

  private CaseRows() {}

  static Optional<CaseRecord> byId(Connection c, String id) throws SQLException {
    List<CaseRecord> r = load(c, "id = ?", List.of(id), "id", 0);
    return r.isEmpty() ? Optional.empty() : Optional.of(r.get(0));
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
    try (PreparedStatement ps = c.prepareStatement(
        "SELECT seq, case_id, at, author, visibility, body FROM case_messages WHERE " + sub + " ORDER BY seq")) {
      bind(ps, subParams);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          String caseId = rs.getString(2);
          if (!rows.containsKey(caseId)) continue;
          CaseMessage m = new CaseMessage(rs.getLong(1), caseId, Instant.ofEpochMilli(rs.getLong(3)), rs.getString(4),
              rs.getString(6));
          (rs.getString(5).equals("reply") ? replies : notes).computeIfAbsent(caseId, k -> new ArrayList<>()).add(m);
        }
      }
    }
    Map<String, List<Recipient>> followers = new HashMap<>();
    try (PreparedStatement ps = c.prepareStatement(
        "SELECT case_id, channel, user_id, chat_id FROM case_followers WHERE " + sub + " ORDER BY since, user_id")) {
      bind(ps, subParams);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          String caseId = rs.getString(1);
          if (!rows.containsKey(caseId)) continue;
          followers.computeIfAbsent(caseId, k -> new ArrayList<>())
              .add(new Recipient(rs.getString(2), rs.getString(3), rs.getString(4), false));
        }
      }
    }
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
    try (PreparedStatement ps = c.prepareStatement("SELECT seq, case_id, at, actor, action, from_status, to_status, note "
        + "FROM case_history WHERE case_id = ? ORDER BY seq")) {
      ps.setString(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(new CaseHistoryEntry(rs.getLong(1), rs.getString(2), Instant.ofEpochMilli(rs.getLong(3)),
              rs.getString(4), CaseHistoryEntry.Action.ofCode(rs.getString(5)), status(rs.getString(6)),
              status(rs.getString(7)), rs.getString(8)));
        }
      }
    }
    return out;
  }

  static void bind(PreparedStatement ps, List<Object> params) throws SQLException {
    for (int i = 0; i < params.size(); i++) ps.setObject(i + 1, params.get(i));
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
    if (code == null) return null;
    for (CaseStatus s : CaseStatus.values()) if (s.code().equals(code)) return s;
    throw new IllegalStateException("unknown status in database: " + code);
  }

  private static CaseKind kind(String code) {
    for (CaseKind k : CaseKind.values()) if (k.code().equals(code)) return k;
    throw new IllegalStateException("unknown kind in database: " + code);
  }
}
