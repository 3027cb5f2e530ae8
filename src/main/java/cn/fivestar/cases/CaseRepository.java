package cn.fivestar.cases;

import static cn.fivestar.cases.CaseRows.exec;
import static cn.fivestar.cases.CaseStatus.CLOSED;
import static cn.fivestar.cases.CaseStatus.IN_PROGRESS;
import static cn.fivestar.cases.CaseStatus.MERGED;
import static cn.fivestar.cases.CaseStatus.RECEIVED;

import cn.fivestar.cases.CaseHistoryEntry.Action;
import cn.fivestar.infra.Database;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The case store's writes: each one transaction that also appends its history row(s). Decides nothing: the checks
 * and the steps of a change come from {@link CaseRules}, passed in as functions that run inside the transaction on
 * the current rows, so a refusal rolls everything back. Reads are in {@link CaseQueries}, the supervisor figures in
 * {@link CaseStatisticsQuery}.
 */
final class CaseRepository {
  private static final String INSERT_HISTORY = "INSERT INTO case_history (case_id, at, actor, action, from_status, "
      + "to_status, note) VALUES (?, ?, ?, ?, ?, ?, ?)";

  /** Gives a draft its tracking number (from the day's sequence) and times. */
  @FunctionalInterface
  interface Stamper {
    CaseRecord stamp(CaseRecord draft, int daySequence);
  }

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
      CaseRecord cur = CaseRows.existing(c, id);
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
    touch(c, t, id);
  }

  /**
   * Merges src into dst after check(src, dst) passed: src becomes merged, its reporter and followers follow dst.
   * Returns src after the merge.
   */
  CaseRecord merge(String src, String dst, String actor, Instant now, BiConsumer<CaseRecord, CaseRecord> check) {
    long t = now.toEpochMilli();
    return sql.write(c -> {
      CaseRecord s = CaseRows.existing(c, src);
      CaseRecord d = CaseRows.existing(c, dst);
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
      touch(c, t, dst);
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
      CaseRecord r = CaseRows.existing(c, id);
      while (r.status() == MERGED) {
        r = CaseRows.existing(c, r.mergedInto());
      }
      if (CaseRules.alreadyInformed(r, channel, userId, chatId)) return r;
      exec(c, "INSERT INTO case_followers (case_id, channel, user_id, chat_id, since) VALUES (?, ?, ?, ?, ?) "
          + "ON CONFLICT(case_id, channel, user_id) DO UPDATE SET chat_id = excluded.chat_id", r.id(), channel, userId,
          chatId, now.toEpochMilli());
      touch(c, now.toEpochMilli(), r.id());
      history(c, r.id(), now, channel + ":" + userId, Action.FOLLOWED, r.status(), r.status(), "关注渠道：" + channel);
      return CaseRows.byId(c, r.id()).orElseThrow();
    });
  }

  /** Sets the place of a case that has none (the check decides whether it may be set); returns the case. */
  CaseRecord addLocation(String id, String location, String actor, Instant now) {
    return sql.write(c -> {
      CaseRecord r = CaseRows.existing(c, id);
      if (r.location() != null) return r;
      exec(c, "UPDATE cases SET location = ?, updated_at = ? WHERE id = ?", location, now.toEpochMilli(), id);
      history(c, id, now, actor, Action.NOTE, r.status(), r.status(), "补充地点：" + location);
      return CaseRows.byId(c, id).orElseThrow();
    });
  }

  /** Sets the contact phone of a case that has none yet (sent after registering); a phone already set stays. */
  CaseRecord addPhone(String id, String phone, String actor, Instant now) {
    return sql.write(c -> {
      CaseRecord r = CaseRows.existing(c, id);
      if (r.phone() != null) return r;
      exec(c, "UPDATE cases SET phone = ?, updated_at = ? WHERE id = ?", phone, now.toEpochMilli(), id);
      history(c, id, now, actor, Action.NOTE, r.status(), r.status(), "补充联系电话");
      return CaseRows.byId(c, id).orElseThrow();
    });
  }

  /**
   * Reopens a closed case after check(case) passed: in progress again, with the deadline {@code due(case)} and the
   * reason in the history. Returns the case as it is now.
   */
  CaseRecord reopen(String id, String actor, String reason, Instant now, Consumer<CaseRecord> check,
                    Function<CaseRecord, Instant> due) {
    return sql.write(c -> {
      CaseRecord r = CaseRows.existing(c, id);
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
      CaseRecord r = CaseRows.existing(c, id);
      check.accept(r);
      exec(c, "UPDATE cases SET rating = ?, rating_comment = ?, rated_at = ?, updated_at = ? WHERE id = ?", score,
          comment, t, t, id);
      history(c, id, now, channel + ":" + userId, Action.RATED, CLOSED, CLOSED,
          score + " 分" + (comment == null ? "" : "：" + comment));
      return CaseRows.byId(c, id).orElseThrow();
    });
  }

  // ---------------------------------------------------------------- helpers

  /** Every change of a case moves updated_at, which listings and the dashboard sort and show by. */
  private static void touch(Connection c, long t, String id) throws SQLException {
    exec(c, "UPDATE cases SET updated_at = ? WHERE id = ?", t, id);
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
