package cn.fivestar.channels.telegram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import cn.fivestar.infra.UserException;
import cn.fivestar.conversation.Inbound;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Webhook mode: Telegram (here: the test) POSTs updates to the bot, which answers through the Bot API. */
class WebhookTest {
  static final String SECRET = "s3cret-Token_1";

  @TempDir Path dir;
  FakeBotApi api;
  BotHarness bot;
  ScriptedEngine engine;
  int port;
  final HttpClient http = HttpClient.newHttpClient();
  final ObjectMapper json = new ObjectMapper();

  @BeforeEach
  void setUp() throws Exception {
    api = new FakeBotApi();
    bot = new BotHarness(api, dir, s -> s);
    engine = new ScriptedEngine(bot.notifier());
    WebhookSettings hook = new WebhookSettings(URI.create("https://bot.example.org/tg-hook"),
        new InetSocketAddress("127.0.0.1", 0), SECRET);
    port = bot.bot.startWebhook(engine, hook);
  }

  @AfterEach
  void tearDown() {
    bot.close();
    api.close();
  }

  int post(String secret, String body) throws Exception {
    HttpRequest.Builder r = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/tg-hook"))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
    if (secret != null) r.header("X-Telegram-Bot-Api-Secret-Token", secret);
    return http.send(r.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
  }

  String update(int id, String text) throws Exception {
    ObjectNode u = api.text(4242, "王阿姨", text);
    u.put("update_id", id);
    return json.writeValueAsString(u);
  }

  @Test
  void registersTheWebhookWithItsSecret() {
    FakeBotApi.Call set = api.calls("setWebhook").get(0);
    assertEquals("https://bot.example.org/tg-hook", set.params().path("url").asText());
    assertEquals(SECRET, set.params().path("secret_token").asText());
    assertEquals(0, api.calls("getUpdates").size(), "no polling in webhook mode");
  }

  @Test
  void postedUpdatesAreAnsweredOnceEvenWhenTelegramRetries() throws Exception {
    assertEquals(200, post(SECRET, update(77, "你好")));
    assertEquals(200, post(SECRET, update(77, "你好")));
    assertEquals(200, post(SECRET, update(78, "再见")));
    api.awaitText(4242, "收到：再见");
    assertEquals(List.of("你好", "再见"), engine.received.stream().map(Inbound::text).collect(Collectors.toList()));
  }

  @Test
  void strangersAndGarbageAreTurnedAway() throws Exception {
    assertEquals(401, post(null, update(80, "伪造")));
    assertEquals(401, post("wrong", update(81, "伪造")));
    assertEquals(400, post(SECRET, "{not json"));
    assertEquals(400, post(SECRET, "{\"message\":{}}"));
    assertEquals(200, post(SECRET, update(82, "真的")));
    api.awaitText(4242, "收到：真的");
    assertEquals(List.of("真的"), engine.received.stream().map(Inbound::text).collect(Collectors.toList()));
  }

  @Test
  void webhookOptionsAreChecked() {
    assertThrows(UserException.class, () -> WebhookSettings.parse("bot.example.org/hook", null, null));
    assertThrows(UserException.class, () -> WebhookSettings.parse("https://bot.example.org", "port", null));
    assertThrows(UserException.class, () -> WebhookSettings.parse("https://bot.example.org", "8080", "bad secret!"));
    WebhookSettings s = WebhookSettings.parse("https://bot.example.org/hook", "127.0.0.1:9000", null);
    assertEquals(9000, s.listen().getPort());
    assertEquals("/hook", s.path());
    assertEquals(40, s.secret().length(), "a random secret when none is configured");
  }
}
