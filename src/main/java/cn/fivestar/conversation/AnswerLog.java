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
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
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

  // ---------------------------------------------------------------- figures for the dashboard

  /** All votes so far and how many said 有用. */
  public record Totals(long votes, long helpful) {
    public Double helpfulRate() {
      return votes == 0 ? null : (double) helpful / votes;
    }
  }

  /** The votes cast in one week (Monday to Sunday). */
  public record Week(LocalDate monday, long helpful, long unhelpful) {
    public long votes() {
      return helpful + unhelpful;
    }

    /** 有用 ÷ votes; null in a week without votes. */
    public Double helpfulRate() {
      return votes() == 0 ? null : (double) helpful / votes();
    }
  }

  /**
   * A question residents voted 没用 on (answers grouped by the question's exact text): its votes, the latest vote, the
   * reasons given (newest first, distinct, at most {@value #MAX_REASONS}) and the titles of the documents its
   * unhelpful answers cited. Texts are as stored: mask them before showing.
   */
  public record Unhelpful(String question, long unhelpful, long helpful, Instant lastVote, List<String> reasons,
                          List<String> cited) {}

  /** A cited document and the votes on the answers that cited it (an answer counts once per document). */
  public record DocumentVotes(String title, long unhelpful, long helpful) {}

  static final int MAX_REASONS = 5;
  private static final String DOWN = "SUM(CASE WHEN vote = 'down' THEN 1 ELSE 0 END)";
  private static final String UP = "SUM(CASE WHEN vote = 'up' THEN 1 ELSE 0 END)";

  public Totals totals() {
    return query("SELECT COUNT(*), COALESCE(" + UP + ", 0) FROM answer_log WHERE vote IS NOT NULL", List.of(), rs -> {
      rs.next();
      return new Totals(rs.getLong(1), rs.getLong(2));
    });
  }

  /** Votes per week (by the day of the vote in zone) for the given number of weeks up to this one, oldest first. */
  public List<Week> weekly(int weeks, ZoneId zone) {
    LocalDate thisMonday = LocalDate.ofInstant(clock.instant(), zone)
        .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    LocalDate first = thisMonday.minusWeeks(weeks - 1L);
    long[][] counts = new long[weeks][2];
    long since = first.atStartOfDay(zone).toInstant().toEpochMilli();
    query("SELECT voted_at, vote FROM answer_log WHERE vote IS NOT NULL AND voted_at >= ?", List.of(since), rs -> {
      while (rs.next()) {
        LocalDate day = LocalDate.ofInstant(Instant.ofEpochMilli(rs.getLong(1)), zone);
        long w = ChronoUnit.WEEKS.between(first, day);
        if (w >= 0 && w < weeks) counts[(int) w]["up".equals(rs.getString(2)) ? 0 : 1]++;
      }
      return null;
    });
    List<Week> out = new ArrayList<>(weeks);
    for (int i = 0; i < weeks; i++) out.add(new Week(first.plusWeeks(i), counts[i][0], counts[i][1]));
    return out;
  }

  /** The questions with the most 没用 votes (ties: fewer 有用 first, then the latest vote), at most limit. */
  public List<Unhelpful> leastHelpful(int limit) {
    List<Object[]> top = query("SELECT question, " + DOWN + ", " + UP + ", MAX(voted_at) FROM answer_log "
        + "WHERE vote IS NOT NULL GROUP BY question HAVING " + DOWN + " > 0 ORDER BY 2 DESC, 3, 4 DESC LIMIT ?",
        List.of(limit), rs -> {
          List<Object[]> rows = new ArrayList<>();
          while (rs.next()) rows.add(new Object[] {rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)});
          return rows;
        });
    if (top.isEmpty()) return List.of();
    Map<String, LinkedHashSet<String>> reasons = new LinkedHashMap<>();
    Map<String, LinkedHashSet<String>> cited = new LinkedHashMap<>();
    List<Object> questions = new ArrayList<>();
    for (Object[] t : top) questions.add(t[0]);
    String in = String.join(", ", java.util.Collections.nCopies(questions.size(), "?"));
    query("SELECT question, reason, citations FROM answer_log WHERE vote = 'down' AND question IN (" + in + ") "
        + "ORDER BY voted_at DESC, id DESC", questions, rs -> {
          while (rs.next()) {
            String q = rs.getString(1);
            String reason = rs.getString(2);
            if (reason != null && !reason.isBlank()) reasons.computeIfAbsent(q, k -> new LinkedHashSet<>()).add(reason.strip());
            cited.computeIfAbsent(q, k -> new LinkedHashSet<>()).addAll(titles(rs.getString(3)));
          }
          return null;
        });
    List<Unhelpful> out = new ArrayList<>();
    for (Object[] t : top) {
      String q = (String) t[0];
      List<String> why = new ArrayList<>(reasons.getOrDefault(q, new LinkedHashSet<>()));
      out.add(new Unhelpful(q, (Long) t[1], (Long) t[2], Instant.ofEpochMilli((Long) t[3]),
          List.copyOf(why.subList(0, Math.min(MAX_REASONS, why.size()))),
          List.copyOf(cited.getOrDefault(q, new LinkedHashSet<>()))));
    }
    return out;
  }

  /** The cited documents with the most 没用 votes on answers citing them (ties: fewer 有用 first), at most limit. */
  public List<DocumentVotes> documents(int limit) {
    Map<String, long[]> byTitle = new LinkedHashMap<>();
    query("SELECT vote, citations FROM answer_log WHERE vote IS NOT NULL", List.of(), rs -> {
      while (rs.next()) {
        int slot = "up".equals(rs.getString(1)) ? 1 : 0;
        for (String title : titles(rs.getString(2))) byTitle.computeIfAbsent(title, k -> new long[2])[slot]++;
      }
      return null;
    });
    return byTitle.entrySet().stream().filter(e -> e.getValue()[0] > 0)
        .map(e -> new DocumentVotes(e.getKey(), e.getValue()[0], e.getValue()[1]))
        .sorted(java.util.Comparator.comparingLong(DocumentVotes::unhelpful).reversed()
            .thenComparingLong(DocumentVotes::helpful).thenComparing(DocumentVotes::title))
        .limit(limit).toList();
  }

  /** The distinct titles (else sources) of a stored citations array; nothing for a damaged one. */
  static List<String> titles(String citations) {
    LinkedHashSet<String> out = new LinkedHashSet<>();
    try {
      for (com.fasterxml.jackson.databind.JsonNode n : JSON.readTree(citations == null ? "[]" : citations)) {
        String title = n.path("title").asText("");
        if (title.isBlank()) title = n.path("source").asText("");
        if (!title.isBlank()) out.add(title.strip());
      }
    } catch (JsonProcessingException e) {
      return List.of();
    }
    return List.copyOf(out);
  }

  @FunctionalInterface
  private interface Rows<T> {
    T read(ResultSet rs) throws java.sql.SQLException;
  }

  private <T> T query(String sql, List<Object> params, Rows<T> rows) {
    return db.read(c -> {
      try (PreparedStatement ps = c.prepareStatement(sql)) {
        for (int i = 0; i < params.size(); i++) ps.setObject(i + 1, params.get(i));
        try (ResultSet rs = ps.executeQuery()) {
          return rows.read(rs);
        }
      }
    });
  }
}
