package cn.fivestar.channels.web;

import static cn.fivestar.channels.web.Html.esc;

import cn.fivestar.accounts.Account;
import cn.fivestar.accounts.Accounts;
import cn.fivestar.conversation.AnswerLog;
import cn.fivestar.conversation.Notifier;
import cn.fivestar.infra.PersonalData;
import cn.fivestar.cases.CaseCsv;
import cn.fivestar.cases.CaseException;
import cn.fivestar.cases.CaseFilter;
import cn.fivestar.cases.CaseRecord;
import cn.fivestar.cases.CaseService;
import cn.fivestar.cases.CaseStatus;
import cn.fivestar.infra.HttpServers;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The supervisors' dashboard: server-rendered pages over the case store, read-only. Every answer carries
 * charset=utf-8, no-store caching and a Content-Security-Policy that allows nothing but inline styles, so even a
 * value that escaped escaping could not run a script or fetch anything.
 */
public final class WebServer implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(WebServer.class);
  private static final int MAX_LIST = 500;
  private static final String CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
      + "form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

  private final CaseService cases;
  private final Accounts accounts;
  private final AnswerLog answers;
  private final Workbench workbench;
  private final WebAccess access;
  private final HttpServers.Instance server;
  private final int maxBody;

  /** Binds to address (port 0 = any free port); token null = no login (loopback only, see WebSettings). */
  public WebServer(CaseService cases, InetSocketAddress address, String token) {
    this(cases, address, token, HttpServers.Limits.dashboard());
  }

  /** With other HTTP limits (tests: short timeouts). */
  public WebServer(CaseService cases, InetSocketAddress address, String token, HttpServers.Limits limits) {
    this(cases, null, null, address, token, limits);
  }

  /**
   * The dashboard with the staff and supervisor workbench: accounts log in by name and password (null: token only);
   * notifier carries 催办 to the handler (null: not offered). Open the case store like the command-line case tools
   * (app.Services.caseTools) so residents hear about replies through their channel's outbox.
   */
  public WebServer(CaseService cases, Accounts accounts, Notifier notifier, InetSocketAddress address, String token,
                   HttpServers.Limits limits) {
    this(cases, accounts, notifier, null, address, token, limits);
  }

  /** The same with residents' votes on answers for the 回答评价 page (answers null: the page says it is not connected). */
  public WebServer(CaseService cases, Accounts accounts, Notifier notifier, AnswerLog answers, InetSocketAddress address,
                   String token, HttpServers.Limits limits) {
    if (token == null && (accounts == null || !accounts.any()) && !address.getAddress().isLoopbackAddress()) {
      throw new IllegalArgumentException("a token or an account is required to listen on " + address);
    }
    this.cases = cases;
    this.accounts = accounts;
    this.answers = answers;
    this.maxBody = limits.maxBodyBytes();
    this.access = new WebAccess(token, cases.clock());
    this.workbench = new Workbench(cases, accounts, notifier);
    workbench.attach(this);
    this.server = HttpServers.create("web", address, limits, new Handler.Abstract() {
      @Override
      public boolean handle(Request request, Response response, Callback callback) {
        WebServer.this.handle(new Exchange(request, response, callback));
        return true;
      }
    });
  }

  /** Binds and starts serving; a port in use is an IOException. */
  public void start() throws IOException {
    server.start();
  }

  public InetSocketAddress address() {
    return server.address();
  }

  @Override
  public void close() {
    server.close();
  }

  /** One request and its answer, so the pages need not know the server's API. */
  static final class Exchange {
    final Request request;
    final Response response;
    final Callback callback;

    Exchange(Request request, Response response, Callback callback) {
      this.request = request;
      this.response = response;
      this.callback = callback;
    }

    String method() {
      return request.getMethod();
    }

    /** The decoded path. */
    String path() {
      String p = request.getHttpURI().getDecodedPath();
      return p == null || p.isEmpty() ? "/" : p;
    }

    String rawPath() {
      return request.getHttpURI().getPath();
    }

    /** The path and query as sent, to come back to after logging in. */
    String target() {
      String q = rawQuery();
      return rawPath() + (q == null || q.isEmpty() ? "" : "?" + q);
    }

    String rawQuery() {
      return request.getHttpURI().getQuery();
    }

    HttpFields requestHeaders() {
      return request.getHeaders();
    }

    HttpFields.Mutable responseHeaders() {
      return response.getHeaders();
    }

    /** The Host header, null when absent. */
    String hostHeader() {
      return request.getHeaders().get(HttpHeader.HOST);
    }

    /** The host of the request's URI (an absolute request target's, else the Host header's), may be null. */
    String uriHost() {
      String h = request.getHttpURI().getHost();
      if (h == null) return hostHeader();
      return h.indexOf(':') >= 0 && !h.startsWith("[") ? "[" + h + "]" : h;
    }

    String remoteAddress() {
      return Request.getRemoteAddr(request);
    }

    void send(int status, String type, byte[] body) {
      HttpServers.send(response, callback, status, type, body);
    }
  }

  private void handle(Exchange ex) {
    try {
      route(ex);
    } catch (HttpError e) {
      errorPage(ex, e.status(), e.getMessage());
    } catch (CaseException e) {
      errorPage(ex, e.reason() == CaseException.Reason.NOT_FOUND ? 404 : 400, e.getMessage());
    } catch (IOException e) {
      errorPage(ex, 408, "请求没有完整送达，请重试。");  // the client went away or was too slow
    } catch (RuntimeException e) {
      log.error("web page {} failed: {}", ex.path(), PersonalData.mask(String.valueOf(e)), e);
      errorPage(ex, 500, "服务器内部出错，请稍后再试；如果一直出错，请联系管理员查看日志。");
    }
  }

  /** No token and no accounts: read-only and open to this machine only (as before accounts existed). */
  private boolean open() {
    return access.noToken() && (accounts == null || !accounts.any());
  }

  private void route(Exchange ex) throws IOException {
    boolean open = open();
    if (open && !(WebAccess.loopbackHost(ex.hostHeader()) && WebAccess.loopbackHost(ex.uriHost()))) {
      // without a token anyone who can reach the port may look; a page of another site whose name was made to
      // point at 127.0.0.1 (DNS rebinding) must not, and its requests carry that site's name
      throw new HttpError(403, "看板没有设置访问口令，只能在本机用 http://localhost 或 http://127.0.0.1 打开。");
    }
    String path = ex.path();
    if (path.equals("/login")) {
      login(ex, open);
      return;
    }
    if (path.equals("/logout")) {
      logout(ex);
      return;
    }
    String method = ex.method();
    Query q = Query.parse(ex.rawQuery());
    if (!open && q.has("token")) {
      // a token in the address stays in the browser's history, in proxy logs and in Referer headers
      html(ex, 400, Html.page("请勿在网址中写口令", "", loginForm("访问口令不能写在网址里（网址会留在浏览器历史和服务器"
          + "日志中），请在下面输入。如果口令已经被别人看到，请让管理员更换。", "/")));
      return;
    }
    Who who = authorized(ex, open);
    if (who == null) return;
    if (method.equals("POST") && path.startsWith("/cases/")) {
      workbench.post(ex, who, path.substring("/cases/".length()), Query.form(new String(readBody(ex), StandardCharsets.UTF_8)));
      return;
    }
    if (!method.equals("GET")) {
      ex.responseHeaders().put("Allow", "GET");
      throw new HttpError(405, "这个页面只能查看，不支持这种请求方式。");
    }
    Instant now = cases.clock().instant();
    if (path.equals("/")) {
      LocalDate from = q.date("from", "开始日期");
      LocalDate to = q.date("to", "结束日期");
      html(ex, 200, OverviewPage.render(cases.stats(from, to), cases.taxonomy(), from, to), who);
    } else if (path.equals("/cases") || path.equals("/cases/")) {
      caseList(ex, q, now, who);
    } else if (path.startsWith("/cases/")) {
      String id = path.substring("/cases/".length());
      CaseRecord r = cases.find(id).orElseThrow(() -> HttpError.notFound(
          "找不到编号为 " + Query.clip(id) + " 的诉求，请核对编号（形如 20260105-0001）。"));
      html(ex, 200, workbench.detail(r, who, q.get("done"), null), who);
    } else if (path.equals("/overdue")) {
      html(ex, 200, workbench.overdue(who, now), who);
    } else if (path.equals("/work")) {
      html(ex, 200, workbench.waiting(needAccount(who), now), who);
    } else if (path.equals("/work/mine")) {
      html(ex, 200, workbench.mine(needAccount(who), now), who);
    } else if (path.equals("/sup")) {
      html(ex, 200, workbench.supervisor(who, q, now), who);
    } else if (path.equals("/feedback")) {
      html(ex, 200, FeedbackPage.render(answers, now), who);
    } else if (path.equals("/export.csv")) {
      export(ex, q);
    } else {
      throw HttpError.notFound("没有这个页面。");
    }
  }

  /** Who is asking: an account (may act), or a read-only visitor (old token, or the open loopback dashboard). */
  record Who(Account account, WebAccess.Session session) {
    boolean canAct() {
      return account != null;
    }

    boolean supervisor() {
      return account != null && account.supervisor();
    }

    String actor() {
      return account.actor();
    }
  }

  private static Who needAccount(Who who) {
    if (!who.canAct()) throw new HttpError(403, "工作台需要用个人账号登录（只凭访问口令只能查看）。请退出后用账号和密码登录。");
    return who;
  }

  /**
   * Lets the request through (its Who) or answers it (null): the open dashboard and live sessions pass (an
   * account session only while its account exists and its password is unchanged since login); a Bearer token is
   * checked unless its address is still waiting after wrong ones (429); anything else gets the login form.
   */
  private Who authorized(Exchange ex, boolean open) {
    WebAccess.Session s = access.session(ex.requestHeaders());
    if (s != null) {
      if (s.account() == null) return new Who(null, s);
      Account a = accounts == null ? null : accounts.find(s.account()).orElse(null);
      if (a != null && !a.passwordChangedAt().isAfter(s.created())) return new Who(a, s);
      access.forget(s);  // removed, or a new password: log in again
    }
    if (open) return new Who(null, null);
    String bearer = WebAccess.bearer(ex.requestHeaders());
    if (bearer != null) {
      if (throttled(ex, null, null)) return null;
      if (access.matches(bearer)) {
        access.throttle().succeeded(ex.remoteAddress());
        return new Who(null, null);
      }
      wrongToken(ex, null);
    }
    html(ex, 401, Html.page("需要登录", "", loginForm("请先登录。", ex.target())));
    return null;
  }

  /** While the client's address (or the account tried) waits after wrong passwords: 429 with Retry-After. */
  private boolean throttled(Exchange ex, String next, String account) {
    Duration wait = access.throttle().waitFor(ex.remoteAddress());
    if (account != null) {
      Duration w = access.throttle().waitFor(ACCOUNT_KEY + account);
      if (w.compareTo(wait) > 0) wait = w;
    }
    if (wait.isZero()) return false;
    long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
    ex.responseHeaders().put("Retry-After", Long.toString(seconds));
    html(ex, 429, Html.page("请稍后再试", "", loginForm("密码或口令错误次数过多，请 " + seconds + " 秒后再试。", next)));
    return true;
  }

  private static final String ACCOUNT_KEY = "account:";

  private void wrongToken(Exchange ex, String account) {
    access.throttle().failed(ex.remoteAddress());
    if (account != null) access.throttle().failed(ACCOUNT_KEY + account);
    log.warn("web login failed from {}{}", ex.remoteAddress(), account == null ? "" : " for account " + account);
  }

  /**
   * GET /login shows the form; POST /login checks an account's name and password (fields username, password), or
   * the old access token (field token, or the password field with no name) for a read-only session: right → a new
   * session cookie and 303 to next; wrong → 401, and the address and the account wait longer before the next try.
   */
  private void login(Exchange ex, boolean open) throws IOException {
    if (ex.method().equals("GET")) {
      html(ex, access.hasSession(ex.requestHeaders()) ? 200 : 401,
          Html.page("登录", "", loginForm(open && accounts != null
              ? "还没有账号：请在服务器上用 users add 创建。" : "请输入账号和密码。", "/")));
      return;
    }
    if (!ex.method().equals("POST")) {
      ex.responseHeaders().put("Allow", "GET, POST");
      throw new HttpError(405, "登录请用页面上的表单。");
    }
    Query form = Query.form(new String(readBody(ex), StandardCharsets.UTF_8));
    String next = localTarget(form.get("next"));
    String name = form.get("username");
    if (name != null && name.length() > 64) name = name.substring(0, 64);
    String secret = form.get("token") != null ? form.get("token") : form.get("password");
    if (throttled(ex, next, name)) return;
    if (name == null) {
      if (!access.matches(secret)) {
        wrongToken(ex, null);
        html(ex, 401, Html.page("登录失败", "", loginForm("访问口令不正确，请核对后重新输入。", next)));
        return;
      }
      access.throttle().succeeded(ex.remoteAddress());
      ex.responseHeaders().add("Set-Cookie", access.newSession());
      redirect(ex, next);
      return;
    }
    Account a = accounts == null ? null : accounts.verify(name, secret).orElse(null);
    if (a == null) {
      // the account's own count only for names that exist, so made-up names cannot crowd the throttle's memory
      wrongToken(ex, accounts != null && accounts.find(name).isPresent() ? name : null);
      html(ex, 401, Html.page("登录失败", "", loginForm("账号或密码不正确，请核对后重新输入。", next)));
      return;
    }
    access.throttle().succeeded(ex.remoteAddress());
    access.throttle().succeeded(ACCOUNT_KEY + a.name());
    log.info("web login: {}", a.name());
    ex.responseHeaders().add("Set-Cookie", access.newSession(a.name()));
    redirect(ex, next.equals("/") ? (a.supervisor() ? "/sup" : "/work") : next);
  }

  /** POST /logout: the session is forgotten on the server and the cookie cleared. */
  private void logout(Exchange ex) {
    if (!ex.method().equals("POST")) {
      ex.responseHeaders().put("Allow", "POST");
      throw new HttpError(405, "退出登录请用页面上的按钮。");
    }
    ex.responseHeaders().add("Set-Cookie", access.endSession(ex.requestHeaders()));
    redirect(ex, "/login");
  }

  static void redirect(Exchange ex, String location) {
    ex.responseHeaders().put("Location", location);
    securityHeaders(ex);
    ex.send(303, null, new byte[0]);
  }

  /** Where to go after logging in: a path of this dashboard, never another site ("//host", "/\\host"). */
  static String localTarget(String next) {
    if (next == null || !next.startsWith("/") || next.startsWith("//") || next.startsWith("/\\")) return "/";
    for (int i = 0; i < next.length(); i++) {
      char c = next.charAt(i);
      if (c < 0x21 || c > 0x7e) return "/";  // only an encoded address: no spaces, controls or raw non-ASCII
    }
    return next;
  }

  private byte[] readBody(Exchange ex) throws IOException {
    try {
      return HttpServers.readBody(ex.request, maxBody);
    } catch (HttpServers.BodyTooLarge e) {
      throw new HttpError(413, "提交的内容过大。");
    }
  }

  private void caseList(Exchange ex, Query q, Instant now, Who who) throws IOException {
    CasePages.Filters typed = new CasePages.Filters(q.get("status"), q.get("category"), q.get("star"),
        "1".equals(q.get("overdue")), q.get("from"), q.get("to"));
    try {
      LocalDate from = q.date("from", "开始日期");
      LocalDate to = q.date("to", "结束日期");
      if (from != null && to != null && from.isAfter(to)) throw HttpError.badRequest("开始日期不能晚于结束日期。");
      CaseFilter f = CaseFilter.all().withOverdue(q.flag("overdue", "「只看超期」")).withDates(from, to)
          .withLimit(MAX_LIST + 1);
      if (typed.status() != null) f = f.withStatus(CaseStatus.parse(typed.status()));
      if (typed.category() != null) f = f.withCategory(typed.category());
      if (typed.star() != null) f = f.withStar(typed.star());
      List<CaseRecord> found = cases.list(f);
      boolean more = found.size() > MAX_LIST;
      html(ex, 200, CasePages.list(cases.taxonomy(), typed, more ? found.subList(0, MAX_LIST) : found, more, now, null), who);
    } catch (HttpError | CaseException e) {
      html(ex, 400, CasePages.list(cases.taxonomy(), typed, List.of(), false, now, e.getMessage()), who);
    }
  }

  /** The same CSV as {@code cases export}: oldest first, UTF-8 with BOM, personal data masked. */
  private void export(Exchange ex, Query q) throws IOException {
    LocalDate from = q.date("from", "开始日期");
    LocalDate to = q.date("to", "结束日期");
    if (from != null && to != null && from.isAfter(to)) throw HttpError.badRequest("开始日期不能晚于结束日期。");
    List<CaseRecord> ordered = new ArrayList<>(workbench.filtered(q, from, to));
    Collections.reverse(ordered);
    ByteArrayOutputStream buf = new ByteArrayOutputStream(8192);
    try (Writer w = new OutputStreamWriter(buf, StandardCharsets.UTF_8)) {
      CaseCsv.write(w, ordered, cases.reopenCounts(ordered));
    }
    String name = "cases" + (from == null ? "" : "-" + from) + (to == null ? "" : "-to-" + to) + ".csv";
    ex.responseHeaders().put("Content-Disposition", "attachment; filename=\"" + name + "\"");
    send(ex, 200, "text/csv; charset=utf-8", buf.toByteArray());
  }

  /** The login form; next is where to go afterwards (null: the overview). */
  private static String loginForm(String message, String next) {
    return "<h1>登录</h1><p class=\"msg\">" + esc(message) + "</p>"
        + "<form class=\"f login\" method=\"post\" action=\"/login\"><input type=\"hidden\" name=\"next\" value=\""
        + esc(localTarget(next)) + "\"><label>账号 <input name=\"username\" autocomplete=\"username\" "
        + "autocapitalize=\"none\"></label><label>密码 <input type=\"password\" name=\"password\" "
        + "autocomplete=\"current-password\" required></label><button>登录</button></form>"
        + "<p class=\"muted\">只有访问口令的查看人员：账号留空，在密码处输入口令（只能查看）。</p>";
  }

  private void errorPage(Exchange ex, int status, String message) {
    String title = switch (status) {
      case 400 -> "请求有误";
      case 403 -> "拒绝访问";
      case 404 -> "找不到页面";
      case 405 -> "不支持的请求";
      case 408 -> "请求超时";
      case 413 -> "内容过大";
      default -> "出错了";
    };
    html(ex, status, Html.page(title, "", "<h1>" + title + "</h1><p class=\"msg\">" + esc(message)
        + "</p><p><a href=\"/\">返回概览</a></p>"));
  }

  private void html(Exchange ex, int status, String page) {
    html(ex, status, page, null);
  }

  /** A page; who (when known) decides the navigation and the 退出登录 button. */
  void html(Exchange ex, int status, String page, Who who) {
    WebAccess.Session s = who != null ? who.session() : access.session(ex.requestHeaders());
    if (s != null) page = Html.withLogout(page, who == null || who.account() == null ? null : who.account());
    send(ex, status, "text/html; charset=utf-8", page.getBytes(StandardCharsets.UTF_8));
  }

  private static void send(Exchange ex, int status, String type, byte[] body) {
    securityHeaders(ex);
    ex.send(status, type, body);
  }

  private static void securityHeaders(Exchange ex) {
    var h = ex.responseHeaders();
    h.put("X-Content-Type-Options", "nosniff");
    h.put("Content-Security-Policy", CSP);
    h.put("X-Frame-Options", "DENY");
    h.put("Referrer-Policy", "no-referrer");
    h.put("Cache-Control", "no-store");
  }
}
