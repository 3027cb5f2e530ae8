package cn.fivestar.channels.web;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import cn.fivestar.infra.Database;
import cn.fivestar.infra.RawHttp;
import cn.fivestar.app.Main;
import cn.fivestar.infra.TestLogs;
import cn.fivestar.infra.UserException;
import cn.fivestar.cases.CaseKind;
import cn.fivestar.cases.CaseRecord;
import cn.fivestar.cases.CaseService;
import cn.fivestar.cases.MutableClock;
import cn.fivestar.cases.CaseStatus;
import cn.fivestar.cases.NewCase;
import cn.fivestar.cases.Taxonomy;
import cn.fivestar.cases.WorkCalendar;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** The dashboard over real HTTP on 127.0.0.1 and a real SQLite case store. */
class WebServerTest {
  private static final String TOKEN = "test-token-0123456789abcdef";

  @TempDir Path dir;
  private final MutableClock clock = new MutableClock(LocalDateTime.of(2026, 1, 5, 9, 0));
  private final HttpClient http = HttpClient.newHttpClient();
  private CaseService cases;
  private WebServer server;
  private CaseRecord fixed;     // closed and rated, text with a phone number and a script tag
  private CaseRecord rubbish;   // 环境卫生, overdue later
  private CaseRecord dispute;   // 矛盾纠纷 consultation: 2 working days, the most overdue

  @BeforeEach
  void setUp() throws IOException {
    cases = new CaseService(Database.inDataDir(dir), Taxonomy.defaults(), WorkCalendar.defaults(), clock);
    fixed = cases.create(new NewCase("telegram", "u1", "chat-u1", "张三", "13812345678",
        "楼道灯坏了<script>alert(1)</script>，联系电话 13812345678", "幸福社区3号楼", "设施维修", CaseKind.HELP, List.of()));
    rubbish = cases.create(new NewCase("telegram", "u2", "chat-u2", "李四", null, "垃圾好几天没人清运", "幸福社区",
        "环境卫生", CaseKind.HELP, List.of()));
    dispute = cases.create(new NewCase("telegram", "u3", "chat-u3", "王五", null, "楼上漏水邻居不管", "幸福社区5号楼",
        "矛盾纠纷", CaseKind.CONSULTATION, List.of()));
    cases.assign(fixed.id(), "赵师傅", "网格员小刘");
    cases.addNote(fixed.id(), "网格员小刘", "已联系物业<b>备件</b>");
    cases.reply(fixed.id(), "网格员小刘", "灯已经换好了。");
    cases.transition(fixed.id(), CaseStatus.CLOSED, "网格员小刘", null);
    cases.rate(fixed.id(), "telegram", "u1", 5, "很及时");
    clock.set(LocalDateTime.of(2026, 1, 21, 10, 0));
    server = new WebServer(cases, new InetSocketAddress("127.0.0.1", 0), TOKEN);
    server.start();
  }

  @AfterEach
  void tearDown() {
    server.close();
    cases.close();
  }

  @Test
  void everyPageNeedsTheToken() throws Exception {
    for (String path : List.of("/", "/cases", "/overdue", "/cases/" + fixed.id(), "/export.csv")) {
      HttpResponse<String> none = get(path, null);
      assertEquals(401, none.statusCode(), path);
      assertTrue(none.body().contains("访问口令"), path);
      assertFalse(none.body().contains("楼道灯") || none.body().contains("垃圾"), "nothing of the cases leaks: " + path);
      assertEquals(401, get(path, "wrong-token-0123456789abcdef").statusCode(), path);
      clock.advance(LoginThrottle.MAX);  // past the wait that a wrong token costs
      assertEquals(200, get(path, TOKEN).statusCode(), path);
    }
  }

  @Test
  void theLoginFormPostsTheTokenAndSetsAnExpiringSignedSessionCookie() throws Exception {
    HttpResponse<String> asked = get("/cases?category=" + URLEncoder.encode("环境卫生", StandardCharsets.UTF_8), null);
    assertEquals(401, asked.statusCode());
    assertTrue(asked.body().contains("method=\"post\" action=\"/login\""), asked.body());
    assertTrue(asked.body().contains("name=\"next\" value=\"/cases?category=%E7%8E%AF"), "comes back here afterwards");

    String next = "/cases?category=" + URLEncoder.encode("环境卫生", StandardCharsets.UTF_8);
    HttpResponse<String> login = postForm("/login", "token=" + TOKEN + "&next=" + URLEncoder.encode(next, StandardCharsets.UTF_8), null);
    assertEquals(303, login.statusCode());
    assertEquals(next, login.headers().firstValue("Location").orElseThrow());
    String setCookie = login.headers().firstValue("Set-Cookie").orElseThrow();
    for (String attribute : List.of("Max-Age=43200", "HttpOnly", "SameSite=Strict", "Path=/")) {
      assertTrue(setCookie.contains(attribute), setCookie);
    }
    assertFalse(setCookie.contains(TOKEN), "the cookie holds a signed session id, not the token");
    String cookie = setCookie.substring(0, setCookie.indexOf(';'));
    String again = postForm("/login", "token=" + TOKEN, null).headers().firstValue("Set-Cookie").orElseThrow();
    assertFalse(again.startsWith(cookie), "each login is a new session, not a value derived from the token");

    HttpResponse<String> page = withCookie(next, cookie);
    assertEquals(200, page.statusCode());
    assertTrue(page.body().contains(rubbish.id()));
    assertTrue(page.body().contains("action=\"/logout\""), "a logout button");
    String value = cookie.substring(cookie.indexOf('=') + 1);
    String forgedExpiry = value.replaceFirst("\\.(\\d+)\\.", ".9999999999.");
    assertEquals(401, withCookie("/", WebAccess.COOKIE + "=" + forgedExpiry).statusCode(), "signed: expiry cannot be changed");
    assertEquals(401, withCookie("/", WebAccess.COOKIE + "=forged").statusCode());

    clock.advance(WebAccess.SESSION.minusMinutes(1));
    assertEquals(200, withCookie("/", cookie).statusCode());
    clock.advance(Duration.ofMinutes(1));
    assertEquals(401, withCookie("/", cookie).statusCode(), "expired on the server after 12 hours");
  }

  @Test
  void aTokenInTheAddressIsRefused() throws Exception {
    HttpResponse<String> r = send(HttpRequest.newBuilder(uri("/cases?token=" + TOKEN)).build());
    assertEquals(400, r.statusCode());
    assertTrue(r.body().contains("访问口令不能写在网址里"), r.body());
    assertTrue(r.headers().firstValue("Set-Cookie").isEmpty());
    assertFalse(r.body().contains(rubbish.id()));
    HttpResponse<String> wrong = postForm("/login", "token=nope", null);
    assertEquals(401, wrong.statusCode());
    assertTrue(wrong.body().contains("口令不正确"));
    assertTrue(wrong.headers().firstValue("Set-Cookie").isEmpty());
  }

  @Test
  void logoutEndsTheSessionOnTheServerAndClearsTheCookie() throws Exception {
    String cookie = login();
    assertEquals(200, withCookie("/", cookie).statusCode());
    HttpResponse<String> out = postForm("/logout", "", cookie);
    assertEquals(303, out.statusCode());
    assertEquals("/login", out.headers().firstValue("Location").orElseThrow());
    String cleared = out.headers().firstValue("Set-Cookie").orElseThrow();
    assertTrue(cleared.startsWith(WebAccess.COOKIE + "=;") && cleared.contains("Max-Age=0"), cleared);
    assertEquals(401, withCookie("/", cookie).statusCode(), "the old cookie, replayed, no longer works");
    assertEquals(405, withCookie("/logout", cookie).statusCode(), "only POST logs out");
  }

  @Test
  void loginOnlyRedirectsWithinTheDashboard() throws Exception {
    for (String next : List.of("//evil.example/", "/\\evil.example", "https://evil.example/", "evil", "/a b")) {
      HttpResponse<String> r = postForm("/login", "token=" + TOKEN + "&next=" + URLEncoder.encode(next, StandardCharsets.UTF_8), null);
      assertEquals("/", r.headers().firstValue("Location").orElseThrow(), next);
    }
  }

  @Test
  void wrongTokensMakeTheirAddressWaitLongerAndLonger() throws Exception {
    String right = "token=" + TOKEN;
    assertEquals(401, postForm("/login", "token=wrong-1", null).statusCode());
    HttpResponse<String> early = postForm("/login", right, null);
    assertEquals(429, early.statusCode(), "not even the right token is checked while waiting");
    assertEquals("1", early.headers().firstValue("Retry-After").orElseThrow());
    assertTrue(early.body().contains("1 秒后再试"), early.body());
    assertEquals(429, get("/", TOKEN).statusCode(), "nor a Bearer token");

    clock.advance(Duration.ofSeconds(1));
    assertEquals(401, get("/", "wrong-token-0123456789abcdef").statusCode());
    assertEquals("2", postForm("/login", right, null).headers().firstValue("Retry-After").orElseThrow());
    clock.advance(Duration.ofSeconds(2));
    assertEquals(401, postForm("/login", "token=wrong-3", null).statusCode());
    assertEquals("4", postForm("/login", right, null).headers().firstValue("Retry-After").orElseThrow());
    clock.advance(Duration.ofSeconds(3));
    assertEquals("1", postForm("/login", right, null).headers().firstValue("Retry-After").orElseThrow());
    clock.advance(Duration.ofSeconds(1));
    String cookie = postForm("/login", right, null).headers().firstValue("Set-Cookie").orElseThrow();
    cookie = cookie.substring(0, cookie.indexOf(';'));
    assertEquals(401, postForm("/login", "token=wrong-again", null).statusCode());
    assertEquals("1", postForm("/login", right, null).headers().firstValue("Retry-After").orElseThrow(),
        "the right token cleared the count");
    assertEquals(200, withCookie("/", cookie).statusCode(), "a live session is not held up by the wait");
  }

  @Test
  void theWaitGrowsPerAddressUpToFifteenMinutes() {
    MutableClock c = new MutableClock(LocalDateTime.of(2026, 1, 5, 9, 0));
    LoginThrottle t = new LoginThrottle(c);
    List<Long> waits = new java.util.ArrayList<>();
    for (int i = 0; i < 14; i++) {
      t.failed("10.0.0.1");
      waits.add(t.waitFor("10.0.0.1").toSeconds());
      c.advance(t.waitFor("10.0.0.1"));
    }
    assertEquals(List.of(1L, 2L, 4L, 8L, 16L, 32L, 64L, 128L, 256L, 512L, 900L, 900L, 900L, 900L), waits);
    t.failed("10.0.0.1");
    assertEquals(Duration.ZERO, t.waitFor("10.0.0.2"), "other addresses are not affected");
    t.succeeded("10.0.0.1");
    assertEquals(Duration.ZERO, t.waitFor("10.0.0.1"));
    t.failed("10.0.0.1");
    c.advance(LoginThrottle.FORGET.plusMinutes(1));
    t.failed("10.0.0.1");
    assertEquals(Duration.ofSeconds(1), t.waitFor("10.0.0.1"), "an hour without failures starts the count afresh");
  }

  @Test
  void overviewShowsTheFiguresAndChartsWithSafeHeaders() throws Exception {
    HttpResponse<String> r = get("/", TOKEN);
    assertEquals(200, r.statusCode());
    assertEquals("text/html; charset=utf-8", r.headers().firstValue("Content-Type").orElseThrow());
    assertEquals("nosniff", r.headers().firstValue("X-Content-Type-Options").orElseThrow());
    String csp = r.headers().firstValue("Content-Security-Policy").orElseThrow();
    assertTrue(csp.startsWith("default-src 'none'; style-src 'unsafe-inline'; img-src data:"), csp);
    String body = r.body();
    assertTrue(body.contains("<svg"));
    assertTrue(body.contains("解决率</div><div class=\"v\">33.3%"), "1 of 3 closed");
    assertTrue(body.contains("满意率</div><div class=\"v\">100.0%"), "the one rating is 5");
    assertTrue(body.contains("案件总数</div><div class=\"v\">3<"));
    assertTrue(body.contains("<a href=\"/overdue\">2</a>"), "two cases past their deadline");
    assertTrue(body.contains("平安法治星") && body.contains("环境卫生"));

    // a range without cases: zero, and rates shown as —
    String empty = get("/?from=2025-01-01&to=2025-01-31", TOKEN).body();
    assertTrue(empty.contains("案件总数</div><div class=\"v\">0<"));
    assertTrue(empty.contains("解决率</div><div class=\"v\">—"));
  }

  @Test
  void filtersNarrowTheList() throws Exception {
    assertIds("/cases", fixed, rubbish, dispute);
    assertIds("/cases?category=" + URLEncoder.encode("环境卫生", StandardCharsets.UTF_8), rubbish);
    assertIds("/cases?status=closed", fixed);
    assertIds("/cases?status=" + URLEncoder.encode("已受理", StandardCharsets.UTF_8), rubbish, dispute);
    assertIds("/cases?star=" + URLEncoder.encode("平安法治星", StandardCharsets.UTF_8), dispute);
    assertIds("/cases?overdue=1", rubbish, dispute);
    assertIds("/cases?overdue=1&category=" + URLEncoder.encode("矛盾纠纷", StandardCharsets.UTF_8), dispute);
  }

  @Test
  void invalidFiltersGetAClearMessageNotAServerError() throws Exception {
    check400("/cases?status=bogus", "未知的状态");
    check400("/cases?category=" + URLEncoder.encode("<i>外星人</i>", StandardCharsets.UTF_8), "未知的分类");
    check400("/cases?star=" + URLEncoder.encode("六星", StandardCharsets.UTF_8), "未知的星");
    check400("/cases?overdue=maybe", "只看超期");
    check400("/?from=2026-13-01", "不是有效日期");
    check400("/?from=2026-02-01&to=2026-01-01", "开始日期不能晚于结束日期");
    check400("/export.csv?to=yesterday", "不是有效日期");
    // HttpClient will not send a broken escape, so this one is checked on the parser
    assertEquals(400, assertThrows(HttpError.class, () -> Query.parse("status=%zz")).status());
    String body = get("/cases?category=" + URLEncoder.encode("<i>外星人</i>", StandardCharsets.UTF_8), TOKEN).body();
    assertFalse(body.contains("<i>外星人"), "the bad value is escaped");
    assertTrue(body.contains("<form"), "the form is shown again");
  }

  @Test
  void extremeOrMalformedDatesGetAClear400AndNoErrorInTheLog() throws Exception {
    Logger logger = (Logger) LoggerFactory.getLogger(WebServer.class);
    ListAppender<ILoggingEvent> logs = new ListAppender<>();
    logs.start();
    logger.addAppender(logs);
    try {
      check400("/?from=-999999999-01-01", "不是有效日期");
      check400("/?to=%2B999999999-12-31", "不是有效日期");
      check400("/?from=1000-01-01", "超出范围");
      check400("/?to=9999-12-31", "超出范围");
      check400("/cases?from=abc", "不是有效日期");
      check400("/cases?to=-999999999-01-01", "不是有效日期");
      check400("/cases?from=2026-02-01&to=2026-01-01", "开始日期不能晚于结束日期");
      check400("/export.csv?from=-999999999-01-01", "不是有效日期");
      assertTrue(get("/cases?from=abc", TOKEN).body().contains("value=\"abc\""), "the form keeps what was typed");
    } finally {
      logger.detachAppender(logs);
    }
    assertEquals(List.of(), TestLogs.events(logs).stream().filter(e -> e.getLevel().isGreaterOrEqual(Level.ERROR))
        .map(ILoggingEvent::getFormattedMessage).toList());
    // the list filters by date like the overview: all three cases were received on 2026-01-05
    assertIds("/cases?from=2026-01-05&to=2026-01-05", fixed, rubbish, dispute);
    assertIds("/cases?from=2026-01-06");
  }

  @Test
  void withoutATokenOnlyLoopbackHostNamesAreServed() throws Exception {
    try (WebServer open = new WebServer(cases, new InetSocketAddress("127.0.0.1", 0), null);
         RawHttp raw = new RawHttp(startedPort(open))) {
      int port = open.address().getPort();
      for (String host : List.of("localhost:" + port, "127.0.0.1:" + port, "[::1]:" + port, "LOCALHOST", "127.0.0.1")) {
        assertEquals(200, raw.send("GET /overdue HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n", null), host);
      }
      for (String host : List.of("evil.example:" + port, "evil.example", "localhost.evil.example:" + port,
          "127.0.0.1.evil.example", "0.0.0.0:" + port)) {
        assertEquals(403, raw.send("GET /overdue HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n", null), host);
      }
      assertEquals(400, raw.send("GET /overdue HTTP/1.1\r\nHost: localhost:" + port + "@evil.example\r\n"
          + "Connection: close\r\n\r\n", null), "a malformed Host: Jetty refuses it itself");
      assertEquals(400, raw.send("GET http://evil.example/overdue HTTP/1.1\r\nHost: 127.0.0.1\r\n"
          + "Connection: close\r\n\r\n", null), "an absolute target naming another host: Jetty refuses it");
      assertEquals(403, raw.send("GET http://evil.example/overdue HTTP/1.1\r\nHost: evil.example\r\n"
          + "Connection: close\r\n\r\n", null), "absolute request target");
      String refused = raw.fetch("GET / HTTP/1.1\r\nHost: evil.example\r\nConnection: close\r\n\r\n");
      assertTrue(refused.startsWith("HTTP/1.1 403") && refused.contains("只能在本机"), refused);
      assertFalse(refused.contains("案件总数"), refused);
    }
    // with a token the name does not matter (the token does)
    try (RawHttp raw = new RawHttp(server.address().getPort())) {
      assertEquals(200, raw.send("GET /overdue HTTP/1.1\r\nHost: dashboard.example.org\r\nAuthorization: Bearer "
          + TOKEN + "\r\nConnection: close\r\n\r\n", null));
    }
  }

  private static int startedPort(WebServer s) throws IOException {
    s.start();
    return s.address().getPort();
  }

  @Test
  void overdueListsTheMostOverdueFirst() throws Exception {
    String body = get("/overdue", TOKEN).body();
    assertTrue(body.contains(dispute.id()) && body.contains(rubbish.id()));
    assertFalse(body.contains(fixed.id()));
    assertTrue(body.indexOf(dispute.id()) < body.indexOf(rubbish.id()));
  }

  @Test
  void detailMasksPersonalDataAndEscapesResidentText() throws Exception {
    HttpResponse<String> r = get("/cases/" + fixed.id(), TOKEN);
    assertEquals(200, r.statusCode());
    String body = r.body();
    assertFalse(body.contains("13812345678"));
    assertTrue(body.contains("138****5678"));
    assertFalse(body.contains("<script>"));
    assertTrue(body.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assertTrue(body.contains("&lt;b&gt;备件&lt;/b&gt;"), "the note, escaped");
    assertTrue(body.contains("灯已经换好了。"), "the reply");
    assertTrue(body.contains("已办结") && body.contains("5 分") && body.contains("赵师傅"));
    assertTrue(body.contains("派单"), "the history");
  }

  @Test
  void unknownCasesAndPagesAre404() throws Exception {
    for (String path : List.of("/cases/20990101-0001", "/cases/%3Cscript%3E", "/nope")) {
      HttpResponse<String> r = get(path, TOKEN);
      assertEquals(404, r.statusCode(), path);
      assertFalse(r.body().contains("<script>"), path);
    }
    assertTrue(get("/cases/20990101-0001", TOKEN).body().contains("找不到编号为 20990101-0001 的诉求"));
    HttpResponse<String> post = send(HttpRequest.newBuilder(uri("/")).header("Authorization", "Bearer " + TOKEN)
        .POST(HttpRequest.BodyPublishers.ofString("x")).build());
    assertEquals(405, post.statusCode());
  }

  @Test
  void csvExportIsTheCliExportWithBom() throws Exception {
    HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(uri("/export.csv"))
        .header("Authorization", "Bearer " + TOKEN).build(), HttpResponse.BodyHandlers.ofByteArray());
    assertEquals(200, r.statusCode());
    assertEquals("text/csv; charset=utf-8", r.headers().firstValue("Content-Type").orElseThrow());
    assertTrue(r.headers().firstValue("Content-Disposition").orElseThrow().startsWith("attachment;"));
    byte[] b = r.body();
    assertArrayEquals(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, Arrays.copyOf(b, 3));
    String csv = new String(b, 3, b.length - 3, StandardCharsets.UTF_8);
    List<String> lines = csv.lines().toList();
    assertEquals(4, lines.size(), csv);
    assertTrue(lines.get(0).startsWith("编号,状态"));
    assertTrue(lines.get(1).startsWith(fixed.id() + ",已办结"), "oldest first, like cases export");
    assertFalse(csv.contains("13812345678"));

    String none = new String(http.send(HttpRequest.newBuilder(uri("/export.csv?from=2026-02-01"))
        .header("Authorization", "Bearer " + TOKEN).build(), HttpResponse.BodyHandlers.ofByteArray()).body(),
        StandardCharsets.UTF_8);
    assertEquals(1, none.lines().count(), "header only");
  }

  @Test
  void withoutATokenOnlyLoopbackIsServedAndNoLoginIsAsked() throws Exception {
    UserException e = assertThrows(UserException.class, () -> WebSettings.resolve("0.0.0.0", 0, null));
    assertEquals(2, e.exitCode());
    assertTrue(e.getMessage().contains("FIVESTAR_WEB_TOKEN"));
    assertEquals(2, assertThrows(UserException.class, () -> WebSettings.resolve("0.0.0.0", 0, "short")).exitCode());
    assertEquals(TOKEN, WebSettings.resolve("0.0.0.0", 0, TOKEN).token());
    assertTrue(WebSettings.resolve("127.0.0.1", 0, " ").token() == null);
    assertThrows(IllegalArgumentException.class,
        () -> new WebServer(cases, new InetSocketAddress("0.0.0.0", 0), null));

    try (WebServer open = new WebServer(cases, new InetSocketAddress("127.0.0.1", 0), null)) {
      open.start();
      HttpResponse<String> r = http.send(HttpRequest.newBuilder(
          URI.create("http://127.0.0.1:" + open.address().getPort() + "/overdue")).build(),
          HttpResponse.BodyHandlers.ofString());
      assertEquals(200, r.statusCode());
      assertTrue(r.body().contains(dispute.id()));
    }
  }

  @Test
  void theWebCommandRefusesToBindEverywhereWithoutAToken() {
    Assumptions.assumeTrue(System.getenv(WebSettings.TOKEN_ENV) == null, "token set in this environment");
    assertEquals(2, Main.execute("--data", dir.toString(), "web", "--bind", "0.0.0.0", "--port", "0"));
    assertEquals(2, Main.execute("--data", dir.toString(), "web", "--port", "70000"));
  }

  // ---------------------------------------------------------------- helpers

  private void assertIds(String path, CaseRecord... expected) throws Exception {
    HttpResponse<String> r = get(path, TOKEN);
    assertEquals(200, r.statusCode(), path);
    List<CaseRecord> all = List.of(fixed, rubbish, dispute);
    for (CaseRecord c : all) {
      boolean want = Arrays.asList(expected).contains(c);
      assertEquals(want, r.body().contains("/cases/" + c.id() + "\""), path + " " + c.id());
    }
  }

  private void check400(String path, String message) throws Exception {
    HttpResponse<String> r = get(path, TOKEN);
    assertEquals(400, r.statusCode(), path);
    assertTrue(r.body().contains(message), path + ": " + r.body());
    assertEquals("text/html; charset=utf-8", r.headers().firstValue("Content-Type").orElseThrow());
  }

  private HttpResponse<String> postForm(String path, String form, String cookie) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form));
    if (cookie != null) b.header("Cookie", cookie);
    return send(b.build());
  }

  private HttpResponse<String> withCookie(String path, String cookie) throws Exception {
    return send(HttpRequest.newBuilder(uri(path)).header("Cookie", cookie).build());
  }

  /** Logs in through the form and returns the cookie (name=value). */
  private String login() throws Exception {
    String setCookie = postForm("/login", "token=" + TOKEN, null).headers().firstValue("Set-Cookie").orElseThrow();
    return setCookie.substring(0, setCookie.indexOf(';'));
  }

  private HttpResponse<String> get(String path, String token) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(uri(path));
    if (token != null) b.header("Authorization", "Bearer " + token);
    return send(b.build());
  }

  private HttpResponse<String> send(HttpRequest request) throws Exception {
    return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  private URI uri(String pathAndQuery) {
    return URI.create("http://127.0.0.1:" + server.address().getPort() + pathAndQuery);
  }
}
