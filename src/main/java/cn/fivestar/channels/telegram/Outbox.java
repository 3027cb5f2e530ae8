package cn.fivestar.channels.telegram;

import cn.fivestar.infra.Database;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Messages Telegram would not take yet (server errors, timeouts, long rate limits), kept in SQLite so a reply is
 * never lost, not even across a restart, and retried in order per chat until delivered or given up ("dead", kept
 * for inspection). While a chat has queued messages its new messages queue behind them, so order is kept.
 */
public final class Outbox implements AutoCloseable {
  /** One queued message. */
  public record Entry(long id, OutMessage message, int attempts, long createdAt, long nextAt) {}

  private final Connection db;
  private final Clock clock;
  private final ObjectMapper json = new ObjectMapper();
  private final Map<String, Integer> queuedPerChat = new HashMap<>();

  public Outbox(Database database, Clock clock) {
    this.clock = clock;
    try {
      this.db = database.connect();
      try (Statement st = db.createStatement();
          ResultSet rs = st.executeQuery(
              "SELECT chat_id, count(*) FROM tg_outbox WHERE state = 'queued' GROUP BY chat_id")) {
        while (rs.next()) queuedPerChat.put(rs.getString(1), rs.getInt(2));
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot open the outbox: " + e.getMessage(), e);
    }
  }

  public synchronized void add(OutMessage m, String error, long delayMillis) {
    long now = clock.millis();
    try (PreparedStatement st = db.prepareStatement("INSERT INTO tg_outbox"
        + " (chat_id, payload, attempts, next_at, created_at, last_error) VALUES (?, ?, 1, ?, ?, ?)")) {
      st.setString(1, m.chatId());
      st.setString(2, json.writeValueAsString(m));
      st.setLong(3, now + delayMillis);
      st.setLong(4, now);
      st.setString(5, error);
      st.executeUpdate();
      queuedPerChat.merge(m.chatId(), 1, Integer::sum);
    } catch (SQLException | JsonProcessingException e) {
      throw new IllegalStateException("cannot queue a message: " + e.getMessage(), e);
    }
  }

  public synchronized boolean hasQueued(String chatId) {
    return queuedPerChat.containsKey(chatId);
  }

  public synchronized int size() {
    return queuedPerChat.values().stream().mapToInt(Integer::intValue).sum();
  }

  /** Queued messages, oldest first (due or not: a chat's later messages must wait for its earlier ones). */
  public synchronized List<Entry> queued(int limit) {
    List<Entry> out = new ArrayList<>();
    try (PreparedStatement st = db.prepareStatement("SELECT id, payload, attempts, created_at, next_at"
        + " FROM tg_outbox WHERE state = 'queued' ORDER BY id LIMIT ?")) {
      st.setInt(1, limit);
      try (ResultSet rs = st.executeQuery()) {
        while (rs.next()) {
          out.add(new Entry(rs.getLong(1), json.readValue(rs.getString(2), OutMessage.class), rs.getInt(3),
              rs.getLong(4), rs.getLong(5)));
        }
      }
      return out;
    } catch (SQLException | JsonProcessingException e) {
      throw new IllegalStateException("cannot read the outbox: " + e.getMessage(), e);
    }
  }

  public synchronized void delivered(Entry e) {
    execute("DELETE FROM tg_outbox WHERE id = ?", e.id());
    forget(e.message().chatId());
  }

  public synchronized void failed(Entry e, String error, long retryInMillis) {
    try (PreparedStatement st = db.prepareStatement(
        "UPDATE tg_outbox SET attempts = attempts + 1, next_at = ?, last_error = ? WHERE id = ?")) {
      st.setLong(1, clock.millis() + retryInMillis);
      st.setString(2, error);
      st.setLong(3, e.id());
      st.executeUpdate();
    } catch (SQLException ex) {
      throw new IllegalStateException("cannot update the outbox: " + ex.getMessage(), ex);
    }
  }

  /** Gives a message up: kept as 'dead' with its last error, no longer retried. */
  public synchronized void dead(Entry e, String error) {
    try (PreparedStatement st = db.prepareStatement(
        "UPDATE tg_outbox SET state = 'dead', last_error = ? WHERE id = ?")) {
      st.setString(1, error);
      st.setLong(2, e.id());
      st.executeUpdate();
      forget(e.message().chatId());
    } catch (SQLException ex) {
      throw new IllegalStateException("cannot update the outbox: " + ex.getMessage(), ex);
    }
  }

  private void forget(String chatId) {
    queuedPerChat.computeIfPresent(chatId, (k, n) -> n <= 1 ? null : n - 1);
  }

  private void execute(String sql, long id) {
    try (PreparedStatement st = db.prepareStatement(sql)) {
      st.setLong(1, id);
      st.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("cannot update the outbox: " + e.getMessage(), e);
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
