package cn.fivestar.conversation;

import cn.fivestar.infra.Database;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * Messages for chats of a channel that is not running in this process: another console user, or a Telegram chat
 * while no {@code serve} runs (a {@code cases update} from the command line, a console chat beside the bot). The
 * channel owning the chat takes them (oldest first, removed as they are taken) and delivers them; from then on,
 * retrying a send that failed is the channel's business (Telegram: {@code channels.telegram.SendRetryQueue}).
 * Stored in the {@code outbox} table.
 */
public final class ChannelBacklog {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Database db;
  private final Clock clock;

  /** One waiting message and the chat it is for. */
  public record Pending(String channel, String chatId, Outbound message) {}

  public ChannelBacklog(Database db, Clock clock) {
    this.db = db;
    this.clock = clock;
  }

  public void add(String channel, String chatId, Outbound message) {
    String json;
    try {
      json = JSON.writeValueAsString(message);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot queue message: " + e.getMessage(), e);
    }
    db.write(c -> {
      try (PreparedStatement ps = c.prepareStatement(
          "INSERT INTO outbox (channel, chat_id, message, created_at) VALUES (?, ?, ?, ?)")) {
        ps.setString(1, channel);
        ps.setString(2, chatId);
        ps.setString(3, json);
        ps.setLong(4, clock.millis());
        return ps.executeUpdate();
      }
    });
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
    return db.write(c -> {
      List<Pending> out = new ArrayList<>();
      List<Long> ids = new ArrayList<>();
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT id, channel, chat_id, message FROM outbox WHERE " + where + " ORDER BY id")) {
        for (int i = 0; i < args.length; i++) ps.setString(i + 1, args[i]);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            ids.add(rs.getLong(1));
            out.add(new Pending(rs.getString(2), rs.getString(3), parse(rs.getString(4))));
          }
        }
      }
      try (PreparedStatement del = c.prepareStatement("DELETE FROM outbox WHERE id = ?")) {
        for (long id : ids) {
          del.setLong(1, id);
          del.addBatch();
        }
        if (!ids.isEmpty()) del.executeBatch();
      }
      return out;
    });
  }

  private static Outbound parse(String json) {
    try {
      return JSON.readValue(json, Outbound.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot read queued messages: " + e.getOriginalMessage(), e);
    }
  }
}
