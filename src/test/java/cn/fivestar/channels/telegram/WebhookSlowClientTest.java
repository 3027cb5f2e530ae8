package cn.fivestar.channels.telegram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.fivestar.infra.HttpServers;
import cn.fivestar.infra.RawHttp;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The webhook endpoint against slow, half-open and greedy clients (no assertion is on time). */
class WebhookSlowClientTest {
  private static final String SECRET = WebhookTest.SECRET;
  private static final int HALF_OPEN = 8;

  @TempDir Path dir;
  private FakeBotApi api;
  private BotHarness bot;
  private ScriptedEngine engine;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(20)).build();
  private final ObjectMapper json = new ObjectMapper();

  @BeforeEach
  void setUp() throws Exception {
    api = new FakeBotApi();
    bot = new BotHarness(api, dir, s -> s);
    engine = new ScriptedEngine(bot.notifier());
  }

  @AfterEach
  void tearDown() {
    bot.close();
    api.close();
  }

  private int start(HttpServers.Limits limits) {
    WebhookSettings hook = new WebhookSettings(URI.create("https://bot.example.org/tg-hook"),
        new InetSocketAddress("127.0.0.1", 0), SECRET);
    return bot.bot.startWebhook(engine, hook, limits);
  }

  private String update(int id, String text) throws Exception {
    ObjectNode u = api.text(4242, "王阿姨", text);
    u.put("update_id", id);
    return json.writeValueAsString(u);
  }

  @Test
  void halfSentRequestsDoNotStopUpdates() throws Exception {
    int port = start(HttpServers.Limits.webhook()
        .withTimeouts(Duration.ofMinutes(5), Duration.ofMinutes(5), Duration.ofMinutes(5)));
    try (RawHttp raw = new RawHttp(port)) {
      for (int i = 0; i < HALF_OPEN; i++) raw.halfOpen("POST /tg-hook HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Telegram-");
      for (int i = 0; i < HALF_OPEN; i++) {
        raw.halfOpen("POST /tg-hook HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Telegram-Bot-Api-Secret-Token: " + SECRET
            + "\r\nContent-Length: 500\r\n\r\n{\"update_id\":");
      }
      HttpResponse<Void> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/tg-hook"))
          .timeout(Duration.ofSeconds(60)).header("X-Telegram-Bot-Api-Secret-Token", SECRET)
          .header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(update(90, "还在吗"), StandardCharsets.UTF_8)).build(),
          HttpResponse.BodyHandlers.discarding());
      assertEquals(200, r.statusCode());
      api.awaitText(4242, "收到：还在吗");
    }
  }

  @Test
  void aHeaderSentOneByteASecondIsCutOff() throws Exception {
    int port = start(HttpServers.Limits.webhook()
        .withTimeouts(Duration.ofMinutes(5), Duration.ofSeconds(2), Duration.ofSeconds(4)));
    String header = "POST /tg-hook HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Telegram-Bot-Api-Secret-Token: " + SECRET
        + "\r\nUser-Agent: " + "x".repeat(40) + "\r\n\r\n";
    try (RawHttp raw = new RawHttp(port)) {
      int sent = raw.dribble(header, Duration.ofSeconds(1));
      assertTrue(sent > 0, "the server closed the connection before the header was complete, got " + sent);
    }
  }

  @Test
  void aBodySentOneByteASecondIsCutOff() throws Exception {
    int port = start(HttpServers.Limits.webhook()
        .withTimeouts(Duration.ofMinutes(5), Duration.ofSeconds(2), Duration.ofSeconds(4)));
    String body = update(91, "慢慢来");
    String request = "POST /tg-hook HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Telegram-Bot-Api-Secret-Token: " + SECRET
        + "\r\nContent-Type: application/json\r\nContent-Length: " + body.getBytes(StandardCharsets.UTF_8).length
        + "\r\n\r\n";
    try (RawHttp raw = new RawHttp(port)) {
      int sent = raw.dribble(request, body, Duration.ofSeconds(1));
      assertTrue(sent > 0, "the server closed the connection before the body was complete, got " + sent);
    }
    assertTrue(engine.received.isEmpty(), "nothing of the cut-off update was handled");
  }

  @Test
  void aBodyOverOneMegabyteIs413() throws Exception {
    int port = start(HttpServers.Limits.webhook());
    try (RawHttp raw = new RawHttp(port)) {
      String head = "POST /tg-hook HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Telegram-Bot-Api-Secret-Token: " + SECRET
          + "\r\nContent-Type: application/json\r\n";
      assertEquals(413, raw.send(head + "Content-Length: 2000000\r\n\r\n", new byte[1000]));
    }
  }

  @Test
  void aChunkedBodyIsCountedAsItArrives() throws Exception {
    int port = start(HttpServers.Limits.webhook().withMaxBodyBytes(1024));
    try (RawHttp raw = new RawHttp(port)) {
      String head = "POST /tg-hook HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Telegram-Bot-Api-Secret-Token: " + SECRET
          + "\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n";
      String chunk = "800\r\n" + "a".repeat(0x800) + "\r\n";
      assertEquals(413, raw.send(head, (chunk + "0\r\n\r\n").getBytes(StandardCharsets.US_ASCII)));
    }
  }
}
