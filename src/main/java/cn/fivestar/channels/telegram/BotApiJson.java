package cn.fivestar.channels.telegram;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import okhttp3.Interceptor;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.objects.Update;

/**
 * The one place where the bot reads Bot API JSON leniently. telegrambots deserializes answers strictly (with its own
 * mapper, which cannot be configured): a {@code getMe} without {@code is_bot}, a date in milliseconds or an error
 * answer without {@code ok} made {@code serve} fail. Minimal Bot API servers and emulators (telegram-test-api from
 * npm, self-written proxies) answer like that, so every answer is repaired here before telegrambots sees it:
 *
 * <ul>
 *   <li>a user without {@code is_bot} is a person ({@code false}), except the bot itself in {@code getMe}; a missing
 *       {@code first_name} becomes empty (the display name then falls back to the username);
 *   <li>a chat without {@code type} is private for a positive id, a supergroup for a negative one;
 *   <li>dates ({@code date}, {@code edit_date}, {@code forward_date}) in milliseconds (or finer) become seconds; a date
 *       that is not a number is dropped (a missing date is fine);
 *   <li>an answer that is JSON but not a Bot API answer (no boolean {@code ok}, e.g. {@code {"message": …}} with
 *       HTTP 500) becomes {@code ok:false} with the HTTP status as {@code error_code} and its message as
 *       {@code description}, so it is classified like any other failure instead of failing inside the client;
 *   <li>unknown fields are ignored ({@link #mapper()}; telegrambots' own types ignore them already);
 *   <li>an update that still cannot be read (a user or chat without id…) is cut down to its update id, so one bad
 *       update neither fails its whole getUpdates batch nor stalls polling: the bot ignores it.
 * </ul>
 *
 * Answers that are not JSON at all (a proxy's HTML page) are left alone: the client reports them as garbled and the
 * call is retried.
 */
public final class BotApiJson {
  /** Seconds since 1970 stay below this until the year 5138: a larger date counts milliseconds (or finer). */
  static final long SECONDS_LIMIT = 100_000_000_000L;

  private static final Logger log = LoggerFactory.getLogger(BotApiJson.class);

  /** How telegrambots reads answers (a default mapper): an update it cannot read would fail the whole batch. */
  private static final ObjectMapper STRICT = new ObjectMapper();

  private static final ObjectMapper MAPPER = JsonMapper.builder()
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
      .build();

  private static final Set<String> DATE_FIELDS = Set.of("date", "edit_date", "forward_date");
  private static final Set<String> USER_FIELDS =
      Set.of("from", "user", "via_bot", "forward_from", "left_chat_member", "sender_business_bot");
  private static final Set<String> USER_LIST_FIELDS = Set.of("new_chat_members");
  private static final Set<String> CHAT_FIELDS = Set.of("chat", "sender_chat", "forward_from_chat");

  private BotApiJson() {}

  /** The lenient mapper for everything the bot itself reads or stores (unknown fields ignored). */
  public static ObjectMapper mapper() {
    return MAPPER;
  }

  /** An OkHttp interceptor that repairs every Bot API answer (see the class comment) before the client reads it. */
  static Interceptor interceptor() {
    return chain -> {
      Response response = chain.proceed(chain.request());
      ResponseBody body = response.body();
      if (body == null) return response;
      byte[] bytes = body.bytes();
      List<String> path = chain.request().url().pathSegments();
      String method = path.isEmpty() ? "" : path.get(path.size() - 1);
      String repaired = repair(method, response.code(), new String(bytes, StandardCharsets.UTF_8));
      byte[] out = repaired == null ? bytes : repaired.getBytes(StandardCharsets.UTF_8);
      return response.newBuilder().body(ResponseBody.create(out, body.contentType())).build();
    };
  }

  /**
   * One update as a webhook or a stored payload delivers it, repaired like an answer.
   *
   * @throws IOException when the text is not JSON or not an update at all
   */
  public static Update readUpdate(String json) throws IOException {
    JsonNode node = MAPPER.readTree(json);
    if (node instanceof ObjectNode) new Repair().walk(node);
    return MAPPER.treeToValue(node, Update.class);
  }

  /**
   * Repairs one answer of {@code method} (any case) that came with HTTP status {@code status}. Returns the repaired
   * JSON, or null when the answer needs no change or is not JSON (then it is passed on as it came).
   */
  static String repair(String method, int status, String body) {
    JsonNode root;
    try {
      root = MAPPER.readTree(body);
    } catch (JsonProcessingException e) {
      return null;
    }
    if (!(root instanceof ObjectNode answer)) return null;
    Repair r = new Repair();
    if (!answer.path("ok").isBoolean()) {
      r.notAnAnswer(answer, status);
    } else if (answer.get("ok").booleanValue()) {
      JsonNode result = answer.get("result");
      if (result != null) {
        if ("getMe".equalsIgnoreCase(method) && result instanceof ObjectNode me) r.user(me, true);
        r.walk(result);
        if ("getUpdates".equalsIgnoreCase(method) && result instanceof ArrayNode updates) r.updates(updates);
      }
    } else if (!answer.path("error_code").canConvertToInt() && status >= 400) {
      answer.put("error_code", status);
      r.changed = true;
    }
    if (!r.changed) return null;
    try {
      return MAPPER.writeValueAsString(answer);
    } catch (JsonProcessingException e) {
      return null;
    }
  }

  /** One repair pass; remembers whether it changed anything. */
  private static final class Repair {
    boolean changed;

    /** A JSON reply without a boolean "ok" (telegram-test-api: {"message": …} with HTTP 500) is an error. */
    void notAnAnswer(ObjectNode answer, int status) {
      String description = null;
      for (String field : List.of("description", "message", "error")) {
        JsonNode d = answer.get(field);
        if (d != null && d.isTextual() && !d.asText().isBlank()) {
          description = d.asText();
          break;
        }
      }
      int code = answer.path("error_code").canConvertToInt() ? answer.get("error_code").asInt()
          : status >= 400 ? status : 502;
      JsonNode parameters = answer.get("parameters");
      answer.removeAll();
      answer.put("ok", false).put("error_code", code)
          .put("description", description != null ? description : "HTTP " + status + " without a Bot API answer");
      if (parameters instanceof ObjectNode) answer.set("parameters", parameters);
      changed = true;
    }

    /**
     * An update telegrambots still could not read (a required field missing: a user or chat without id, an entity
     * without offset…) would fail the whole batch, and polling would stall on it. It is cut down to its id: the
     * offset moves on and the bot ignores it. An element without an update id is dropped.
     */
    void updates(ArrayNode updates) {
      for (int i = updates.size() - 1; i >= 0; i--) {
        JsonNode u = updates.get(i);
        if (!(u instanceof ObjectNode) || !u.path("update_id").canConvertToInt()) {
          updates.remove(i);
          changed = true;
          continue;
        }
        String problem;
        try {
          STRICT.treeToValue(u, Update.class);
          continue;
        } catch (JsonProcessingException e) {
          problem = e.getOriginalMessage();
        } catch (IllegalArgumentException e) {
          problem = e.getMessage();
        }
        int id = u.get("update_id").asInt();
        log.warn("update {} cannot be read and is skipped: {}", id, problem);
        updates.set(i, MAPPER.createObjectNode().put("update_id", id));
        changed = true;
      }
    }

    void walk(JsonNode node) {
      if (node instanceof ArrayNode array) {
        array.forEach(this::walk);
        return;
      }
      if (!(node instanceof ObjectNode object)) return;
      List<Map.Entry<String, JsonNode>> fields = new ArrayList<>();
      object.fields().forEachRemaining(fields::add);
      for (Map.Entry<String, JsonNode> field : fields) {
        String name = field.getKey();
        JsonNode value = field.getValue();
        if (DATE_FIELDS.contains(name)) {
          date(object, name, value);
          continue;
        }
        if (USER_FIELDS.contains(name) && value instanceof ObjectNode u) user(u, false);
        if (USER_LIST_FIELDS.contains(name) && value instanceof ArrayNode list) {
          list.forEach(u -> {
            if (u instanceof ObjectNode o) user(o, false);
          });
        }
        if (CHAT_FIELDS.contains(name) && value instanceof ObjectNode c) chat(c);
        walk(value);
      }
    }

    void user(ObjectNode u, boolean isBot) {
      if (!u.path("is_bot").isBoolean()) {
        u.put("is_bot", isBot);
        changed = true;
      }
      if (!u.path("first_name").isTextual()) {
        u.put("first_name", "");
        changed = true;
      }
    }

    void chat(ObjectNode c) {
      if (!c.path("type").isTextual() && c.path("id").canConvertToLong()) {
        c.put("type", c.get("id").asLong() < 0 ? "supergroup" : "private");
        changed = true;
      }
    }

    void date(ObjectNode parent, String name, JsonNode value) {
      Long seconds = null;
      if (value.isIntegralNumber() || value.isFloatingPointNumber()) {
        seconds = value.asLong();
      } else if (value.isTextual()) {
        try {
          seconds = Long.parseLong(value.asText().strip());
        } catch (NumberFormatException e) {
          seconds = null;
        }
      }
      if (seconds == null || seconds < 0) {
        if (!value.isNull()) {
          parent.remove(name);
          changed = true;
        }
        return;
      }
      long s = seconds;
      while (s >= SECONDS_LIMIT) s /= 1000;
      if (s > Integer.MAX_VALUE) { // telegrambots keeps dates in an int (until 2038)
        parent.remove(name);
        changed = true;
      } else if (!value.isInt() || s != value.asLong()) {
        parent.put(name, (int) s);
        changed = true;
      }
    }
  }
}
