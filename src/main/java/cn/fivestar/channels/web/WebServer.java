package cn.fivestar.channels.web;

import static cn.fivestar.channels.web.Html.esc;

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
  private final WebAccess access;
  private final HttpServers.Instance server;
  private final int maxBody;

  /** Binds to address (port 0 = any free port); token null = no login (loopback only, see WebSettings). */
  public WebServer(CaseService cases, InetSocketAddress address, String token) {
    this(cases, address, token, HttpServers.Limits.dashboard());
  }

  /** With other HTTP limits (tests: short timeouts). */
  public WebServer(CaseService cases, InetSocketAddress address, String token, HttpServers.Limits limits) {
    if (token == null && !address.getAddress().isLoopbackAddress()) {
      throw new IllegalArgumentException("a token is required to listen on " + address);
    }
    this.cases = cases;
    this.maxBody = limits.maxBodyBytes();
    this.access = new WebAccess(token, cases.clock());
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
  private static final class Exchange {
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

  private void route(Exchange ex) throws IOException {
    if (access.open() && !(WebAccess.loopbackHost(ex.hostHeader()) && WebAccess.loopbackHost(ex.uriHost()))) {
      // without a token anyone who can reach the port may look; a page of another site whose name was made to
      // point at 127.0.0.1 (DNS rebinding) must not, and its requests carry that site's name
      throw new HttpError(403, "看板没有设置访问口令，只能在本机用 http://localhost 或 http://127.0.0.1 打开。");
    }
    String path = ex.path();
    if (!access.open() && path.equals("/login")) {
      login(ex);
      return;
    }
    if (!access.open() && path.equals("/logout")) {
      logout(ex);
      return;
    }
    String method = ex.method();
    if (!method.equals("GET")) {
      ex.responseHeaders().put("Allow", "GET");
      throw new HttpError(405, "看板只能查看，不支持这种请求方式。");
    }
    Query q = Query.parse(ex.rawQuery());
    if (!access.open() && q.has("token")) {
      // a token in the address stays in the browser's history, in proxy logs and in Referer headers
      html(ex, 400, Html.page("请勿在网址中写口令", "", loginForm("访问口令不能写在网址里（网址会留在浏览器历史和服务器"
          + "日志中），请在下面输入。如果口令已经被别人看到，请让管理员更换。", "/")));
      return;
    }
    if (!authorized(ex)) return;
    Instant now = cases.clock().instant();
    if (path.equals("/")) {
      LocalDate from = q.date("from", "开始日期");
      LocalDate to = q.date("to", "结束日期");
      html(ex, 200, OverviewPage.render(cases.stats(from, to), cases.taxonomy(), from, to));
    } else if (path.equals("/cases") || path.equals("/cases/")) {
      caseList(ex, q, now);
    } else if (path.startsWith("/cases/")) {
      String id = path.substring("/cases/".length());
      CaseRecord r = cases.find(id).orElseThrow(() -> HttpError.notFound(
          "找不到编号为 " + Query.clip(id) + " 的诉求，请核对编号（形如 20260105-0001）。"));
      html(ex, 200, CasePages.detail(r, cases.history(r.id()), now));
    } else if (path.equals("/overdue")) {
      html(ex, 200, CasePages.overdue(cases.overdue(), now));
    } else if (path.equals("/export.csv")) {
      export(ex, q);
    } else {
      throw HttpError.notFound("没有这个页面。");
    }
  }

  /**
   * Lets the request through (true) or answers it (false): open dashboards and live sessions pass; a Bearer token
   * is checked unless its address is still waiting after wrong ones (429); anything else gets the login form.
   */
  private boolean authorized(Exchange ex) {
    if (access.open() || access.hasSession(ex.requestHeaders())) return true;
    String bearer = WebAccess.bearer(ex.requestHeaders());
    if (bearer != null) {
      if (throttled(ex, null)) return false;
      if (access.matches(bearer)) {
        access.throttle().succeeded(ex.remoteAddress());
        return true;
      }
      wrongToken(ex);
    }
    html(ex, 401, Html.page("需要登录", "", loginForm("请先登录：输入管理员提供的访问口令。", ex.target())));
    return false;
  }

  /** While the client's address waits after wrong tokens: 429 with Retry-After (true), the token unchecked. */
  private boolean throttled(Exchange ex, String next) {
    Duration wait = access.throttle().waitFor(ex.remoteAddress());
    if (wait.isZero()) return false;
    long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
    ex.responseHeaders().put("Retry-After", Long.toString(seconds));
    html(ex, 429, Html.page("请稍后再试", "", loginForm("口令错误次数过多，请 " + seconds + " 秒后再试。", next)));
    return true;
  }

  private void wrongToken(Exchange ex) {
    access.throttle().failed(ex.remoteAddress());
    log.warn("web login with a wrong token from {}", ex.remoteAddress());
  }

  /**
   * GET /login shows the form; POST /login (form field token, and next: where to go afterwards) checks the token:
   * right → a new session cookie and 303 to next; wrong → 401 and the address waits longer before its next try.
   */
  private void login(Exchange ex) throws IOException {
    if (ex.method().equals("GET")) {
      html(ex, access.hasSession(ex.requestHeaders()) ? 200 : 401,
          Html.page("登录", "", loginForm("请输入管理员提供的访问口令。", "/")));
      return;
    }
    if (!ex.method().equals("POST")) {
      ex.responseHeaders().put("Allow", "GET, POST");
      throw new HttpError(405, "登录请用页面上的表单。");
    }
    Query form = Query.parse(new String(readBody(ex), StandardCharsets.UTF_8));
    String next = localTarget(form.get("next"));
    if (throttled(ex, next)) return;
    if (!access.matches(form.get("token"))) {
      wrongToken(ex);
      html(ex, 401, Html.page("口令错误", "", loginForm("访问口令不正确，请核对后重新输入。", next)));
      return;
    }
    access.throttle().succeeded(ex.remoteAddress());
    ex.responseHeaders().add("Set-Cookie", access.newSession());
    redirect(ex, next);
  }

  /** POST /logout: the session is forgotten on the server and the cookie cleared. */
  private void logout(Exchange ex) {
    if (!ex.method().equals("POST")) {
      ex.responseHeaders().put("Allow", "POST");
      throw new HttpError(405, "退出登录请用页面上的按钮。");
    }
    ex.responseHeaders().add("Set-Cookie", access.endSession(ex.requestHeaders()));
    redirect(ex, "/");
  }

  private static void redirect(Exchange ex, String location) {
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

  private void caseList(Exchange ex, Query q, Instant now) throws IOException {
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
      html(ex, 200, CasePages.list(cases.taxonomy(), typed, more ? found.subList(0, MAX_LIST) : found, more, now, null));
    } catch (HttpError | CaseException e) {
      html(ex, 400, CasePages.list(cases.taxonomy(), typed, List.of(), false, now, e.getMessage()));
    }
  }

  /** The same CSV as {@code cases export}: oldest first, UTF-8 with BOM, personal data masked. */
  private void export(Exchange ex, Query q) throws IOException {
    LocalDate from = q.date("from", "开始日期");
    LocalDate to = q.date("to", "结束日期");
    if (from != null && to != null && from.isAfter(to)) throw HttpError.badRequest("开始日期不能晚于结束日期。");
    List<CaseRecord> ordered = new ArrayList<>(cases.list(CaseFilter.all().withDates(from, to)));
    Collections.reverse(ordered);
    ByteArrayOutputStream buf = new ByteArrayOutputStream(8192);
    try (Writer w = new OutputStreamWriter(buf, StandardCharsets.UTF_8)) {
      CaseCsv.write(w, ordered);
    }
    String name = "cases" + (from == null ? "" : "-" + from) + (to == null ? "" : "-to-" + to) + ".csv";
    ex.responseHeaders().put("Content-Disposition", "attachment; filename=\"" + name + "\"");
    send(ex, 200, "text/csv; charset=utf-8", buf.toByteArray());
  }

  /** The login form; next is where to go afterwards (null: the overview). */
  private static String loginForm(String message, String next) {
    return "<h1>需要登录</h1><p class=\"msg\">" + esc(message) + "</p>"
        + "<form class=\"f\" method=\"post\" action=\"/login\"><input type=\"hidden\" name=\"next\" value=\""
        + esc(localTarget(next)) + "\"><label>访问口令 <input type=\"password\" name=\"token\" "
        + "autocomplete=\"current-password\" required></label><button>登录</button></form>";
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
    if (status == 200 && access.hasSession(ex.requestHeaders())) page = Html.withLogout(page);
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
