package cn.fivestar.channels.console;

import cn.fivestar.conversation.Button;
import cn.fivestar.conversation.ConversationEngine;
import cn.fivestar.conversation.Handled;
import cn.fivestar.conversation.Inbound;
import cn.fivestar.conversation.Notifier;
import cn.fivestar.conversation.Outbound;
import cn.fivestar.conversation.ChannelBacklog;
import cn.fivestar.conversation.Role;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * {@code chat --json}: the console channel for scripts and dialogue tests. Each input line is
 * {@code {"user","role"?,"text"}} or {@code {"user","button"}}; each gives exactly one output line
 * {@code {"user","replies":[{"text","buttons":[{"label","data"}]}],"handled_as","case"}}. Users may interleave; a
 * user's role is read on their first line. Messages pushed to a user by someone else's action (a staff reply, a
 * closing) reach that user the way Telegram would deliver them: at the front of their next line's replies.
 */
public final class JsonChat implements Notifier {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final ConversationEngine engine;
  private final ChannelBacklog backlog;
  /** The role of a user not given one on their first line (roles.properties, else resident). */
  private final BiFunction<String, String, Role> defaultRole;
  private final Map<String, Role> roles = new HashMap<>();
  private final Map<String, List<Outbound>> pending = new HashMap<>();

  public JsonChat(ConversationEngine engine, ChannelBacklog backlog, BiFunction<String, String, Role> defaultRole) {
    this.engine = engine;
    this.backlog = backlog;
    this.defaultRole = defaultRole;
  }

  /** Reads lines until end of input, writing one line for each (blank lines are skipped). */
  public void run(BufferedReader in, PrintWriter out) {
    try {
      for (String line; (line = in.readLine()) != null; ) {
        if (line.isBlank()) continue;
        out.println(JSON.writeValueAsString(send(line)));
        out.flush();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Handles one input line and returns its output object; malformed input gets an error line, never an exception. */
  public synchronized ObjectNode send(String line) {
    JsonNode input;
    try {
      input = JSON.readTree(line);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      return error(null, "invalid JSON: " + e.getOriginalMessage());
    }
    if (input == null || !input.isObject()) return error(null, "each line must be a JSON object");
    String user = text(input, "user");
    if (user == null || user.isBlank() || user.length() > 64) return error(null, "\"user\" must be 1-64 characters");
    String roleName = text(input, "role");
    Role given = roleName == null ? null : Role.parse(roleName);
    if (roleName != null && given == null) return error(user, "\"role\" must be resident, staff or supervisor");
    Role role = roles.computeIfAbsent(user, u -> given != null ? given : defaultRole.apply(ConsoleChat.CHANNEL, u));
    String button = text(input, "button");
    String message = text(input, "text");
    if (button == null && message == null) return error(user, "a line needs \"text\" or \"button\"");
    List<Outbound> replies = new ArrayList<>(takePending(user));
    Inbound in = new Inbound(ConsoleChat.CHANNEL, user, user, user, role, message == null ? "" : message, button, List.of());
    Handled h = engine.process(in);
    replies.addAll(h.replies());
    replies.addAll(takePending(user));
    ObjectNode o = JSON.createObjectNode();
    o.put("user", user);
    o.set("replies", replies(replies));
    o.put("handled_as", h.handledAs() == null ? null : h.handledAs().code());
    o.put("case", h.caseId());
    return o;
  }

  private List<Outbound> takePending(String user) {
    List<Outbound> out = new ArrayList<>(backlog.take(ConsoleChat.CHANNEL, user));
    List<Outbound> mine = pending.remove(user);
    if (mine != null) out.addAll(mine);
    return out;
  }

  @Override
  public synchronized void toChat(String channel, String chatId, Outbound message) {
    if (ConsoleChat.CHANNEL.equals(channel)) pending.computeIfAbsent(chatId, k -> new ArrayList<>()).add(message);
    else backlog.add(channel, chatId, message);
  }

  /** Staff notices reach every staff user seen so far, as a staff group would. */
  @Override
  public synchronized void toStaff(Outbound message) {
    roles.forEach((user, role) -> {
      if (role.isStaff()) pending.computeIfAbsent(user, k -> new ArrayList<>()).add(message);
    });
  }

  private static ArrayNode replies(List<Outbound> replies) {
    ArrayNode list = JSON.createArrayNode();
    for (Outbound r : replies) {
      ObjectNode o = list.addObject();
      o.put("text", r.text());
      ArrayNode buttons = o.putArray("buttons");
      for (List<Button> row : r.buttons()) {
        for (Button b : row) buttons.addObject().put("label", b.label()).put("data", b.data());
      }
    }
    return list;
  }

  private static ObjectNode error(String user, String message) {
    ObjectNode o = JSON.createObjectNode();
    o.put("user", user);
    o.putArray("replies");
    o.putNull("handled_as");
    o.putNull("case");
    o.put("error", message);
    return o;
  }

  private static String text(JsonNode o, String field) {
    JsonNode v = o.get(field);
    return v == null || v.isNull() ? null : v.asText();
  }
}
