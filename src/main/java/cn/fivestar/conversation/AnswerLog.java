package cn.fivestar.conversation;

import cn.fivestar.answer.Answer;
import cn.fivestar.answer.Citation;
import cn.fivestar.infra.Database;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The knowledge answers shown in chat and the residents' votes on them (有用 / 没用, with an optional reason), kept
 * with the question, the answer, its citations and the index version, so staff learn which documents to improve.
 */
public final class AnswerLog {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** One shown answer and its vote (null until voted). */
  public record Entry(long id, Instant at, String channel, String userId, String question, String answer,
                      String citations, String indexVersion, boolean tentative, String vote, Instant votedAt,
                      String reason) {}

  private final Database db;
  private final Clock clock;
  private final Supplier<String> indexVersion;

  public AnswerLog(Database db, Clock clock, Supplier<String> indexVersion) {
    this.db = db;
    this.clock = clock;
    this.indexVersion = indexVersion;
  }

  /** Records an answer shown to someone; returns its id (the feedback buttons carry it). */
  long record(String channel, String userId, String question, Answer a) {
    List<Map<String, String>> cited = new ArrayList<>();
    for (Citation c : a.citations()) {
      Map<String, String> m = new LinkedHashMap<>();
      m.put("source", c.source());
      m.put("title", c.title());
      cited.add(m);
    }
    String json;
    try {
      json = JSON.writeValueAsString(cited);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot record answer: " + e.getMessage(), e);
    }
    return db.write(c -> {
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO answer_log (at, channel, user_id, question, answer, "
          + "citations, index_version, tentative) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
        ps.setLong(1, clock.millis());
        ps.setString(2, channel);
        ps.setString(3, userId);
        ps.setString(4, question);
        ps.setString(5, a.text());
        ps.setString(6, json);
        ps.setString(7, indexVersion.get());
        ps.setInt(8, a.tentative() ? 1 : 0);
        ps.executeUpdate();
        try (ResultSet keys = ps.getGeneratedKeys()) {
          keys.next();
          return keys.getLong(1);
        }
      }
    });
  }

  /** The person who got the answer votes (a later vote replaces the earlier); false if it is not theirs. */
  boolean vote(long id, String channel, String userId, boolean helpful) {
    return update("UPDATE answer_log SET vote = ?, voted_at = ?, reason = NULL WHERE id = ? AND channel = ? AND user_id = ?",
        helpful ? "up" : "down", id, channel, userId);
  }

  /** The optional reason after 没用. */
  boolean reason(long id, String channel, String userId, String reason) {
    return update("UPDATE answer_log SET reason = ?, voted_at = ? WHERE id = ? AND channel = ? AND user_id = ? AND vote = 'down'",
        reason, id, channel, userId);
  }

  private boolean update(String sql, String value, long id, String channel, String userId) {
    return db.write(c -> {
      try (PreparedStatement ps = c.prepareStatement(sql)) {
        ps.setString(1, value);
        ps.setLong(2, clock.millis());
        ps.setLong(3, id);
        ps.setString(4, channel);
        ps.setString(5, userId);
        return ps.executeUpdate() == 1;
      }
    });
  }

  /** Voted answers, newest vote first; {@code limit} 0 = all. */
  public List<Entry> voted(int limit) {
    String sql = "SELECT id, at, channel, user_id, question, answer, citations, index_version, tentative, vote, voted_at, "
        + "reason FROM answer_log WHERE vote IS NOT NULL ORDER BY voted_at DESC, id DESC" + (limit > 0 ? " LIMIT " + limit : "");
    return db.read(c -> {
      List<Entry> out = new ArrayList<>();
      try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
        while (rs.next()) {
          out.add(new Entry(rs.getLong(1), Instant.ofEpochMilli(rs.getLong(2)), rs.getString(3), rs.getString(4),
              rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getInt(9) == 1, rs.getString(10),
              Instant.ofEpochMilli(rs.getLong(11)), rs.getString(12)));
        }
      }
      return out;
    });
  }
}
