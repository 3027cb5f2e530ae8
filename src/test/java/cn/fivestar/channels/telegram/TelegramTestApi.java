package cn.fivestar.channels.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * The npm package telegram-test-api (a Bot API emulator, installed by {@code .ci/run}) run by node on a free
 * 127.0.0.1 port, and its client API, through which a test acts as a Telegram user: {@code POST /sendMessage} and
 * {@code /sendCallback} queue a user's message or button press for the bot's getUpdates, {@code POST
 * /getUpdatesHistory} lists what the users and the bot sent (the bot's messages with their edits applied).
 */
final class TelegramTestApi implements AutoCloseable {
  /** Where the package is: its folder (node_modules/telegram-test-api) or the npm prefix it was installed into. */
  static final String ENV = "FIVESTAR_TELEGRAM_TEST_API";
  static final String PROPERTY = "fivestar.telegramTestApi";
  static final String TOKEN = "5550001234:TEST-telegram-test-api-token";

  private final Process node;
  private final int port;
  private final String banner;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final ObjectMapper json = new ObjectMapper();

  private TelegramTestApi(Process node, int port, String banner) {
    this.node = node;
    this.port = port;
    this.banner = banner;
  }

  /** The installed package's folder, from {@value #PROPERTY} or {@value #ENV}, or empty when it is not installed. */
  static Optional<Path> locate() {
    String where = System.getProperty(PROPERTY, System.getenv(ENV));
    if (where == null || where.isBlank()) return Optional.empty();
    Path dir = Path.of(where.strip());
    for (Path candidate : List.of(dir, dir.resolve("node_modules").resolve("telegram-test-api"))) {
      if (Files.isRegularFile(candidate.resolve("package.json"))
          && Files.isDirectory(candidate.resolve("lib"))) {
        return Optional.of(candidate.toAbsolutePath());
      }
    }
    return Optional.empty();
  }

  /** Whether {@code node} runs here. */
  static boolean nodeRuns() {
    try {
      Process p = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      return p.waitFor(20, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** Starts the emulator from {@code pkg}; the launcher script is written into {@code work}. */
  static TelegramTestApi start(Path pkg, Path work) throws IOException, InterruptedException {
    Path script = work.resolve("telegram-test-api-server.js");
    try (InputStream in = TelegramTestApi.class.getResourceAsStream("/telegram-test-api/server.js")) {
      if (in == null) throw new IOException("launcher script missing from the test resources");
      Files.write(script, in.readAllBytes());
    }
    IOException last = null;
    for (int attempt = 1; attempt <= 3; attempt++) { // a free port may be taken between finding and binding it
      int port;
      try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
        port = probe.getLocalPort();
      }
      Process node = new ProcessBuilder("node", script.toString(), pkg.toString(), Integer.toString(port))
          .redirectErrorStream(true).start();
      CompletableFuture<String> ready = new CompletableFuture<>();
      StringBuilder output = new StringBuilder();
      Thread reader = new Thread(() -> {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(node.getInputStream(), StandardCharsets.UTF_8))) {
          for (String line; (line = r.readLine()) != null; ) {
            synchronized (output) {
              output.append(line).append('\n');
            }
            if (line.contains(" listening on ")) ready.complete(line);
          }
        } catch (IOException ignored) {
          // the process ended
        }
        ready.complete(null);
      }, "telegram-test-api-output");
      reader.setDaemon(true);
      reader.start();
      String banner;
      try {
        banner = ready.get(30, TimeUnit.SECONDS);
      } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
        banner = null;
      }
      if (banner != null) return new TelegramTestApi(node, port, banner);
      node.destroyForcibly();
      synchronized (output) {
        last = new IOException("telegram-test-api did not start (node " + script + " " + pkg + " " + port + "):\n"
            + output);
      }
    }
    throw last;
  }

  /** The base URL, for TELEGRAM_API_URL. */
  String url() {
    return "http://127.0.0.1:" + port;
  }

  /** "telegram-test-api 4.2.1 listening on …". */
  String banner() {
    return banner;
  }

  /** A user's text message as telegram-test-api's own client makes it (makeMessage), with our token. */
  ObjectNode userMessage(long userId, String firstName, String text) {
    ObjectNode m = json.createObjectNode();
    m.put("botToken", TOKEN);
    m.putObject("from").put("id", userId).put("first_name", firstName).put("username", "user" + userId)
        .put("is_bot", false);
    m.putObject("chat").put("id", userId).put("title", firstName).put("first_name", firstName)
        .put("username", "user" + userId).put("type", "private");
    m.put("date", System.currentTimeMillis() / 1000);
    m.put("text", text);
    return m;
  }

  /** Queues a user's message for the bot. */
  void sendMessage(ObjectNode message) throws IOException, InterruptedException {
    post("/sendMessage", message);
  }

  /** The user presses the inline button labelled {@code label} under the bot's message {@code botMessage}. */
  void press(long userId, String firstName, JsonNode botMessage, String label) throws IOException, InterruptedException {
    JsonNode message = botMessage.path("message");
    String data = null;
    for (JsonNode row : message.path("reply_markup").path("inline_keyboard")) {
      for (JsonNode b : row) if (b.path("text").asText().equals(label)) data = b.path("callback_data").asText();
    }
    if (data == null) throw new AssertionError("no button " + label + " on " + botMessage);
    ObjectNode press = json.createObjectNode();
    press.put("botToken", TOKEN);
    press.set("from", userMessage(userId, firstName, "").get("from"));
    ObjectNode pressed = press.putObject("message");
    pressed.put("message_id", botMessage.path("messageId").asInt()).put("text", message.path("text").asText());
    pressed.putObject("chat").put("id", userId).put("type", "private");
    pressed.set("reply_markup", message.path("reply_markup"));
    press.put("data", data);
    post("/sendCallback", press);
  }

  /** Everything sent so far, oldest first: users' updates and the bot's messages (edits applied). */
  List<JsonNode> history() throws IOException, InterruptedException {
    JsonNode answer = post("/getUpdatesHistory", json.createObjectNode().put("token", TOKEN));
    List<JsonNode> out = new ArrayList<>();
    answer.path("result").forEach(out::add);
    return out;
  }

  /** The bot's messages to a chat, oldest first; each is {messageId, message: {chat_id, text, reply_markup}}. */
  List<JsonNode> botMessages(long chatId) throws IOException, InterruptedException {
    return history().stream().filter(h -> h.path("message").has("chat_id")
        && h.path("message").path("chat_id").asText().equals(Long.toString(chatId))).toList();
  }

  /** Waits (up to 60 s) for a bot message to the chat that satisfies {@code p}, and returns it. */
  JsonNode await(long chatId, String what, Predicate<JsonNode> p) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (true) {
      List<JsonNode> messages = botMessages(chatId);
      Optional<JsonNode> hit = messages.stream().filter(p).findFirst();
      if (hit.isPresent()) return hit.get();
      if (System.nanoTime() > deadline || !node.isAlive()) {
        throw new AssertionError("no " + what + " in chat " + chatId + (node.isAlive() ? "" : " (node exited)")
            + "; history: " + history());
      }
      Thread.sleep(100);
    }
  }

  /** Waits for a bot message to the chat whose text contains {@code text}. */
  JsonNode awaitText(long chatId, String text) throws IOException, InterruptedException {
    return await(chatId, "message containing " + text, m -> text(m).contains(text));
  }

  static String text(JsonNode botMessage) {
    return botMessage.path("message").path("text").asText();
  }

  private JsonNode post(String path, JsonNode body) throws IOException, InterruptedException {
    HttpRequest request = HttpRequest.newBuilder(URI.create(url() + path))
        .timeout(Duration.ofSeconds(10))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body), StandardCharsets.UTF_8))
        .build();
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    if (response.statusCode() != 200) {
      throw new IOException(path + " answered " + response.statusCode() + ": " + response.body());
    }
    return json.readTree(response.body());
  }

  @Override
  public void close() {
    node.destroy();
    try {
      if (!node.waitFor(5, TimeUnit.SECONDS)) node.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      node.destroyForcibly();
    }
  }
}
