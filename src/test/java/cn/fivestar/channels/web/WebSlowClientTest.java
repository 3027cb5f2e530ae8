package cn.fivestar.channels.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.fivestar.cases.CaseService;
import cn.fivestar.cases.MutableClock;
import cn.fivestar.cases.Taxonomy;
import cn.fivestar.cases.WorkCalendar;
import cn.fivestar.infra.Database;
import cn.fivestar.infra.HttpServers;
import cn.fivestar.infra.RawHttp;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dashboard against slow, half-open and greedy clients on raw sockets. No assertion is on time: a request
 * either is answered (clients wait generously) or the connection is closed.
 */
class WebSlowClientTest {
  private static final String TOKEN = "test-token-0123456789abcdef";
  private static final int HALF_OPEN = 8;

  @TempDir Path dir;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(20)).build();
  private CaseService cases;
  private WebServer server;

  @BeforeEach
  void setUp() {
    cases = new CaseService(Database.inDataDir(dir), Taxonomy.defaults(), WorkCalendar.defaults(),
        new MutableClock(LocalDateTime.of(2026, 1, 5, 9, 0)));
  }

  @AfterEach
  void tearDown() {
    if (server != null) server.close();
    cases.close();
  }

  private int start(HttpServers.Limits limits) throws Exception {
    server = new WebServer(cases, new InetSocketAddress("127.0.0.1", 0), TOKEN, limits);
    server.start();
    return server.address().getPort();
  }

  @Test
  void halfSentRequestsDoNotStopOthers() throws Exception {
    // timeouts far longer than the test: only non-blocking handling lets the normal request through
    int port = start(HttpServers.Limits.dashboard()
        .withTimeouts(Duration.ofMinutes(5), Duration.ofMinutes(5), Duration.ofMinutes(5)));
    try (RawHttp raw = new RawHttp(port)) {
      for (int i = 0; i < HALF_OPEN; i++) raw.halfOpen("GET /cases HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Wait: ");
      for (int i = 0; i < HALF_OPEN; i++) {
        raw.halfOpen("POST /login HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 100\r\n\r\ntoken=");
      }
      HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/overdue"))
          .timeout(Duration.ofSeconds(60)).header("Authorization", "Bearer " + TOKEN).build(),
          HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      assertEquals(200, r.statusCode());
      assertTrue(r.body().contains("超期案件"));
    }
  }

  @Test
  void aHeaderSentOneByteASecondIsCutOff() throws Exception {
    int port = start(HttpServers.Limits.dashboard()
        .withTimeouts(Duration.ofMinutes(5), Duration.ofSeconds(2), Duration.ofSeconds(4)));
    String header = "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nUser-Agent: " + "x".repeat(40) + "\r\n\r\n";
    try (RawHttp raw = new RawHttp(port)) {
      int sent = raw.dribble(header, Duration.ofSeconds(1));
      assertTrue(sent > 0, "the server closed the connection before the header was complete, got " + sent);
    }
  }

  @Test
  void aBodyTooLargeIs413() throws Exception {
    int port = start(HttpServers.Limits.dashboard());
    try (RawHttp raw = new RawHttp(port)) {
      assertEquals(413, raw.send("POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded"
          + "\r\nContent-Length: 1000000\r\n\r\n", new byte[1000]));
      assertEquals(413, raw.send("POST /login HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded"
          + "\r\nContent-Length: 17000\r\n\r\n", new byte[1000]));
      // a chunked login form is counted as it arrives: 20 KiB against the 16 KiB the dashboard takes
      String chunk = "1000\r\n" + "a".repeat(0x1000) + "\r\n";
      assertEquals(413, raw.send("POST /login HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded"
          + "\r\nTransfer-Encoding: chunked\r\n\r\n", (chunk.repeat(5) + "0\r\n\r\n").getBytes(StandardCharsets.US_ASCII)));
      assertEquals(431, raw.send("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: " + "y".repeat(20_000) + "\r\n\r\n", null));
    }
  }
}
