package cn.fivestar.conversation;

import cn.fivestar.infra.Database;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * Messages waiting for a chat the current process cannot reach: another console user, or a Telegram chat while
 * no {@code serve} is running. The channel owning the chat takes them (oldest first) and delivers them.
 */
public final class Outbox {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Database db;
  private final Clock clock;

  /** One waiting message and the chat it is for. */
  public record Pending(String channel, String chatId, Outbound message) {}

  public Outbox(Database db, Clock clock) {
    this.db = db;
    this.clock = clock;
  }

  public void add(String channel, String chatId, Outbound message) {
    try (Connection c = db.connect();
         PreparedStatement ps = c.prepareStatement(
             "INSERT INTO outbox (channel, chat_id, message, created_at) VALUES (?, ?, ?, ?)")) {
      ps.setString(1, channel);
      ps.setString(2, chatId);
      ps.setString(3, JSON.writeValueAsString(message));
      ps.setLong(4, clock.millis());
      ps.executeUpdate();
    } catch (SQLException | JsonProcessingException e) {
      throw new IllegalStateException("cannot queue message: " + e.getMessage(), e);
    }
  }

  /** Removes and returns the messages for one chat. */
  public List<Outbound> take(String channel, String chatId) {
    return takeWhere("channel = ? AND chat_id = ?", channel, chatId).stream().map(Pending::message).toList();
  }

  /** Removes and returns every message for a channel (a Telegram `serve` delivering what piled up). */
  public List<Pending> takeAll(String channel) {
    return takeWhere("channel = ?", channel);
  }

  private List<Pending> takeWhere(String where, String... args) {
    List<Pending> out = new ArrayList<>();
    try (Connection c = db.connect()) {
      c.setAutoCommit(false);
      List<Long> ids = new ArrayList<>();
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT id, channel, chat_id, message FROM outbox WHERE " + where + " ORDER BY id")) {
        for (int i = 0; i < args.length; i++) ps.setString(i + 1, args[i]);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            ids.add(rs.getLong(1));
            out.add(new Pending(rs.getString(2), rs.getString(3), JSON.readValue(rs.getString(4), Outbound.class)));
          }
        }
      }
      try (PreparedStatement del = c.prepareStatement("DELETE FROM outbox WHERE id = ?")) {
        for (long id : ids) {
          del.setLong(1, id);
          del.addBatch();
        }
        del.executeBatch();
      }
      c.commit();
    } catch (SQLException | JsonProcessingException e) {
      throw new IllegalStateException("cannot read queued messages: " + e.getMessage(), e);
    }
    return out;
  }
}
