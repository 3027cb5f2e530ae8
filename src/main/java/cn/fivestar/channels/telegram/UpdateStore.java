package cn.fivestar.channels.telegram;

import cn.fivestar.infra.Database;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.function.Function;
import org.telegram.telegrambots.meta.api.objects.Update;

/**
 * Remembers, in SQLite, every update id the bot has taken and whether it was handled, plus the getUpdates offset.
 * An update is recorded before it is handled, in the same transaction that moves the offset on; so a re-delivered
 * update is recognised and dropped, and one taken but not finished before a crash is handled after the restart.
 * Handled updates lose their payload (it may carry personal data) and are forgotten after a week.
 */
public final class UpdateStore implements AutoCloseable {
  /** Telegram picks update ids at random again after a week without updates; an older offset is not trusted. */
  static final Duration OFFSET_TRUSTED_FOR = Duration.ofDays(6);

  private final Connection db;
  private final Clock clock;
  private final ObjectMapper json = BotApiJson.mapper();

  public UpdateStore(Database database, Clock clock) {
    try {
      this.db = database.connect();
    } catch (SQLException e) {
      throw new IllegalStateException("cannot open the database: " + e.getMessage(), e);
    }
    this.clock = clock;
  }

  /** The offset to poll from after a restart, or empty to let the server start at its oldest unconfirmed update. */
  public synchronized OptionalInt offset() {
    String offset = state("offset");
    String last = state("last_update_at");
    if (offset == null || last == null) return OptionalInt.empty();
    if (clock.millis() - Long.parseLong(last) > OFFSET_TRUSTED_FOR.toMillis()) return OptionalInt.empty();
    return OptionalInt.of(Integer.parseInt(offset));
  }

  /**
   * Records a batch from getUpdates and the next offset in one transaction; returns the updates not seen before, in
   * order. {@code chatKey} names the chat an update belongs to (its processing order key); {@code nextOffset} is
   * null for updates that came by webhook.
   */
  public synchronized List<Update> record(List<Update> batch, Function<Update, String> chatKey, Integer nextOffset) {
    List<Update> fresh = new ArrayList<>();
    long now = clock.millis();
    try {
      db.setAutoCommit(false);
      try (PreparedStatement ins = db.prepareStatement("INSERT OR IGNORE INTO tg_update"
          + " (update_id, chat_key, payload, state, received_at) VALUES (?, ?, ?, 'pending', ?)")) {
        for (Update u : batch) {
          ins.setInt(1, u.getUpdateId());
          ins.setString(2, chatKey.apply(u));
          ins.setString(3, json.writeValueAsString(u));
          ins.setLong(4, now);
          if (ins.executeUpdate() == 1) fresh.add(u);
        }
      }
      if (nextOffset != null) {
        putState("offset", Integer.toString(nextOffset));
        putState("last_update_at", Long.toString(now));
      }
      db.commit();
      return fresh;
    } catch (SQLException | JsonProcessingException e) {
      rollback();
      throw new IllegalStateException("cannot record updates: " + e.getMessage(), e);
    } finally {
      autoCommit();
    }
  }

  public synchronized void markDone(int updateId) {
    try (PreparedStatement st = db.prepareStatement(
        "UPDATE tg_update SET state = 'done', done_at = ?, payload = NULL WHERE update_id = ?")) {
      st.setLong(1, clock.millis());
      st.setInt(2, updateId);
      st.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("cannot mark update " + updateId + " done: " + e.getMessage(), e);
    }
  }

  /** Updates taken but not finished (the bot stopped in between), oldest first. */
  public synchronized List<Update> pending() {
    List<Update> out = new ArrayList<>();
    try (PreparedStatement st = db.prepareStatement(
            "SELECT payload FROM tg_update WHERE state = 'pending' ORDER BY update_id");
        ResultSet rs = st.executeQuery()) {
      while (rs.next()) out.add(json.readValue(rs.getString(1), Update.class));
      return out;
    } catch (SQLException | JsonProcessingException e) {
      throw new IllegalStateException("cannot read pending updates: " + e.getMessage(), e);
    }
  }

  /** Whether this update id was ever taken (handled or not). */
  public synchronized boolean seen(int updateId) {
    try (PreparedStatement st = db.prepareStatement("SELECT 1 FROM tg_update WHERE update_id = ?")) {
      st.setInt(1, updateId);
      try (ResultSet rs = st.executeQuery()) {
        return rs.next();
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e.getMessage(), e);
    }
  }

  /** Forgets handled updates older than {@code keep}; returns how many. */
  public synchronized int prune(Duration keep) {
    try (PreparedStatement st = db.prepareStatement(
        "DELETE FROM tg_update WHERE state = 'done' AND received_at < ?")) {
      st.setLong(1, clock.millis() - keep.toMillis());
      return st.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("cannot prune updates: " + e.getMessage(), e);
    }
  }

  /** The role whose command menu this chat has, or null. */
  public synchronized String menuRole(String chatId) {
    try (PreparedStatement st = db.prepareStatement("SELECT role FROM tg_menu WHERE chat_id = ?")) {
      st.setString(1, chatId);
      try (ResultSet rs = st.executeQuery()) {
        return rs.next() ? rs.getString(1) : null;
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e.getMessage(), e);
    }
  }

  public synchronized void rememberMenu(String chatId, String role) {
    try (PreparedStatement st = db.prepareStatement(
        "INSERT INTO tg_menu (chat_id, role) VALUES (?, ?) ON CONFLICT (chat_id) DO UPDATE SET role = excluded.role")) {
      st.setString(1, chatId);
      st.setString(2, role);
      st.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException(e.getMessage(), e);
    }
  }

  private String state(String name) {
    try (PreparedStatement st = db.prepareStatement("SELECT value FROM tg_state WHERE name = ?")) {
      st.setString(1, name);
      try (ResultSet rs = st.executeQuery()) {
        return rs.next() ? rs.getString(1) : null;
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e.getMessage(), e);
    }
  }

  private void putState(String name, String value) throws SQLException {
    try (PreparedStatement st = db.prepareStatement(
        "INSERT INTO tg_state (name, value) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET value = excluded.value")) {
      st.setString(1, name);
      st.setString(2, value);
      st.executeUpdate();
    }
  }

  private void rollback() {
    try {
      db.rollback();
    } catch (SQLException ignored) {
      // the original failure is what matters
    }
  }

  private void autoCommit() {
    try {
      db.setAutoCommit(true);
    } catch (SQLException ignored) {
      // next statement will report a broken connection
    }
  }

  @Override
  public synchronized void close() {
    try {
      db.close();
    } catch (SQLException ignored) {
      // closing anyway
    }
  }
}
