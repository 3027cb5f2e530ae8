package cn.fivestar.app;

import cn.fivestar.infra.*;
import cn.fivestar.cases.*;
import cn.fivestar.infra.PersonalData;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

/** JSON shapes of the command line (snake_case keys, status codes, ISO-8601 times with +08:00). */
final class CaseJson {
  static final ObjectMapper MAPPER = new ObjectMapper();
  private static final DateTimeFormatter ISO = DateTimeFormatter.ISO_OFFSET_DATE_TIME.withZone(CaseService.ZONE);

  private CaseJson() {}

  /** One line of a listing: personal data masked. */
  static ObjectNode item(CaseRecord r, Instant now) {
    ObjectNode o = MAPPER.createObjectNode();
    o.put("id", r.id());
    o.put("status", r.status().code());
    o.put("status_label", r.status().label());
    o.put("kind", r.kind().code());
    o.put("category", r.category());
    o.put("star", r.star());
    o.put("created_at", time(r.createdAt()));
    o.put("due_at", time(r.dueAt()));
    o.put("overdue", r.isOverdue(now));
    o.put("updated_at", time(r.updatedAt()));
    o.put("assignee", r.assignee());
    o.put("location", PersonalData.mask(r.location()));
    o.put("summary", r.summary());
    o.put("reporter", PersonalData.mask(r.displayName()));
    o.put("phone", r.maskedPhone());
    o.put("channel", r.channel());
    o.put("merged_into", r.mergedInto());
    if (r.rating() == null) o.putNull("rating");
    else o.put("rating", r.rating());
    return o;
  }

  /** The whole case for staff who open it: personal data in clear. */
  static ObjectNode full(CaseRecord r, List<CaseHistoryEntry> history, Instant now) {
    ObjectNode o = item(r, now);
    o.put("text", r.text());
    o.put("location", r.location());
    o.put("reporter", r.displayName());
    o.put("phone", r.phone());
    o.put("user_id", r.userId());
    o.put("chat_id", r.chatId());
    o.put("village", r.village());
    o.put("respond_by", time(r.respondBy()));
    o.put("first_response_at", time(r.firstResponseAt()));
    o.put("closed_at", time(r.closedAt()));
    o.put("rating_comment", r.ratingComment());
    ArrayNode photos = o.putArray("photo_ids");
    r.photoIds().forEach(photos::add);
    messages(o.putArray("replies"), r.replies());
    messages(o.putArray("notes"), r.notes());
    ArrayNode followers = o.putArray("followers");
    for (Recipient f : r.followers()) {
      followers.addObject().put("channel", f.channel()).put("user_id", f.userId()).put("chat_id", f.chatId());
    }
    ArrayNode h = o.putArray("history");
    for (CaseHistoryEntry e : history) {
      h.addObject().put("at", time(e.at())).put("actor", e.actor()).put("action", e.action().code())
          .put("from", e.from() == null ? null : e.from().code()).put("to", e.to() == null ? null : e.to().code())
          .put("note", e.note());
    }
    return o;
  }

  static ObjectNode stats(CaseStatistics s) {
    ObjectNode o = MAPPER.createObjectNode();
    o.put("from", s.from() == null ? null : s.from().toString());
    o.put("to", s.to() == null ? null : s.to().toString());
    o.put("computed_at", time(s.computedAt()));
    group(o, s.overall());
    ObjectNode st = o.putObject("by_status");
    s.byStatus().forEach((k, v) -> st.put(k.code(), v));
    groups(o.putObject("by_category"), s.byCategory());
    groups(o.putObject("by_star"), s.byStar());
    groups(o.putObject("by_handler"), s.byHandler());
    return o;
  }

  private static void groups(ObjectNode parent, Map<String, CaseStatistics.Group> groups) {
    groups.forEach((k, g) -> group(parent.putObject(k), g));
  }

  private static void group(ObjectNode o, CaseStatistics.Group g) {
    o.put("total", g.total());
    o.put("merged", g.merged());
    o.put("closed", g.closed());
    o.put("overdue", g.overdue());
    o.put("response_rate", g.responseRate());
    o.put("responded_in_time", g.respondedInTime());
    o.put("response_counted", g.responseCounted());
    o.put("resolution_rate", g.resolutionRate());
    o.put("satisfaction_rate", g.satisfactionRate());
    o.put("rated", g.rated());
    o.put("satisfied", g.satisfied());
    o.put("avg_hours_to_close", g.avgHoursToClose());
    o.put("reopens", g.reopens());
    o.put("reopened_cases", g.reopened());
  }

  private static void messages(ArrayNode a, List<CaseMessage> list) {
    for (CaseMessage m : list) a.addObject().put("at", time(m.at())).put("author", m.author()).put("text", m.text());
  }

  static String time(Instant t) {
    return t == null ? null : ISO.format(t);
  }
}
