package cn.fivestar.channels.telegram;

import cn.fivestar.infra.Database;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Telegram sends that failed and wait for a retry (server errors, timeouts, long rate limits), kept in the
 * database so a reply is never lost, not even across a restart, and retried in order per chat until delivered or
 * given up ("dead", kept for inspection). While a chat has queued messages its new messages queue behind them, so
 * order is kept. (Messages for Telegram chats made while no bot was running wait in the conversation's
 * {@code ChannelBacklog} instead: they have not been rendered or tried yet.) Stored in {@code tg_outbox}.
 */
public final class SendRetryQueue {
  /** One queued message. */
  public record Entry(long id, OutMessage message, int attempts, long createdAt, long nextAt) {}

  private final Database db;
  private final Clock clock;
  private final ObjectMapper json = new ObjectMapper();
  private final Map<String, Integer> queuedPerChat = new HashMap<>();
  private String claimer; // replicas: the id rows are claimed under; null for a single process
  private long claimMillis;

  public SendRetryQueue(Database database, Clock clock) {
    this.db = database;
    this.clock = clock;
    db.read(c -> {
      try (PreparedStatement st = c.prepareStatement(
              "SELECT chat_id, count(*) FROM tg_outbox WHERE state = 'queued' GROUP BY chat_id");
          ResultSet rs = st.executeQuery()) {
        while (rs.next()) queuedPerChat.put(rs.getString(1), rs.getInt(2));
      }
      return null;
    });
  }

  /**
   * Replicas on a shared store: {@link #queued} first claims the rows it returns for this replica (for
   * {@code claimFor}, renewed on every pass), and never rows of a chat another replica holds a live claim on, so one
   * replica resends a chat's messages, in order. The claim is one conditional update in a write transaction, which
   * the store serialises (the advisory lock), so two replicas never claim the same row.
   */
  synchronized void claimAs(String replica, java.time.Duration claimFor) {
    this.claimer = replica;
    this.claimMillis = claimFor.toMillis();
  }

  public synchronized void add(OutMessage m, String error, long delayMillis) {
    long now = clock.millis();
    String payload;
    try {
      payload = json.writeValueAsString(m);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot queue a message: " + e.getMessage(), e);
    }
    db.write(c -> {
      try (PreparedStatement st = c.prepareStatement("INSERT INTO tg_outbox"
          + " (chat_id, payload, attempts, next_at, created_at, last_error) VALUES (?, ?, 1, ?, ?, ?)")) {
        st.setString(1, m.chatId());
        st.setString(2, payload);
        st.setLong(3, now + delayMillis);
        st.setLong(4, now);
        st.setString(5, error);
        return st.executeUpdate();
      }
    });
    queuedPerChat.merge(m.chatId(), 1, Integer::sum);
  }

  public synchronized boolean hasQueued(String chatId) {
    return queuedPerChat.containsKey(chatId);
  }

  public synchronized int size() {
    return queuedPerChat.values().stream().mapToInt(Integer::intValue).sum();
  }

  /** Queued messages, oldest first (due or not: a chat's later messages must wait for its earlier ones). */
  public synchronized List<Entry> queued(int limit) {
    record Row(long id, String payload, int attempts, long createdAt, long nextAt) {}
    String me = claimer;
    if (me != null) {
      long now = clock.millis();
      db.write(c -> {
        try (PreparedStatement st = c.prepareStatement("UPDATE tg_outbox SET claimed_by = ?, claimed_until = ?"
            + " WHERE state = 'queued' AND chat_id NOT IN (SELECT chat_id FROM tg_outbox WHERE state = 'queued'"
            + " AND claimed_by IS NOT NULL AND claimed_by <> ? AND claimed_until >= ?)")) {
          st.setString(1, me);
          st.setLong(2, now + claimMillis);
          st.setString(3, me);
          st.setLong(4, now);
          return st.executeUpdate();
        }
      });
    }
    List<Row> rows = db.read(c -> {
      List<Row> out = new ArrayList<>();
      try (PreparedStatement st = c.prepareStatement("SELECT id, payload, attempts, created_at, next_at"
          + " FROM tg_outbox WHERE state = 'queued'" + (me == null ? "" : " AND claimed_by = ?")
          + " ORDER BY id LIMIT ?")) {
        int i = 1;
        if (me != null) st.setString(i++, me);
        st.setInt(i, limit);
        try (ResultSet rs = st.executeQuery()) {
          while (rs.next()) out.add(new Row(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getLong(4), rs.getLong(5)));
        }
      }
      return out;
    });
    List<Entry> out = new ArrayList<>(rows.size());
    for (Row r : rows) {
      try {
        out.add(new Entry(r.id(), json.readValue(r.payload(), OutMessage.class), r.attempts(), r.createdAt(),
            r.nextAt()));
      } catch (JsonProcessingException e) {
        throw new IllegalStateException("cannot read the outbox: " + e.getMessage(), e);
      }
    }
    return out;
  }

  public synchronized void delivered(Entry e) {
    update("DELETE FROM tg_outbox WHERE id = ?", e.id());
    forget(e.message().chatId());
  }

  public synchronized void failed(Entry e, String error, long retryInMillis) {
    update("UPDATE tg_outbox SET attempts = attempts + 1, next_at = ?, last_error = ? WHERE id = ?",
        clock.millis() + retryInMillis, error, e.id());
  }

  /** Gives a message up: kept as 'dead' with its last error, no longer retried. */
  public synchronized void dead(Entry e, String error) {
    update("UPDATE tg_outbox SET state = 'dead', last_error = ? WHERE id = ?", error, e.id());
    forget(e.message().chatId());
  }

  private void forget(String chatId) {
    queuedPerChat.computeIfPresent(chatId, (k, n) -> n <= 1 ? null : n - 1);
  }

  private void update(String sql, Object... params) {
    db.write(c -> {
      try (PreparedStatement st = c.prepareStatement(sql)) {
        for (int i = 0; i < params.length; i++) st.setObject(i + 1, params[i]);
        return st.executeUpdate();
      }
    });
  }
}
