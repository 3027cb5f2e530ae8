package cn.fivestar.cases;

import static cn.fivestar.cases.CaseStatus.CLOSED;
import static cn.fivestar.cases.CaseStatus.IN_PROGRESS;
import static cn.fivestar.cases.CaseStatus.MERGED;
import static cn.fivestar.cases.CaseStatus.RECEIVED;

import cn.fivestar.cases.CaseHistoryEntry.Action;
import cn.fivestar.infra.Database;
import cn.fivestar.infra.Dialect;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The case store's SQL: rows ↔ records (with {@link CaseRows}), the dynamic WHERE clauses of listings, and every
 * write as one transaction that also appends its history row(s). Decides nothing: the checks and the steps of a
 * change come from {@link CaseRules}, passed in as functions that run inside the transaction on the current rows.
 */
final class CaseRepository {
  private static final String AWAITING = "('received','assigned','in_progress','returned')";
  private static final String OPEN = "('received','assigned','in_progress','answered','returned')";
  private static final String INSERT_HISTORY = "INSERT INTO case_history (case_id, at, actor, action, from_status, "
      + "to_status, note) VALUES (?, ?, ?, ?, ?, ?, ?)";

  /** Gives a draft its tracking number (from the day's sequence) and times. */
  @FunctionalInterface
  interface Stamper {
    CaseRecord stamp(CaseRecord draft, int daySequence);
  }

  /** An open case as seen by duplicate detection. */
  record OpenCase(String id, String text, String location) {}

  private final Database sql;

  CaseRepository(Database db) {
    this.sql = db;
  }

  // ---------------------------------------------------------------- creation

  /** Stores the drafts in one transaction (all or none), each with the next number of the day. */
  List<CaseRecord> insert(List<CaseRecord> drafts, String day, Instant now, Stamper stamper) {
    return sql.write(c -> {
      List<CaseRecord> out = new ArrayList<>(drafts.size());
      try (PreparedStatement seq = c.prepareStatement("INSERT INTO case_day_seq (day, last) VALUES (?, 1) "
               + "ON CONFLICT(day) DO UPDATE SET last = case_day_seq.last + 1 RETURNING last");
           PreparedStatement ins = c.prepareStatement("INSERT INTO cases (id, status, kind, channel, user_id, chat_id, "
               + "display_name, phone, text, location, category, star, village, photo_ids, created_at, updated_at, "
               + "due_at, respond_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
           PreparedStatement hist = c.prepareStatement(INSERT_HISTORY)) {
        for (CaseRecord d : drafts) {
          seq.setString(1, day);
          int n;
          try (ResultSet rs = seq.executeQuery()) {
            rs.next();
            n = rs.getInt(1);
          }
          CaseRecord r = stamper.stamp(d, n);
          CaseRows.bind(ins, Arrays.asList(r.id(), RECEIVED.code(), r.kind().code(), r.channel(), r.userId(),
              r.chatId(), r.displayName(), r.phone(), r.text(), r.location(), r.category(), r.star(),
              r.village() ? 1 : 0, String.join("\n", r.photoIds()), now.toEpochMilli(), now.toEpochMilli(),
              r.dueAt().toEpochMilli(), r.respondBy().toEpochMilli()));
          ins.executeUpdate();
          history(hist, r.id(), now, r.channel() + ":" + r.userId(), Action.CREATED, null, RECEIVED,
              "渠道：" + r.channel() + "；类型：" + r.kind().label() + "；分类：" + r.category());
          out.add(r);
        }
      }
      return out;
    });
  }

  // ---------------------------------------------------------------- reading

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
    if (f.status() != null) {
      where.add("status = ?");
      params.add(f.status().code());
    }
    if (f.category() != null) {
      where.add("category = ?");
      params.add(f.category());
    }
    if (f.star() != null) {
      where.add("star = ?");
      params.add(f.star());
    }
    if (f.assignee() != null) {
      where.add("assignee = ?");
      params.add(f.assignee());
    }
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
    if (f.from() != null) {
      where.add("created_at >= ?");
      params.add(startOf(f.from()));
    }
    if (f.to() != null) {
      where.add("created_at < ?");
      params.add(startOf(f.to().plusDays(1)));
    }
    String clause = where.isEmpty() ? "1 = 1" : String.join(" AND ", where);
    String order = f.overdue() || f.dueSoon() ? "due_at, id" : "created_at DESC, id DESC";
    return sql.read(c -> CaseRows.load(c, clause, params, order, Math.max(0, f.limit())));
  }

  /** Hands every open case (id, text, place) to the visitor, without loading its lists. */
  void scanOpen(Consumer<OpenCase> visitor) {
    sql.read(c -> {
      try (PreparedStatement ps = c.prepareStatement(
              "SELECT id, text, location FROM cases WHERE status IN " + OPEN);
           ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          visitor.accept(new OpenCase(rs.getString(1), rs.getString(2), rs.getString(3)));
        }
      }
      return null;
    });
  }

  /** The cases with these ids, in the order given (unknown ids are left out). */
  List<CaseRecord> byIds(List<String> ids) {
    if (ids.isEmpty()) return List.of();
    String in = ids.stream().map(x -> "?").collect(Collectors.joining(", "));
    List<CaseRecord> found = sql.read(c -> CaseRows.load(c, "id IN (" + in + ")", new ArrayList<>(ids), "id", 0));
    return found.stream().sorted(Comparator.comparing(r -> ids.indexOf(r.id()))).toList();
  }

  /** The append-only history of a case, oldest first. */
  List<CaseHistoryEntry> history(String id) {
    return sql.read(c -> CaseRows.history(c, id));
  }

  /**
   * The figures of {@link CaseStatistics} for cases received in [from, to], with one grouped scan (category × star ×
   * status) folded in Java. The response window end (respond_by) is stored at intake, so no calendar arithmetic
   * runs per row.
   */
  CaseStatistics statistics(LocalDate from, LocalDate to, Instant now) {
    List<Object> period = new ArrayList<>();
    String where = "1 = 1";
    if (from != null) {
      where += " AND created_at >= ?";
      period.add(startOf(from));
    }
    if (to != null) {
      where += " AND created_at < ?";
      period.add(startOf(to.plusDays(1)));
    }
    List<Object> params = new ArrayList<>(List.of(now.toEpochMilli(), now.toEpochMilli()));
    params.addAll(period);
    // portable SQL (CASE, not SUM of a comparison)
    String sums = " COUNT(*),"
        + " SUM(CASE WHEN first_response_at IS NOT NULL OR respond_by < ? THEN 1 ELSE 0 END),"
        + " SUM(CASE WHEN first_response_at IS NOT NULL AND first_response_at <= respond_by THEN 1 ELSE 0 END),"
        + " SUM(CASE WHEN rating IS NOT NULL THEN 1 ELSE 0 END), SUM(CASE WHEN rating >= 4 THEN 1 ELSE 0 END),"
        + " SUM(CASE WHEN status IN " + AWAITING + " AND due_at < ? THEN 1 ELSE 0 END),"
        + " SUM(CASE WHEN status = 'closed' THEN closed_at - created_at ELSE 0 END)";
    // one scan of the covering index cases_stats (V4: category, star, status, assignee, then the summed columns)
    String bySlice = "SELECT category, star, status, assignee," + sums + " FROM cases WHERE " + where
        + " GROUP BY category, star, status, assignee";
    // reopenings: the history's 'reopened' rows (partial index case_history_reopened), per case, then per slice
    String reopens = "SELECT category, star, status, assignee, COUNT(*), SUM(r.n) FROM (SELECT case_id, COUNT(*) AS n"
        + " FROM case_history WHERE action = '" + Action.REOPENED.code() + "' GROUP BY case_id) r"
        + " JOIN cases ON cases.id = r.case_id WHERE " + where + " GROUP BY category, star, status, assignee";
    return sql.read(c -> {
      Map<CaseStatus, Long> byStatus = new EnumMap<>(CaseStatus.class);
      for (CaseStatus s : CaseStatus.values()) byStatus.put(s, 0L);
      Map<String, CaseStatistics.Group> byCategory = new LinkedHashMap<>();
      Map<String, CaseStatistics.Group> byStar = new LinkedHashMap<>();
      Map<String, CaseStatistics.Group> byHandler = new java.util.TreeMap<>();
      CaseStatistics.Group[] overall = {CaseStatistics.Group.EMPTY};
      rows(c, bySlice, params, rs -> {
        CaseStatus status = CaseStatus.parse(rs.getString(3));
        CaseStatistics.Group g = group(rs, 5, status);
        byStatus.merge(status, g.total(), Long::sum);
        overall[0] = overall[0].plus(g);
        byCategory.merge(rs.getString(1), g, CaseStatistics.Group::plus);
        byStar.merge(star(rs.getString(2)), g, CaseStatistics.Group::plus);
        byHandler.merge(handler(rs.getString(4)), g, CaseStatistics.Group::plus);
      });
      rows(c, reopens, period, rs -> {
        CaseStatistics.Group g = new CaseStatistics.Group(0, 0, 0, 0, 0, 0, 0, 0, 0, rs.getLong(5), rs.getLong(6));
        overall[0] = overall[0].plus(g);
        byCategory.merge(rs.getString(1), g, CaseStatistics.Group::plus);
        byStar.merge(star(rs.getString(2)), g, CaseStatistics.Group::plus);
        byHandler.merge(handler(rs.getString(4)), g, CaseStatistics.Group::plus);
      });
      return new CaseStatistics(from, to, now, byStatus, overall[0], byCategory, byStar, byHandler);
    });
  }

  /** The counts of one statistics row whose COUNT(*) is column first, followed by the sums. */
  private static CaseStatistics.Group group(ResultSet rs, int first, CaseStatus status) throws SQLException {
    long n = rs.getLong(first);
    return new CaseStatistics.Group(n, status == MERGED ? n : 0, status == CLOSED ? n : 0, rs.getLong(first + 1),
        rs.getLong(first + 2), rs.getLong(first + 3), rs.getLong(first + 4), rs.getLong(first + 5),
        rs.getLong(first + 6), 0, 0);
  }

  private static String star(String star) {
    return star == null ? CaseStatistics.NO_STAR : star;
  }

  private static String handler(String assignee) {
    return assignee == null ? CaseStatistics.NO_HANDLER : assignee;
  }

  @FunctionalInterface
  private interface Row {
    void accept(ResultSet rs) throws SQLException;
  }

  private static void rows(Connection c, String query, List<Object> params, Row row) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(query)) {
      CaseRows.bind(ps, params);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) row.accept(rs);
      }
    }
  }

  /**
   * How often each case was reopened (history rows with action {@code reopened}), for the cases given; cases
   * never reopened are left out. Asked in slices so any number of ids fits the driver's parameter limit.
   */
  Map<String, Integer> reopenCounts(List<String> ids) {
    Map<String, Integer> out = new java.util.HashMap<>();
    for (int i = 0; i < ids.size(); i += 500) {
      List<String> part = ids.subList(i, Math.min(ids.size(), i + 500));
      String in = part.stream().map(x -> "?").collect(Collectors.joining(", "));
      List<Object> params = new ArrayList<>(part);
      sql.read(c -> {
        try (PreparedStatement ps = c.prepareStatement("SELECT case_id, COUNT(*) FROM case_history WHERE action = '"
            + Action.REOPENED.code() + "' AND case_id IN (" + in + ") GROUP BY case_id")) {
          CaseRows.bind(ps, params);
          try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) out.put(rs.getString(1), rs.getInt(2));
          }
        }
        return null;
      });
    }
    return out;
  }

  // ---------------------------------------------------------------- changes

  /** The case after a change, and the steps that were stored. */
  record Changed(CaseRecord after, List<CaseChange> changes) {}

  /**
   * Plans the change on the current row inside the transaction (a refusal rolls everything back) and stores each
   * step with its history row.
   */
  Changed change(String id, String by, Instant now, Function<CaseRecord, List<CaseChange>> planner) {
    long t = now.toEpochMilli();
    return sql.write(c -> {
      CaseRecord cur = CaseRows.byId(c, id).orElseThrow(() -> CaseException.notFound(id));
      List<CaseChange> changes = planner.apply(cur);
      for (CaseChange ch : changes) {
        if (ch instanceof CaseChange.Recategorized r) {
          exec(c, "UPDATE cases SET category = ?, star = ?, updated_at = ? WHERE id = ?", r.to(), r.star(), t, id);
          history(c, id, now, by, Action.RECATEGORIZED, r.status(), r.status(), r.from() + " → " + r.to());
        } else if (ch instanceof CaseChange.Assigned a) {
          exec(c, "UPDATE cases SET assignee = ?, updated_at = ? WHERE id = ?", a.assignee(), t, id);
          history(c, id, now, by, Action.ASSIGNED, a.status(), a.status(),
              a.previous() == null ? "承办人：" + a.assignee() : "改派：" + a.previous() + " → " + a.assignee());
        } else if (ch instanceof CaseChange.Moved m) {
          exec(c, "UPDATE cases SET status = ?, assignee = ?, updated_at = ?, "
              + "first_response_at = COALESCE(first_response_at, ?), closed_at = COALESCE(?, closed_at) WHERE id = ?",
              m.to().code(), m.assignee(), t, m.firstResponse() ? t : null, m.closes() ? t : null, id);
          history(c, id, now, by, Action.STATUS, m.from(), m.to(), m.note());
        } else if (ch instanceof CaseChange.Replied r) {
          message(c, id, t, by, "reply", r.text());
          history(c, id, now, by, Action.REPLIED, r.status(), r.status(), r.text());
        } else if (ch instanceof CaseChange.Noted n) {
          message(c, id, t, by, "note", n.text());
          history(c, id, now, by, Action.NOTE, n.status(), n.status(), n.text());
        }
      }
      return new Changed(CaseRows.byId(c, id).orElseThrow(), List.copyOf(changes));
    });
  }

  private static void message(Connection c, String id, long t, String by, String visibility, String body)
      throws SQLException {
    exec(c, "INSERT INTO case_messages (case_id, at, author, visibility, body) VALUES (?, ?, ?, ?, ?)", id, t, by,
        visibility, body);
    exec(c, "UPDATE cases SET updated_at = ? WHERE id = ?", t, id);
  }

  /**
   * Merges src into dst after check(src, dst) passed: src becomes merged, its reporter and followers follow dst.
   * Returns src after the merge.
   */
  CaseRecord merge(String src, String dst, String actor, Instant now, BiConsumer<CaseRecord, CaseRecord> check) {
    long t = now.toEpochMilli();
    return sql.write(c -> {
      CaseRecord s = CaseRows.byId(c, src).orElseThrow(() -> CaseException.notFound(src));
      CaseRecord d = CaseRows.byId(c, dst).orElseThrow(() -> CaseException.notFound(dst));
      check.accept(s, d);
      exec(c, "UPDATE cases SET status = 'merged', merged_into = ?, updated_at = ?, "
          + "first_response_at = COALESCE(first_response_at, ?) WHERE id = ?", dst, t, t, src);
      history(c, src, now, actor, Action.STATUS, s.status(), MERGED, "合并到 " + dst);
      List<Recipient> movers = new ArrayList<>();
      movers.add(new Recipient(s.channel(), s.userId(), s.chatId(), true));
      movers.addAll(s.followers());
      int added = 0;
      for (Recipient r : movers) {
        if (r.channel().equals(d.channel()) && r.userId().equals(d.userId())) continue;
        added += exec(c, "INSERT INTO case_followers (case_id, channel, user_id, chat_id, since) VALUES (?, ?, ?, ?, ?) "
            + "ON CONFLICT(case_id, channel, user_id) DO NOTHING", dst, r.channel(), r.userId(), r.chatId(), t);
      }
      exec(c, "UPDATE cases SET updated_at = ? WHERE id = ?", t, dst);
      history(c, dst, now, actor, Action.MERGED_IN, d.status(), d.status(), "并入 " + src + "（新增关注人 " + added + " 位）");
      return CaseRows.byId(c, src).orElseThrow();
    });
  }

  /**
   * Adds a follower to the case (through the case a merged one was merged into), unless they already hear about
   * it. Returns the followed case.
   */
  CaseRecord follow(String id, String channel, String userId, String chatId, Instant now) {
    return sql.write(c -> {
      CaseRecord r = CaseRows.byId(c, id).orElseThrow(() -> CaseException.notFound(id));
      while (r.status() == MERGED) {
        String next = r.mergedInto();
        r = CaseRows.byId(c, next).orElseThrow(() -> CaseException.notFound(next));
      }
      if (CaseRules.alreadyInformed(r, channel, userId, chatId)) return r;
      exec(c, "INSERT INTO case_followers (case_id, channel, user_id, chat_id, since) VALUES (?, ?, ?, ?, ?) "
          + "ON CONFLICT(case_id, channel, user_id) DO UPDATE SET chat_id = excluded.chat_id", r.id(), channel, userId,
          chatId, now.toEpochMilli());
      exec(c, "UPDATE cases SET updated_at = ? WHERE id = ?", now.toEpochMilli(), r.id());
      history(c, r.id(), now, channel + ":" + userId, Action.FOLLOWED, r.status(), r.status(), "关注渠道：" + channel);
      return CaseRows.byId(c, r.id()).orElseThrow();
    });
  }

  /** Sets the place of a case that has none (the check decides whether it may be set); returns the case. */
  CaseRecord addLocation(String id, String location, String actor, Instant now) {
    return sql.write(c -> {
      CaseRecord r = CaseRows.byId(c, id).orElseThrow(() -> CaseException.notFound(id));
      if (r.location() != null) return r;
      exec(c, "UPDATE cases SET location = ?, updated_at = ? WHERE id = ?", location, now.toEpochMilli(), id);
      history(c, id, now, actor, Action.NOTE, r.status(), r.status(), "补充地点：" + location);
      return CaseRows.byId(c, id).orElseThrow();
    });
  }

  /**
   * Reopens a closed case after check(case) passed: in progress again, with the deadline {@code due(case)} and the
   * reason in the history. Returns the case as it is now.
   */
  CaseRecord reopen(String id, String actor, String reason, Instant now, Consumer<CaseRecord> check,
                    java.util.function.Function<CaseRecord, Instant> due) {
    return sql.write(c -> {
      CaseRecord r = CaseRows.byId(c, id).orElseThrow(() -> CaseException.notFound(id));
      check.accept(r);
      exec(c, "UPDATE cases SET status = ?, due_at = ?, closed_at = NULL, updated_at = ? WHERE id = ?",
          IN_PROGRESS.code(), due.apply(r).toEpochMilli(), now.toEpochMilli(), id);
      history(c, id, now, actor, Action.REOPENED, CLOSED, IN_PROGRESS, reason);
      return CaseRows.byId(c, id).orElseThrow();
    });
  }

  /** Stores a rating after check(case) passed; a later rating replaces the earlier one. */
  CaseRecord rate(String id, String channel, String userId, int score, String comment, Instant now,
                  Consumer<CaseRecord> check) {
    long t = now.toEpochMilli();
    return sql.write(c -> {
      CaseRecord r = CaseRows.byId(c, id).orElseThrow(() -> CaseException.notFound(id));
      check.accept(r);
      exec(c, "UPDATE cases SET rating = ?, rating_comment = ?, rated_at = ?, updated_at = ? WHERE id = ?", score,
          comment, t, t, id);
      history(c, id, now, channel + ":" + userId, Action.RATED, CLOSED, CLOSED,
          score + " 分" + (comment == null ? "" : "：" + comment));
      return CaseRows.byId(c, id).orElseThrow();
    });
  }

  // ---------------------------------------------------------------- helpers

  private static long startOf(LocalDate d) {
    return d.atStartOfDay(CaseRules.ZONE).toInstant().toEpochMilli();
  }

  private static int exec(Connection c, String sqlText, Object... params) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sqlText)) {
      CaseRows.bind(ps, Arrays.asList(params));
      return ps.executeUpdate();
    }
  }

  private static void history(Connection c, String id, Instant at, String actor, Action action, CaseStatus from,
                              CaseStatus to, String note) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(INSERT_HISTORY)) {
      history(ps, id, at, actor, action, from, to, note);
    }
  }

  private static void history(PreparedStatement ps, String id, Instant at, String actor, Action action,
                              CaseStatus from, CaseStatus to, String note) throws SQLException {
    CaseRows.bind(ps, Arrays.asList(id, at.toEpochMilli(), actor, action.code(), from == null ? null : from.code(),
        to == null ? null : to.code(), note));
    ps.executeUpdate();
  }
}
