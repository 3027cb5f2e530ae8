package cn.fivestar.channels.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.fivestar.accounts.AccountRole;
import cn.fivestar.accounts.Accounts;
import cn.fivestar.cases.CaseKind;
import cn.fivestar.cases.CaseRecord;
import cn.fivestar.cases.CaseService;
import cn.fivestar.cases.CaseStatus;
import cn.fivestar.cases.MutableClock;
import cn.fivestar.cases.NewCase;
import cn.fivestar.cases.Taxonomy;
import cn.fivestar.cases.WorkCalendar;
import cn.fivestar.conversation.Notifier;
import cn.fivestar.conversation.Outbound;
import cn.fivestar.infra.Database;
import cn.fivestar.infra.HttpServers;
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
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The workbench over real HTTP: account logins, CSRF, roles, the read-only token, escaping and 催办. */
class WorkbenchWebTest {
  private static final String TOKEN = "test-token-0123456789abcdef";
  private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");

  @TempDir Path dir;
  private final MutableClock clock = new MutableClock(LocalDateTime.of(2026, 1, 5, 9, 0));
  private final HttpClient http = HttpClient.newHttpClient();
  private final List<String> told = new ArrayList<>();
  private CaseService cases;
  private Accounts accounts;
  private WebServer server;
  private CaseRecord lamp;

  @BeforeEach
  void setUp() throws Exception {
    Database db = Database.inDataDir(dir);
    cases = new CaseService(db, Taxonomy.defaults(), WorkCalendar.defaults(), clock);
    accounts = new Accounts(db, clock, 4);
    accounts.add("alice", AccountRole.STAFF, "alice-password-1", null);
    accounts.add("zhang", AccountRole.SUPERVISOR, "zhang-password-1", "777");
    lamp = cases.create(new NewCase("telegram", "u1", "chat-u1", "张三", "13812345678", "楼道灯坏了", "幸福社区3号楼",
        "设施维修", CaseKind.HELP, List.of()));
    Notifier notifier = new Notifier() {
      @Override
      public void toChat(String channel, String chatId, Outbound message) {
        told.add(channel + ":" + chatId + " " + message.text());
      }

      @Override
      public void toStaff(Outbound message) {
        told.add("staff " + message.text());
      }
    };
    server = new WebServer(cases, accounts, notifier, new InetSocketAddress("127.0.0.1", 0), TOKEN,
        HttpServers.Limits.dashboard());
    server.start();
  }

  @AfterEach
  void tearDown() {
    server.close();
    cases.close();
  }

  @Test
  void aPostAnsweredBeforeItsBodyIsReadClosesTheConnectionSoTheNextRequestGetsAFreshOne() throws Exception {
    HttpResponse<String> refused = post("/cases/" + lamp.id() + "/note", "text=" + "x".repeat(2000), null);
    assertEquals(401, refused.statusCode());
    assertEquals("close", refused.headers().firstValue("Connection").orElse("").toLowerCase(java.util.Locale.ROOT));
    // A page whose request carries no body keeps the connection for the next request.
    assertTrue(get("/login", null).headers().firstValue("Connection").isEmpty());
  }

  @Test
  void actionsNeedTheSessionsCsrfTokenAndAreRecordedUnderTheAccount() throws Exception {
    String alice = login("alice", "alice-password-1");
    HttpResponse<String> page = get("/cases/" + lamp.id(), alice);
    assertEquals(200, page.statusCode());
    assertFalse(page.body().contains("13812345678"), "masked until asked for");
    String csrf = csrf(page.body());

    assertEquals(403, post("/cases/" + lamp.id() + "/note", "text=x", alice).statusCode(), "no CSRF token");
    assertEquals(403, post("/cases/" + lamp.id() + "/note", "text=x&csrf=wrong", alice).statusCode(), "wrong token");
    assertEquals(401, post("/cases/" + lamp.id() + "/note", "text=x&csrf=" + csrf, null).statusCode(), "no session");
    assertEquals(1, cases.history(lamp.id()).size(), "nothing happened");

    HttpResponse<String> took = post("/cases/" + lamp.id() + "/take", "csrf=" + csrf, alice);
    assertEquals(303, took.statusCode());
    assertEquals("/cases/" + lamp.id() + "?done=take", took.headers().firstValue("Location").orElseThrow());
    String reply = "<script>alert(1)</script>明天修";
    assertEquals(303, post("/cases/" + lamp.id() + "/reply", "text=" + enc(reply) + "&csrf=" + csrf, alice).statusCode());
    CaseRecord now = cases.get(lamp.id());
    assertEquals(CaseStatus.ANSWERED, now.status());
    assertEquals("web:alice", now.assignee());
    assertTrue(cases.history(lamp.id()).stream().skip(1).allMatch(h -> h.actor().equals("web:alice")));
    String shown = get("/cases/" + lamp.id(), alice).body();
    assertFalse(shown.contains("<script>alert"), "escaped");
    assertTrue(shown.contains("&lt;script&gt;"));
    assertTrue(shown.contains("<option value=\"closed\">") && shown.contains("<option value=\"in_progress\">")
        && !shown.contains("<option value=\"received\">"), "only legal moves");

    HttpResponse<String> phone = post("/cases/" + lamp.id() + "/phone", "csrf=" + csrf, alice);
    assertEquals(200, phone.statusCode());
    assertTrue(phone.body().contains("13812345678"));
    assertTrue(cases.history(lamp.id()).get(cases.history(lamp.id()).size() - 1).note().contains("电话"));

    assertEquals(403, post("/cases/" + lamp.id() + "/assign", "assignee=zhang&csrf=" + csrf, alice).statusCode(),
        "staff cannot assign");
    assertEquals(403, post("/cases/" + lamp.id() + "/urge", "csrf=" + csrf, alice).statusCode(), "nor press");
  }

  @Test
  void supervisorUrgesTheHandlerWhereTheyWork() throws Exception {
    cases.assign(lamp.id(), "telegram:888", "telegram:888");
    String zhang = login("zhang", "zhang-password-1");
    String csrf = csrf(get("/cases/" + lamp.id(), zhang).body());
    assertEquals(303, post("/cases/" + lamp.id() + "/urge", "text=" + enc("今天办完") + "&csrf=" + csrf, zhang).statusCode());
    assertEquals(1, told.size());
    assertTrue(told.get(0).startsWith("telegram:888 【催办】zhang"), told.toString());
    assertTrue(cases.history(lamp.id()).stream().anyMatch(h -> h.actor().equals("web:zhang") && h.note().startsWith("催办")));
    assertEquals(303, post("/cases/" + lamp.id() + "/assign", "assignee=alice&csrf=" + csrf, zhang).statusCode());
    assertEquals("web:alice", cases.get(lamp.id()).assignee());
    HttpResponse<String> csv = get("/export.csv?handler=web:alice", zhang);
    assertTrue(csv.body().contains(lamp.id()), csv.body());
    assertFalse(get("/export.csv?handler=web:nobody", zhang).body().contains(lamp.id()));
    HttpResponse<String> sup = get("/sup", zhang);
    assertEquals(200, sup.statusCode());
    assertTrue(sup.body().contains("<svg") && sup.body().contains("近 8 周"));
    assertTrue(sup.headers().firstValue("Content-Security-Policy").orElseThrow().startsWith("default-src 'none'"));
  }

  @Test
  void theOldTokenIsReadOnly() throws Exception {
    HttpResponse<String> login = post("/login", "token=" + TOKEN, null);
    String cookie = cookie(login);
    assertEquals(200, get("/cases/" + lamp.id(), cookie).statusCode());
    assertEquals(403, get("/work", cookie).statusCode());
    assertFalse(get("/cases/" + lamp.id(), cookie).body().contains("name=\"csrf\""), "no forms for read-only visitors");
    assertEquals(403, post("/cases/" + lamp.id() + "/note", "text=x&csrf=x", cookie).statusCode());
  }

  @Test
  void wrongPasswordsDelayTheAccountAndTheAddress() throws Exception {
    assertEquals(401, post("/login", "username=alice&password=wrong-password", null).statusCode());
    HttpResponse<String> again = post("/login", "username=alice&password=alice-password-1", null);
    assertEquals(429, again.statusCode(), "must wait before the next try");
    assertTrue(again.headers().firstValue("Retry-After").isPresent());
    clock.advance(Duration.ofSeconds(2));
    assertEquals(303, post("/login", "username=alice&password=alice-password-1", null).statusCode());
    clock.advance(Duration.ofSeconds(2));
    assertEquals(401, post("/login", "username=nobody&password=whatever-123", null).statusCode());
  }

  @Test
  void aRemovedAccountOrANewPasswordEndsItsSessions() throws Exception {
    String alice = login("alice", "alice-password-1");
    assertEquals(200, get("/work", alice).statusCode());
    clock.advance(Duration.ofMinutes(1));
    accounts.setPassword("alice", "another-password-2");
    assertEquals(401, get("/work", alice).statusCode());
    String again = login("alice", "another-password-2");
    accounts.remove("alice");
    assertEquals(401, get("/work/mine", again).statusCode());
  }

  private String login(String name, String password) throws Exception {
    HttpResponse<String> r = post("/login", "username=" + name + "&password=" + password, null);
    assertEquals(303, r.statusCode(), r.body());
    return cookie(r);
  }

  private static String cookie(HttpResponse<String> r) {
    String c = r.headers().firstValue("Set-Cookie").orElseThrow();
    return c.substring(0, c.indexOf(';'));
  }

  private static String csrf(String page) {
    Matcher m = CSRF.matcher(page);
    assertTrue(m.find(), "a CSRF field");
    return m.group(1);
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + server.address().getPort() + path);
  }

  private HttpResponse<String> get(String path, String cookie) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(uri(path));
    if (cookie != null) b.header("Cookie", cookie);
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  private HttpResponse<String> post(String path, String form, String cookie) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form));
    if (cookie != null) b.header("Cookie", cookie);
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }
}
