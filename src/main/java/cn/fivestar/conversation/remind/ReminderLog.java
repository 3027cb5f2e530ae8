package cn.fivestar.conversation.remind;

import cn.fivestar.infra.Database;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

/**
 * The reminders sent, one row per (local day, recipient, kind) in {@code reminder_sent}. {@link #claim} inserts the
 * row in its own transaction before the reminder is sent: the primary key lets exactly one process (or thread) win
 * it, so a reminder goes out at most once a day — across restarts, and with {@code serve} and a cron
 * {@code cases remind} running side by side. A send that fails gives its claim back ({@link #release}).
 */
public final class ReminderLog {
  private static final String WHERE_KEY = " WHERE day = ? AND recipient = ? AND kind = ?";

  private final Database db;
  private final Clock clock;

  public ReminderLog(Database db, Clock clock) {
    this.db = db;
    this.clock = clock;
  }

  /** Records the reminder as sent today; false when it already was (by this or another process). */
  public boolean claim(LocalDate day, String recipient, String kind, List<String> caseIds) {
    try (Connection c = db.connect()) {
      c.setAutoCommit(false);
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO reminder_sent (day, recipient, kind, case_ids, sent_at)"
          + " VALUES (?, ?, ?, ?, ?) ON CONFLICT (day, recipient, kind) DO NOTHING")) {
        ps.setString(1, day.toString());
        ps.setString(2, recipient);
        ps.setString(3, kind);
        ps.setString(4, String.join(",", caseIds));
        ps.setLong(5, clock.millis());
        int n = ps.executeUpdate();
        c.commit();
        return n == 1;
      } catch (SQLException e) {
        c.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot record a reminder: " + e.getMessage(), e);
    }
  }

  /** Gives a claim back (the send failed), so a later run may try again. */
  public void release(LocalDate day, String recipient, String kind) {
    try (Connection c = db.connect();
         PreparedStatement ps = byKey(c, "DELETE FROM reminder_sent" + WHERE_KEY, day, recipient, kind)) {
      ps.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("cannot release a reminder: " + e.getMessage(), e);
    }
  }

  /** Whether this reminder was already sent on that day (for dry runs; sending relies on {@link #claim}). */
  public boolean sent(LocalDate day, String recipient, String kind) {
    try (Connection c = db.connect();
         PreparedStatement ps = byKey(c, "SELECT 1 FROM reminder_sent" + WHERE_KEY, day, recipient, kind);
         ResultSet rs = ps.executeQuery()) {
      return rs.next();
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read sent reminders: " + e.getMessage(), e);
    }
  }

  /** A statement on one reminder's row, its key bound to the three parameters of {@link #WHERE_KEY}. */
  private static PreparedStatement byKey(Connection c, String sql, LocalDate day, String recipient, String kind)
      throws SQLException {
    PreparedStatement ps = c.prepareStatement(sql);
    try {
      ps.setString(1, day.toString());
      ps.setString(2, recipient);
      ps.setString(3, kind);
      return ps;
    } catch (SQLException e) {
      ps.close();
      throw e;
    }
  }
}
