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
 * Remembers, in the database, every update id the bot has taken and whether it was handled, plus the getUpdates
 * offset. An update is recorded before it is handled, in the same transaction that moves the offset on; so a
 * re-delivered update is recognised and dropped, and one taken but not finished before a crash is handled after
 * the restart. Handled updates lose their payload (it may carry personal data) and are forgotten after a week.
 */
public final class UpdateStore {
  /** Telegram picks update ids at random again after a week without updates; an older offset is not trusted. */
  static final Duration OFFSET_TRUSTED_FOR = Duration.ofDays(6);

  private final Database db;
  private final Clock clock;
  private final ObjectMapper json = BotApiJson.mapper();

  public UpdateStore(Database database, Clock clock) {
    this.db = database;
    this.clock = clock;
  }

  /** The offset to poll from after a restart, or empty to let the server start at its oldest unconfirmed update. */
  public OptionalInt offset() {
    return db.read(c -> {
      String offset = state(c, "offset");
      String last = state(c, "last_update_at");
      if (offset == null || last == null) return OptionalInt.empty();
      if (clock.millis() - Long.parseLong(last) > OFFSET_TRUSTED_FOR.toMillis()) return OptionalInt.empty();
      return OptionalInt.of(Integer.parseInt(offset));
    });
  }

  /**
   * Records a batch from getUpdates and the next offset in one transaction; returns the updates not seen before, in
   * order. {@code chatKey} names the chat an update belongs to (its processing order key); {@code nextOffset} is
   * null for updates that came by webhook.
   */
  public List<Update> record(List<Update> batch, Function<Update, String> chatKey, Integer nextOffset) {
    List<String> payloads = new ArrayList<>(batch.size());
    for (Update u : batch) {
      try {
        payloads.add(json.writeValueAsString(u));
      } catch (JsonProcessingException e) {
        throw new IllegalStateException("cannot record updates: " + e.getMessage(), e);
      }
    }
    long now = clock.millis();
    return db.write(c -> {
      List<Update> fresh = new ArrayList<>();
      try (PreparedStatement ins = c.prepareStatement("INSERT INTO tg_update"
          + " (update_id, chat_key, payload, state, received_at) VALUES (?, ?, ?, 'pending', ?)"
          + " ON CONFLICT (update_id) DO NOTHING")) {
        for (int i = 0; i < batch.size(); i++) {
          Update u = batch.get(i);
          ins.setInt(1, u.getUpdateId());
          ins.setString(2, chatKey.apply(u));
          ins.setString(3, payloads.get(i));
          ins.setLong(4, now);
          if (ins.executeUpdate() == 1) fresh.add(u);
        }
      }
      if (nextOffset != null) {
        putState(c, "offset", Integer.toString(nextOffset));
        putState(c, "last_update_at", Long.toString(now));
      }
      return fresh;
    });
  }

  public void markDone(int updateId) {
    db.write(c -> {
      try (PreparedStatement st = c.prepareStatement(
          "UPDATE tg_update SET state = 'done', done_at = ?, payload = NULL WHERE update_id = ?")) {
        st.setLong(1, clock.millis());
        st.setInt(2, updateId);
        return st.executeUpdate();
      }
    });
  }

  /** Updates taken but not finished (the bot stopped in between), oldest first. */
  public List<Update> pending() {
    List<String> payloads = db.read(c -> {
      List<String> out = new ArrayList<>();
      try (PreparedStatement st = c.prepareStatement(
              "SELECT payload FROM tg_update WHERE state = 'pending' ORDER BY update_id");
          ResultSet rs = st.executeQuery()) {
        while (rs.next()) out.add(rs.getString(1));
      }
      return out;
    });
    List<Update> out = new ArrayList<>(payloads.size());
    for (String p : payloads) {
      try {
        out.add(json.readValue(p, Update.class));
      } catch (JsonProcessingException e) {
        throw new IllegalStateException("cannot read pending updates: " + e.getMessage(), e);
      }
    }
    return out;
  }

  /** The oldest pending update of one chat (replicas: handled in update_id order from the shared store), or null. */
  public Update nextPending(String chatKey) {
    String payload = db.read(c -> {
      try (PreparedStatement st = c.prepareStatement("SELECT payload FROM tg_update WHERE chat_key = ?"
          + " AND state = 'pending' ORDER BY update_id LIMIT 1")) {
        st.setString(1, chatKey);
        try (ResultSet rs = st.executeQuery()) {
          return rs.next() ? rs.getString(1) : null;
        }
      }
    });
    if (payload == null) return null;
    try {
      return json.readValue(payload, Update.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot read a pending update: " + e.getMessage(), e);
    }
  }

  /** Whether this update id was ever taken (handled or not). */
  public boolean seen(int updateId) {
    return db.read(c -> {
      try (PreparedStatement st = c.prepareStatement("SELECT 1 FROM tg_update WHERE update_id = ?")) {
        st.setInt(1, updateId);
        try (ResultSet rs = st.executeQuery()) {
          return rs.next();
        }
      }
    });
  }

  /** Forgets handled updates older than {@code keep}; returns how many. */
  public int prune(Duration keep) {
    return db.write(c -> {
      try (PreparedStatement st = c.prepareStatement(
          "DELETE FROM tg_update WHERE state = 'done' AND received_at < ?")) {
        st.setLong(1, clock.millis() - keep.toMillis());
        return st.executeUpdate();
      }
    });
  }

  /** The role whose command menu this chat has, or null. */
  public String menuRole(String chatId) {
    return db.read(c -> {
      try (PreparedStatement st = c.prepareStatement("SELECT role FROM tg_menu WHERE chat_id = ?")) {
        st.setString(1, chatId);
        try (ResultSet rs = st.executeQuery()) {
          return rs.next() ? rs.getString(1) : null;
        }
      }
    });
  }

  public void rememberMenu(String chatId, String role) {
    db.write(c -> {
      try (PreparedStatement st = c.prepareStatement(
          "INSERT INTO tg_menu (chat_id, role) VALUES (?, ?) ON CONFLICT (chat_id) DO UPDATE SET role = excluded.role")) {
        st.setString(1, chatId);
        st.setString(2, role);
        return st.executeUpdate();
      }
    });
  }

  private static String state(Connection c, String name) throws SQLException {
    try (PreparedStatement st = c.prepareStatement("SELECT value FROM tg_state WHERE name = ?")) {
      st.setString(1, name);
      try (ResultSet rs = st.executeQuery()) {
        return rs.next() ? rs.getString(1) : null;
      }
    }
  }

  private static void putState(Connection c, String name, String value) throws SQLException {
    try (PreparedStatement st = c.prepareStatement(
        "INSERT INTO tg_state (name, value) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET value = excluded.value")) {
      st.setString(1, name);
      st.setString(2, value);
      st.executeUpdate();
    }
  }
}
