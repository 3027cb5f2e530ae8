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
import cn.fivestar.conversation.AnswerLog;
import cn.fivestar.conversation.AnswerVotes;
import cn.fivestar.infra.Database;
import cn.fivestar.infra.HttpServers;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** 回答评价 over real HTTP (votes, masking, escaping of residents' words), and 重办 on the overview and /sup. */
class FeedbackWebTest {
  private static final String TOKEN = "test-token-0123456789abcdef";
  private static final String HOSTILE = "<script>alert('x')</script>低保怎么办？我电话13812345678";

  @TempDir Path dir;
  private final MutableClock clock = new MutableClock(LocalDateTime.of(2026, 3, 2, 9, 0));
  private final HttpClient http = HttpClient.newHttpClient();
  private CaseService cases;
  private AnswerLog log;
  private WebServer server;

  @BeforeEach
  void setUp() throws Exception {
    Database db = Database.inDataDir(dir);
    cases = new CaseService(db, Taxonomy.defaults(), WorkCalendar.defaults(), clock);
    Accounts accounts = new Accounts(db, clock, 4);
    accounts.add("alice", AccountRole.STAFF, "alice-password-1", null);
    log = new AnswerLog(db, clock, () -> "v1");
    server = new WebServer(cases, accounts, null, log, new InetSocketAddress("127.0.0.1", 0), TOKEN,
        HttpServers.Limits.dashboard());
    server.start();
  }

  @AfterEach
  void tearDown() {
    server.close();
    cases.close();
  }

  @Test
  void showsTheHelpfulRateAndTheLeastHelpfulQuestionsMaskedAndEscaped() throws Exception {
    String alice = login();
    HttpResponse<String> empty = get("/feedback", alice);
    assertEquals(200, empty.statusCode());
    assertTrue(empty.body().contains("还没有居民评过「没用」"), empty.body());

    AnswerVotes.vote(log, "a", HOSTILE, false, "没说<b>去哪</b>办，打13912345678也没人接", "低保<指南>");
    AnswerVotes.vote(log, "b", HOSTILE, false, null, "低保<指南>", "居民指南");
    AnswerVotes.vote(log, "c", "一长三员是什么", true, null, "名词解释");
    clock.advance(Duration.ofDays(7));
    AnswerVotes.vote(log, "d", "垃圾分类怎么积分？", false, "答非所问", "生态宜居星");
    alice = login();  // a week later the session has expired

    HttpResponse<String> r = get("/feedback", alice);
    assertEquals(200, r.statusCode());
    String page = r.body();
    assertTrue(page.contains("<a href=\"/feedback\" class=\"on\">回答评价</a>"), "in the navigation");
    assertTrue(page.contains("<svg") && page.contains("每周有用率"), "the weekly chart");
    assertTrue(page.contains("25.0%"), "1 helpful of 4 votes");
    assertFalse(page.contains("<script>alert"), "the resident's question is escaped");
    assertTrue(page.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;低保怎么办？"), page);
    assertFalse(page.contains("13812345678") || page.contains("13912345678"), "phone numbers masked");
    assertTrue(page.contains("138****5678"));
    assertTrue(page.contains("「没说&lt;b&gt;去哪&lt;/b&gt;办"), "the reason, escaped");
    assertTrue(page.contains("低保&lt;指南&gt;") && page.contains("居民指南"), "the cited documents");
    assertTrue(page.indexOf("低保怎么办") < page.indexOf("垃圾分类怎么积分"), "most 没用 first");
    assertTrue(page.contains("答非所问"));
    assertFalse(page.substring(page.indexOf("最常被评")).contains("一长三员是什么"), "helpful-only questions are not listed");
    assertTrue(r.headers().firstValue("Content-Security-Policy").orElseThrow().startsWith("default-src 'none'"));

    HttpRequest bearer = HttpRequest.newBuilder(uri("/feedback")).header("Authorization", "Bearer " + TOKEN).build();
    assertEquals(200, http.send(bearer, HttpResponse.BodyHandlers.ofString()).statusCode(), "read-only visitors see it too");
    assertEquals(401, get("/feedback", null).statusCode(), "but not strangers");
    assertTrue(get("/", alice).body().contains("href=\"/feedback\""), "linked from every page");
  }

  @Test
  void reopensShowOnTheOverviewAndTheSupervisorPage() throws Exception {
    CaseRecord lamp = cases.create(new NewCase("telegram", "u1", "chat-u1", "张三", null, "楼道灯坏了", "幸福社区3号楼",
        "设施维修", CaseKind.HELP, List.of()));
    cases.assign(lamp.id(), "web:alice", "web:zhang");
    cases.reply(lamp.id(), "web:alice", "已修好");
    cases.transition(lamp.id(), CaseStatus.CLOSED, "web:alice", null);
    cases.rate(lamp.id(), "telegram", "u1", 2, "还是不亮");
    cases.reopen(lamp.id(), "telegram:u1", "还是不亮");
    String alice = login();
    String overview = get("/", alice).body();
    assertTrue(overview.contains("<div>重办</div><div class=\"v\">1 次 / 1 件</div>"), overview);
    assertTrue(overview.contains("<th>重办</th>"));
    String sup = get("/sup", alice).body();
    assertTrue(sup.contains("data-label=\"重办\">1 次/1 件"), sup);
    assertTrue(sup.contains("0.0%（0/1）"), "满意率 with satisfied/rated");
    String csv = get("/export.csv", alice).body();
    assertTrue(csv.lines().findFirst().orElseThrow().endsWith("重办次数"));
    assertTrue(csv.lines().skip(1).findFirst().orElseThrow().endsWith(",1"), csv);
  }

  private String login() throws Exception {
    HttpRequest req = HttpRequest.newBuilder(uri("/login")).header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString("username=alice&password=alice-password-1")).build();
    HttpResponse<String> r = http.send(req, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    assertEquals(303, r.statusCode(), r.body());
    String c = r.headers().firstValue("Set-Cookie").orElseThrow();
    return c.substring(0, c.indexOf(';'));
  }

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + server.address().getPort() + path);
  }

  private HttpResponse<String> get(String path, String cookie) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(uri(path));
    if (cookie != null) b.header("Cookie", cookie);
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }
}
