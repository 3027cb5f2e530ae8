package cn.fivestar.conversation;

import cn.fivestar.infra.Database;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Dialog state per (channel, chat, user) in the bot's database, as JSON. */
public final class DialogStore {
  private static final Logger log = LoggerFactory.getLogger(DialogStore.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Database db;
  private final Clock clock;

  public DialogStore(Database db, Clock clock) {
    this.db = db;
    this.clock = clock;
  }

  /** The stored state, or idle when none (or when a stored one cannot be read: a fresh start beats a crash). */
  public DialogState load(String channel, String chatId, String userId) {
    String stored = db.read(c -> {
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT state FROM dialog_state WHERE channel = ? AND chat_id = ? AND user_id = ?")) {
        ps.setString(1, channel);
        ps.setString(2, chatId);
        ps.setString(3, userId);
        try (ResultSet rs = ps.executeQuery()) {
          return rs.next() ? rs.getString(1) : null;
        }
      }
    });
    if (stored == null) return DialogState.idle();
    try {
      return JSON.readValue(stored, DialogState.class);
    } catch (JsonProcessingException e) {
      log.warn("unreadable dialog state for {}:{}, starting fresh: {}", channel, chatId, e.getOriginalMessage());
      return DialogState.idle();
    }
  }

  public void save(String channel, String chatId, String userId, DialogState state) {
    String json;
    try {
      json = JSON.writeValueAsString(state);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialize dialog state", e);
    }
    db.write(c -> {
      try (PreparedStatement ps = c.prepareStatement(
          "INSERT INTO dialog_state (channel, chat_id, user_id, state, updated_at) VALUES (?, ?, ?, ?, ?) "
              + "ON CONFLICT(channel, chat_id, user_id) DO UPDATE SET state = excluded.state, "
              + "updated_at = excluded.updated_at")) {
        ps.setString(1, channel);
        ps.setString(2, chatId);
        ps.setString(3, userId);
        ps.setString(4, json);
        ps.setLong(5, clock.millis());
        return ps.executeUpdate();
      }
    });
  }
}
