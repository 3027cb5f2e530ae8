package cn.fivestar.channels.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * A Bot API server on 127.0.0.1 for tests: real HTTP, the methods the bot uses, an update queue with Telegram's
 * offset semantics (an update stays until a getUpdates with a higher offset confirms it), and scripted trouble per
 * method: 429 with retry_after, 500, a 502 page that is not JSON, a hang, or 404 for methods a server lacks.
 * Every call is recorded. {@link #likeTelegramTestApi()} makes it answer in the shapes of the npm package
 * telegram-test-api instead (a minimal Bot API emulator), so the bot's tolerance is tested on every build.
 */
public final class FakeBotApi implements AutoCloseable {
  public static final String TOKEN = "123456:TEST-fake-token";
  public static final long BOT_ID = 123456;
  public static final String BOT_USERNAME = "fivestar_test_bot";

  /** One HTTP call: the method and its parameters (from JSON, form or query). */
  public record Call(String method, JsonNode params) {}

  /** A message the bot sent (or its latest edit). */
  public record Sent(int messageId, String chatId, String text, JsonNode replyMarkup, JsonNode request) {
    public List<String> buttonLabels() {
      List<String> out = new ArrayList<>();
      JsonNode rows = replyMarkup == null ? null : replyMarkup.get("inline_keyboard");
      if (rows != null) rows.forEach(r -> r.forEach(b -> out.add(b.path("text").asText())));
      return out;
    }

    public List<String> keyboardLabels() {
      List<String> out = new ArrayList<>();
      JsonNode rows = replyMarkup == null ? null : replyMarkup.get("keyboard");
      if (rows != null) rows.forEach(r -> r.forEach(b -> out.add(b.isTextual() ? b.asText() : b.path("text").asText())));
      return out;
    }
  }

  /** Scripted trouble for the next call(s) of a method. */
  public sealed interface Trouble {}

  public record TooManyRequests(int retryAfterSeconds) implements Trouble {}

  public record ServerError(int status) implements Trouble {}

  /** A proxy's HTML error page: not Bot API JSON at all. */
  public record BadGateway() implements Trouble {}

  /** A proxy whose error description quotes the whole request URL, token included. */
  public record EchoUrl(int status) implements Trouble {}

  /** The server sits on the call for a while, then answers 504. */
  public record Hang(Duration howLong) implements Trouble {}

  private final ObjectMapper json = new ObjectMapper();
  private final HttpServer server;
  private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "fake-bot-api");
    t.setDaemon(true);
    return t;
  });

  private final Object lock = new Object();
  private final List<Call> calls = new ArrayList<>();
  private final List<Sent> sent = new ArrayList<>();
  private final Map<String, Deque<Trouble>> troubles = new HashMap<>();
  private final Set<String> unsupported = new HashSet<>();
  private final TreeMap<Integer, ObjectNode> queue = new TreeMap<>();
  private final Map<Integer, ObjectNode> history = new HashMap<>();
  private final List<Integer> forced = new ArrayList<>();
  private int nextUpdateId = 500;
  private int nextMessageId = 1;
  private int nextCallbackId = 1;
  private boolean testApiShapes;

  static {
    // Without it the JDK server's separate header and body writes meet Nagle's algorithm and delayed ACKs:
    // every answer would take ~40 ms on loopback.
    System.setProperty("sun.net.httpserver.nodelay", "true");
  }

  public FakeBotApi() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.setExecutor(executor);
    server.createContext("/", this::handle);
    server.start();
  }

  public String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /**
   * From now on answers the way telegram-test-api 4.x does: getMe without is_bot, every date in milliseconds,
   * messages the bot sent without "from" and with the request's own fields echoed (chat_id…), updates carrying an
   * extra botToken field, null results for answerCallbackQuery/editMessageText/setWebhook, getUpdates answering at
   * once (no long polling), and methods it lacks (setMyCommands, sendChatAction, getFile) refused with HTTP 500 and
   * {"message": "API method '…' is not supported…"}, not a Bot API error.
   */
  public FakeBotApi likeTelegramTestApi() {
    synchronized (lock) {
      testApiShapes = true;
    }
    return this;
  }

  private boolean testApiShapes() {
    synchronized (lock) {
      return testApiShapes;
    }
  }

  // ---- scripting -------------------------------------------------------------------------------------------

  public void trouble(String method, Trouble... next) {
    synchronized (lock) {
      troubles.computeIfAbsent(method, m -> new ArrayDeque<>()).addAll(List.of(next));
    }
  }

  /** From now on the method is unknown to this server (404), like on a minimal Bot API implementation. */
  public void unsupported(String method) {
    synchronized (lock) {
      unsupported.add(method);
    }
  }

  /** Queues an update (its update_id is assigned here) and returns the id. */
  public int enqueue(ObjectNode update) {
    synchronized (lock) {
      int id = nextUpdateId++;
      update.put("update_id", id);
      queue.put(id, update);
      history.put(id, update.deepCopy());
      lock.notifyAll();
      return id;
    }
  }

  /** Makes the next getUpdates return this (already confirmed) update again, as a misbehaving server would. */
  public void redeliver(int updateId) {
    synchronized (lock) {
      forced.add(updateId);
      lock.notifyAll();
    }
  }

  /** Updates still unconfirmed. */
  public int unconfirmed() {
    synchronized (lock) {
      return queue.size();
    }
  }

  // ---- update builders ---------------------------------------------------------------------------------------

  public ObjectNode user(long id, String name) {
    ObjectNode u = json.createObjectNode();
    u.put("id", id).put("is_bot", false).put("first_name", name);
    return u;
  }

  /** Now, as a message date: seconds like Telegram, milliseconds like telegram-test-api. */
  private long now() {
    return testApiShapes() ? System.currentTimeMillis() : System.currentTimeMillis() / 1000;
  }

  private ObjectNode message(long chatId, String chatType, long userId, String name) {
    ObjectNode m = json.createObjectNode();
    ObjectNode chat = m.putObject("chat").put("id", chatId).put("type", chatType);
    if (chatType.equals("private")) chat.put("first_name", name); else chat.put("title", "社区工作群");
    m.put("message_id", 10_000 + nextUpdateId).put("date", now());
    m.set("from", user(userId, name));
    if (testApiShapes()) m.put("botToken", TOKEN);
    return m;
  }

  /** A text message in a private chat (chat id = user id, as Telegram does). */
  public ObjectNode text(long userId, String name, String text) {
    return textIn(userId, "private", userId, name, text);
  }

  public ObjectNode groupText(long groupId, long userId, String name, String text) {
    return textIn(groupId, "supergroup", userId, name, text);
  }

  private ObjectNode textIn(long chatId, String type, long userId, String name, String text) {
    ObjectNode m = message(chatId, type, userId, name);
    m.put("text", text);
    if (text.startsWith("/")) {
      ArrayNode entities = m.putArray("entities");
      entities.addObject().put("type", "bot_command").put("offset", 0).put("length", text.split("\\s")[0].length());
    }
    return wrap("message", m);
  }

  /** A photo in three sizes (like Telegram sends); the largest has file id {@code fileId}. */
  public ObjectNode photo(long userId, String name, String fileId, String caption) {
    ObjectNode m = message(userId, "private", userId, name);
    ArrayNode sizes = m.putArray("photo");
    sizes.addObject().put("file_id", fileId + "-small").put("file_unique_id", "s").put("width", 90).put("height", 67);
    sizes.addObject().put("file_id", fileId).put("file_unique_id", "l").put("width", 1280).put("height", 960);
    sizes.addObject().put("file_id", fileId + "-mid").put("file_unique_id", "m").put("width", 320).put("height", 240);
    if (caption != null) m.put("caption", caption);
    return wrap("message", m);
  }

  public ObjectNode sticker(long userId, String name) {
    ObjectNode m = message(userId, "private", userId, name);
    m.putObject("sticker").put("file_id", "st1").put("file_unique_id", "st").put("type", "regular")
        .put("width", 512).put("height", 512).put("is_animated", false).put("is_video", false);
    return wrap("message", m);
  }

  /** The person presses the button labelled {@code label} on the latest message the bot sent to that chat. */
  public ObjectNode press(long chatId, long userId, String name, String label) {
    Sent target;
    synchronized (lock) {
      target = null;
      for (int i = sent.size() - 1; i >= 0 && target == null; i--) {
        Sent s = sent.get(i);
        if (s.chatId().equals(Long.toString(chatId)) && s.buttonLabels().contains(label)) target = s;
      }
    }
    if (target == null) throw new AssertionError("no message in chat " + chatId + " has a button " + label);
    String data = null;
    for (JsonNode row : target.replyMarkup().get("inline_keyboard")) {
      for (JsonNode b : row) if (b.path("text").asText().equals(label)) data = b.path("callback_data").asText();
    }
    ObjectNode q = json.createObjectNode();
    q.put("id", "cb" + nextCallbackId++).put("chat_instance", "ci" + chatId).put("data", data);
    q.set("from", user(userId, name));
    q.set("message", messageJson(target, chatId < 0 ? "supergroup" : "private"));
    return wrap("callback_query", q);
  }

  private ObjectNode wrap(String field, ObjectNode content) {
    ObjectNode u = json.createObjectNode();
    u.set(field, content);
    return u;
  }

  // ---- inspection ----------------------------------------------------------------------------------------------

  public List<Call> calls() {
    synchronized (lock) {
      return List.copyOf(calls);
    }
  }

  public List<Call> calls(String method) {
    return calls().stream().filter(c -> c.method().equals(method)).collect(Collectors.toList());
  }

  /** Messages delivered to a chat, oldest first (edits applied). */
  public List<Sent> sentTo(long chatId) {
    synchronized (lock) {
      return sent.stream().filter(s -> s.chatId().equals(Long.toString(chatId))).collect(Collectors.toList());
    }
  }

  public List<String> textsTo(long chatId) {
    return sentTo(chatId).stream().map(Sent::text).collect(Collectors.toList());
  }

  public int sentCount() {
    synchronized (lock) {
      return sent.size();
    }
  }

  public List<Sent> allSent() {
    synchronized (lock) {
      return List.copyOf(sent);
    }
  }

  /** Waits (bounded) until the condition holds; fails with what the server saw otherwise. */
  public void await(String what, BooleanSupplier condition) {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out waiting for " + what + "; calls: " + summary());
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted");
      }
    }
  }

  /** Waits until some message to the chat satisfies the predicate, and returns it. */
  public Sent awaitMessage(long chatId, Predicate<Sent> p) {
    await("a message to " + chatId, () -> sentTo(chatId).stream().anyMatch(p));
    return sentTo(chatId).stream().filter(p).findFirst().orElseThrow();
  }

  public Sent awaitText(long chatId, String contains) {
    return awaitMessage(chatId, s -> s.text().contains(contains));
  }

  private String summary() {
    synchronized (lock) {
      return calls.stream().map(c -> c.method() + (c.params().has("text") ? "(" + c.params().get("text").asText()
          + ")" : "")).collect(Collectors.joining(", "));
    }
  }

  // ---- HTTP --------------------------------------------------------------------------------------------------

  private void handle(HttpExchange ex) throws IOException {
    try {
      String path = ex.getRequestURI().getPath();
      String prefix = "/bot" + TOKEN + "/";
      if (!path.startsWith(prefix)) {
        reply(ex, 401, error(401, "Unauthorized"));
        return;
      }
      String method = canonical(path.substring(prefix.length()));
      ObjectNode params = params(ex);
      Trouble trouble;
      boolean known;
      synchronized (lock) {
        calls.add(new Call(method, params));
        Deque<Trouble> t = troubles.get(method);
        trouble = t == null ? null : t.pollFirst();
        known = !unsupported.contains(method);
      }
      if (trouble != null) {
        troubled(ex, trouble);
        return;
      }
      boolean shapes = testApiShapes();
      if (shapes && !TEST_API_METHODS.contains(method)) known = false;
      if (!known) {
        if (shapes) {
          reply(ex, 500, json.writeValueAsBytes(json.createObjectNode().put("message", "API method '"
              + method.toLowerCase() + "' is not supported. Are you sure you're using Telegram Bot API correctly?")));
        } else {
          reply(ex, 404, error(404, "Not Found"));
        }
        return;
      }
      JsonNode result = switch (method) {
        case "getMe" -> botUser();
        case "getUpdates" -> getUpdates(params);
        case "sendMessage" -> sendMessage(params);
        case "editMessageText" -> editMessageText(params);
        case "answerCallbackQuery", "setMyCommands", "deleteWebhook", "sendChatAction", "setWebhook" ->
            JsonNodeFactory.instance.booleanNode(true);
        case "getFile" -> json.createObjectNode().put("file_id", params.path("file_id").asText())
            .put("file_unique_id", "u1").put("file_size", 1234).put("file_path", "photos/file_1.jpg");
        default -> null;
      };
      if (result == null) {
        reply(ex, 404, error(404, "Not Found"));
        return;
      }
      if (shapes && List.of("answerCallbackQuery", "editMessageText", "setWebhook").contains(method)) {
        result = JsonNodeFactory.instance.nullNode();
      }
      ObjectNode ok = json.createObjectNode().put("ok", true);
      ok.set("result", result);
      reply(ex, 200, json.writeValueAsBytes(ok));
    } catch (BadRequest e) {
      reply(ex, 400, error(400, e.getMessage()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      ex.close();
    }
  }

  private static final List<String> METHODS = List.of("getMe", "getUpdates", "sendMessage", "editMessageText",
      "answerCallbackQuery", "setMyCommands", "deleteWebhook", "sendChatAction", "getFile", "setWebhook");

  /** The methods telegram-test-api 4.x implements (of those this server knows). */
  private static final Set<String> TEST_API_METHODS = Set.of("getMe", "getUpdates", "sendMessage",
      "editMessageText", "answerCallbackQuery", "deleteWebhook", "setWebhook");

  /** Bot API method names are case-insensitive (telegrambots sends them in lower case). */
  private static String canonical(String method) {
    return METHODS.stream().filter(m -> m.equalsIgnoreCase(method)).findFirst().orElse(method);
  }

  private void troubled(HttpExchange ex, Trouble t) throws IOException, InterruptedException {
    if (t instanceof TooManyRequests r) {
      ObjectNode body = json.createObjectNode().put("ok", false).put("error_code", 429)
          .put("description", "Too Many Requests: retry after " + r.retryAfterSeconds());
      body.putObject("parameters").put("retry_after", r.retryAfterSeconds());
      reply(ex, 429, json.writeValueAsBytes(body));
    } else if (t instanceof ServerError s) {
      reply(ex, s.status(), error(s.status(), "Internal Server Error"));
    } else if (t instanceof BadGateway) {
      ex.getResponseHeaders().add("Content-Type", "text/html");
      byte[] page = "<html><body><h1>502 Bad Gateway</h1></body></html>".getBytes(StandardCharsets.UTF_8);
      ex.sendResponseHeaders(502, page.length);
      ex.getResponseBody().write(page);
    } else if (t instanceof EchoUrl e) {
      reply(ex, e.status(), error(e.status(), "upstream failed for " + url() + ex.getRequestURI()));
    } else if (t instanceof Hang h) {
      Thread.sleep(h.howLong().toMillis());
      reply(ex, 504, error(504, "Gateway Timeout"));
    }
  }

  private JsonNode getUpdates(JsonNode p) throws InterruptedException {
    Integer offset = p.hasNonNull("offset") ? p.get("offset").asInt() : null;
    int limit = p.hasNonNull("limit") ? p.get("limit").asInt() : 100;
    long waitMs = testApiShapes() ? 0 : Math.min(p.path("timeout").asLong(0) * 1000, 2000);
    long deadline = System.currentTimeMillis() + waitMs;
    ArrayNode out = json.createArrayNode();
    synchronized (lock) {
      if (offset != null) queue.headMap(offset).clear(); // confirmed
      while (queue.isEmpty() && forced.isEmpty() && System.currentTimeMillis() < deadline) {
        lock.wait(Math.max(1, deadline - System.currentTimeMillis()));
        if (offset != null) queue.headMap(offset).clear();
      }
      for (Integer id : forced) out.add(history.get(id).deepCopy());
      forced.clear();
      Iterator<ObjectNode> it = queue.values().iterator();
      while (it.hasNext() && out.size() < limit) out.add(it.next().deepCopy());
    }
    return out;
  }

  private JsonNode sendMessage(JsonNode p) {
    String chatId = p.path("chat_id").asText();
    String text = p.path("text").asText();
    if (text.isEmpty()) throw new BadRequest("Bad Request: message text is empty");
    if (text.length() > 4096) throw new BadRequest("Bad Request: message is too long");
    Sent s;
    synchronized (lock) {
      s = new Sent(nextMessageId++, chatId, text, p.get("reply_markup"), p);
      sent.add(s);
    }
    return messageJson(s, chatId.startsWith("-") ? "supergroup" : "private");
  }

  private JsonNode editMessageText(JsonNode p) {
    String chatId = p.path("chat_id").asText();
    int messageId = p.path("message_id").asInt();
    synchronized (lock) {
      for (int i = 0; i < sent.size(); i++) {
        Sent s = sent.get(i);
        if (s.chatId().equals(chatId) && s.messageId() == messageId) {
          Sent edited = new Sent(messageId, chatId, p.path("text").asText(), p.get("reply_markup"), p);
          sent.set(i, edited);
          return messageJson(edited, chatId.startsWith("-") ? "supergroup" : "private");
        }
      }
    }
    throw new BadRequest("Bad Request: message to edit not found");
  }

  private ObjectNode messageJson(Sent s, String chatType) {
    ObjectNode m = json.createObjectNode();
    m.put("message_id", s.messageId()).put("date", now()).put("text", s.text());
    m.putObject("chat").put("id", Long.parseLong(s.chatId())).put("type", chatType);
    if (testApiShapes()) {
      m.put("chat_id", s.chatId()); // the request's fields come back as they were sent
    } else {
      m.set("from", botUser());
    }
    if (s.replyMarkup() != null && s.replyMarkup().has("inline_keyboard")) m.set("reply_markup", s.replyMarkup());
    return m;
  }

  private ObjectNode botUser() {
    ObjectNode me = json.createObjectNode().put("id", BOT_ID).put("is_bot", true).put("first_name", "五星助手")
        .put("username", BOT_USERNAME);
    if (testApiShapes()) me.remove("is_bot");
    return me;
  }

  /** Parameters from the query string and the body (JSON, as telegrambots sends, or form-encoded). */
  private ObjectNode params(HttpExchange ex) throws IOException {
    ObjectNode p = json.createObjectNode();
    String query = ex.getRequestURI().getRawQuery();
    if (query != null) form(query, p);
    byte[] body = ex.getRequestBody().readAllBytes();
    if (body.length == 0) return p;
    String type = String.valueOf(ex.getRequestHeaders().getFirst("Content-Type")).toLowerCase();
    if (type.contains("json")) {
      JsonNode node = json.readTree(body);
      if (node instanceof ObjectNode o) p.setAll(o);
    } else if (type.contains("x-www-form-urlencoded")) {
      form(new String(body, StandardCharsets.UTF_8), p);
    } else if (type.contains("multipart/form-data")) {
      String raw = ex.getRequestHeaders().getFirst("Content-Type");
      multipart(new String(body, StandardCharsets.UTF_8), raw.replaceAll(".*boundary=\"?([^\";]+)\"?.*", "$1"), p);
    }
    return p;
  }

  /** Text parts of a multipart body (telegrambots sends setWebhook and file uploads this way). */
  private void multipart(String body, String boundary, ObjectNode into) throws IOException {
    for (String part : body.split("--" + java.util.regex.Pattern.quote(boundary))) {
      int split = part.indexOf("\r\n\r\n");
      if (split < 0) continue;
      String headers = part.substring(0, split);
      java.util.regex.Matcher name = java.util.regex.Pattern.compile("name=\"([^\"]+)\"").matcher(headers);
      if (!name.find()) continue;
      String value = part.substring(split + 4).replaceAll("\r\n$", "");
      if (headers.toLowerCase().contains("application/json")) into.set(name.group(1), json.readTree(value));
      else into.put(name.group(1), value);
    }
  }

  private void form(String encoded, ObjectNode into) throws IOException {
    for (String pair : encoded.split("&")) {
      if (pair.isEmpty()) continue;
      String[] kv = pair.split("=", 2);
      String key = URLDecoder.decode(kv[0], StandardCharsets.UTF_8);
      String value = kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "";
      // Nested values (reply_markup) arrive as JSON text in form bodies.
      if (value.startsWith("{") || value.startsWith("[")) into.set(key, json.readTree(value));
      else into.put(key, value);
    }
  }

  private byte[] error(int code, String description) throws IOException {
    return json.writeValueAsBytes(json.createObjectNode().put("ok", false).put("error_code", code)
        .put("description", description));
  }

  private void reply(HttpExchange ex, int status, byte[] body) throws IOException {
    ex.getResponseHeaders().add("Content-Type", "application/json");
    ex.sendResponseHeaders(status, body.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(body);
    }
  }

  private static final class BadRequest extends RuntimeException {
    BadRequest(String message) {
      super(message);
    }
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
