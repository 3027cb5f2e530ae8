package cn.fivestar.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.fivestar.accounts.AccountRole;
import cn.fivestar.accounts.Accounts;
import cn.fivestar.cases.CaseHistoryEntry;
import cn.fivestar.cases.CaseRecord;
import cn.fivestar.cases.CaseService;
import cn.fivestar.cases.CaseStatus;
import cn.fivestar.cases.NewCase;
import cn.fivestar.cases.Taxonomy;
import cn.fivestar.cases.WorkCalendar;
import cn.fivestar.channels.web.WebServer;
import cn.fivestar.conversation.AnswerLog;
import cn.fivestar.conversation.AnswerVotes;
import cn.fivestar.conversation.Notifiers;
import cn.fivestar.conversation.ChannelBacklog;
import cn.fivestar.infra.Database;
import cn.fivestar.infra.HttpServers;
import java.io.File;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The workbench in a real browser: Debian's chromium, headless, driven through its chromedriver by Selenium (paths
 * set explicitly, so Selenium Manager never downloads anything). Without chromium the test is skipped, or fails when
 * CI=true. Screenshots of every page at 390 and 1280 px go to target/screenshots, or to the folder named by
 * -Dfivestar.screenshots (docs/screenshots for the committed ones).
 */
class WorkbenchBrowserTest {
  private static final String CHROMIUM = "/usr/bin/chromium";
  private static final String CHROMEDRIVER = "/usr/bin/chromedriver";
  private static final String PHONE = "13812345678";

  @TempDir Path dir;
  @TempDir Path profile;
  private CaseService cases;
  private Database db;
  private WebServer server;
  private ChromeDriver driver;
  private String base;

  @BeforeEach
  void start() throws Exception {
    boolean present = Files.isExecutable(Path.of(CHROMIUM)) && Files.isExecutable(Path.of(CHROMEDRIVER));
    if (!present) {
      String msg = "chromium or chromedriver missing (" + CHROMIUM + ", " + CHROMEDRIVER
          + "): apt-get install chromium chromium-driver to run the browser test";
      if ("true".equalsIgnoreCase(System.getenv("CI"))) Assertions.fail(msg);
      Assumptions.abort(msg);
    }
    db = Database.inDataDir(dir);
    Accounts accounts = new Accounts(db, Clock.systemUTC(), 4);
    accounts.add("alice", AccountRole.STAFF, "alice-password-1", null);
    accounts.add("zhang", AccountRole.SUPERVISOR, "zhang-password-1", "777");
    // older cases (created 20 days ago by a store with a clock then) so that some are overdue today
    CaseService past = new CaseService(db, Taxonomy.forDataDir(dir), WorkCalendar.forDataDir(dir),
        Clock.fixed(Instant.now().minus(Duration.ofDays(20)), CaseService.ZONE));
    past.create(new NewCase("telegram", "601", "601", "李师傅", "13900001111", "3号楼楼道堆满旧家具，消防通道被堵",
        "和平社区3号楼", "环境卫生", null, null));
    CaseRecord late = past.create(new NewCase("telegram", "602", "602", null, null, "小区东门停车乱，救护车进不来",
        "和平社区东门", "物业停车", null, null));
    past.assign(late.id(), "telegram:888", "telegram:888");
    cases = Services.caseTools(dir);
    cases.create(new NewCase("console", "603", "603", null, null, "想问问社区有没有老年食堂，怎么报名", null, "养老助残",
        null, null));
    Notifiers notifier = new Notifiers(new ChannelBacklog(db, cases.clock()), Services.STAFF_CHANNELS);
    AnswerLog answers = new AnswerLog(db, Clock.systemUTC(), () -> "v1");
    AnswerVotes.vote(answers, "701", "垃圾分类积分在哪里兑换？我电话13900002222", false,
        "没说兑换地点，链接https://example.org/a-very-long-address-without-any-spaces-at-all-to-break-the-line也打不开",
        "生态宜居星争创标准", "居民办事指南");
    AnswerVotes.vote(answers, "702", "垃圾分类积分在哪里兑换？我电话13900002222", false, null, "生态宜居星争创标准");
    AnswerVotes.vote(answers, "703", "一长三员是什么意思", true, null, "名词解释");
    server = new WebServer(cases, accounts, notifier, answers, new InetSocketAddress("127.0.0.1", 0), null,
        HttpServers.Limits.dashboard());
    server.start();
    base = "http://127.0.0.1:" + server.address().getPort();

    System.setProperty("webdriver.chrome.driver", CHROMEDRIVER);
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM);
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
        "--user-data-dir=" + profile, "--window-size=1280,900", "--lang=zh-CN");
    ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER))
        .usingAnyFreePort().build();
    driver = new ChromeDriver(service, options);
    driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
  }

  @AfterEach
  void stop() {
    if (driver != null) driver.quit();
    if (server != null) server.close();
    if (cases != null) cases.close();
  }

  private void width(int px) {
    driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
        Map.of("width", px, "height", px < 600 ? 844 : 900, "deviceScaleFactor", 1, "mobile", px < 600));
  }

  private void login(String name, String password) {
    driver.get(base + "/login");
    driver.findElement(By.name("username")).sendKeys(name);
    driver.findElement(By.name("password")).sendKeys(password);
    clickAndWait(driver.findElement(By.cssSelector("form.login button")));
  }

  private void submit(String action) {
    clickAndWait(driver.findElement(By.cssSelector("form[action$='/" + action + "'] button")));
  }

  /**
   * Clicks and waits until the next page has replaced this one (a click does not wait for the navigation): the old
   * page is marked with a window property that a newly loaded page no longer has.
   */
  private void clickAndWait(WebElement button) {
    driver.executeScript("window.__fivestarOldPage = true;");
    button.click();
    long end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (System.nanoTime() < end) {
      try {
        Object old = driver.executeScript("return window.__fivestarOldPage === true;");
        Object state = driver.executeScript("return document.readyState;");
        if (Boolean.FALSE.equals(old) && "complete".equals(state)) return;
      } catch (org.openqa.selenium.WebDriverException e) {
        // the page is being replaced right now: ask again
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
    throw new AssertionError("the page did not change after clicking " + button);
  }

  private boolean noHorizontalScroll() {
    Object ok = driver.executeScript(
        "return document.documentElement.scrollWidth <= document.documentElement.clientWidth;");
    return Boolean.TRUE.equals(ok);
  }

  @Test
  void staffTakesRepliesAndClosesACaseAndTheResidentHearsIt() {
    CaseRecord r = cases.create(new NewCase("telegram", "555", "555", "王大妈", PHONE, "小区门口路灯坏了三天了，晚上很黑",
        "幸福路3号院", "设施维修", null, null));
    new ChannelBacklog(db, cases.clock()).takeAll("telegram");  // the staff notice of the new case

    driver.get(base + "/work");
    assertTrue(driver.getPageSource().contains("账号"), "a login form first");
    login("alice", "alice-password-1");
    assertTrue(driver.getCurrentUrl().endsWith("/work"), driver.getCurrentUrl());
    clickAndWait(driver.findElement(By.linkText(r.id())));
    assertTrue(!driver.getPageSource().contains(PHONE), "the phone stays masked until asked for");

    submit("take");
    assertTrue(driver.getPageSource().contains("已接办"), driver.getPageSource());
    assertEquals(CaseStatus.IN_PROGRESS, cases.get(r.id()).status());
    assertEquals("web:alice", cases.get(r.id()).assignee());

    String reply = "电工明天上午来修路灯，请留意。";
    driver.findElement(By.cssSelector("form[action$='/reply'] textarea")).sendKeys(reply);
    submit("reply");
    assertTrue(driver.getPageSource().contains("答复已发出"));
    List<ChannelBacklog.Pending> sent = new ChannelBacklog(db, cases.clock()).takeAll("telegram");
    assertTrue(sent.stream().anyMatch(p -> p.chatId().equals("555") && p.message().text().contains(reply)),
        "the resident's Telegram chat gets the reply through the outbox: " + sent);

    List<WebElement> options = driver.findElements(By.cssSelector("form[action$='/status'] select option"));
    Set<String> offered = options.stream().map(o -> o.getAttribute("value")).collect(Collectors.toSet());
    assertEquals(CaseStatus.ANSWERED.next().stream().filter(s -> s != CaseStatus.MERGED).map(CaseStatus::code)
        .collect(Collectors.toSet()), offered, "only legal moves");
    driver.findElement(By.cssSelector("form[action$='/status'] select option[value='closed']")).click();
    submit("status");
    assertEquals(CaseStatus.CLOSED, cases.get(r.id()).status());

    submit("phone");
    assertTrue(driver.getPageSource().contains(PHONE));
    List<CaseHistoryEntry> history = cases.history(r.id());
    assertTrue(history.stream().allMatch(h -> h.action() == CaseHistoryEntry.Action.CREATED || h.actor().equals("web:alice")),
        "every action under the account's name");
    assertTrue(history.stream().anyMatch(h -> h.note() != null && h.note().contains("电话")), "the look at the phone is recorded");

    width(390);
    for (String page : List.of("/work", "/work/mine", "/overdue", "/cases", "/cases/" + r.id(), "/sup", "/", "/feedback")) {
      driver.get(base + page);
      assertTrue(noHorizontalScroll(), "no horizontal scroll at 390 px on " + page);
    }
  }

  @Test
  void supervisorUrgesAnOverdueCaseAndEveryPageIsPhotographed() throws Exception {
    login("zhang", "zhang-password-1");
    assertTrue(driver.getCurrentUrl().endsWith("/sup"), driver.getCurrentUrl());
    CaseRecord late = cases.overdue().stream().filter(c -> c.assignee() != null).findFirst().orElseThrow();
    new ChannelBacklog(db, cases.clock()).takeAll("telegram");
    clickAndWait(driver.findElement(By.cssSelector("form[action='/cases/" + late.id() + "/urge'] button")));
    assertTrue(driver.getPageSource().contains("已催办"));
    List<ChannelBacklog.Pending> sent = new ChannelBacklog(db, cases.clock()).takeAll("telegram");
    assertTrue(sent.stream().anyMatch(p -> p.chatId().equals("888") && p.message().text().contains("催办")), sent.toString());
    assertTrue(cases.history(late.id()).stream().anyMatch(h -> h.actor().equals("web:zhang") && h.note().startsWith("催办")));

    Path out = Path.of(System.getProperty("fivestar.screenshots", "target/screenshots"));
    Files.createDirectories(out);
    String first = cases.list(cn.fivestar.cases.CaseFilter.all()).get(0).id();
    Map<String, String> pages = new java.util.LinkedHashMap<>();
    pages.put("work", "/work");
    pages.put("mine", "/work/mine");
    pages.put("overdue", "/overdue");
    pages.put("case", "/cases/" + late.id());
    pages.put("supervisor", "/sup");
    pages.put("list", "/cases");
    pages.put("overview", "/");
    pages.put("feedback", "/feedback");
    for (int w : new int[] {390, 1280}) {
      width(w);
      for (Map.Entry<String, String> p : pages.entrySet()) {
        driver.get(base + p.getValue());
        assertTrue(noHorizontalScroll() || w > 390, "no horizontal scroll at 390 px on " + p.getValue());
        shoot(out.resolve(p.getKey() + "-" + w + ".png"));
      }
    }
    driver.manage().deleteAllCookies();
    driver.get(base + "/login");
    for (int w : new int[] {390, 1280}) {
      width(w);
      driver.navigate().refresh();
      shoot(out.resolve("login-" + w + ".png"));
    }
    assertTrue(first != null);
  }

  private void shoot(Path file) throws Exception {
    Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot",
        Map.of("format", "png", "captureBeyondViewport", true));
    Files.write(file, Base64.getDecoder().decode((String) shot.get("data")));
  }
}
