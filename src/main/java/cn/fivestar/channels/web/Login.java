package cn.fivestar.channels.web;

import static cn.fivestar.channels.web.Html.esc;

import cn.fivestar.accounts.Account;
import cn.fivestar.accounts.Accounts;
import java.io.IOException;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who may see the dashboard: the open loopback dashboard, account and token logins with their throttle, sessions
 * and the login form. Everything else asks {@link #admit} first.
 */
final class Login {
  private static final Logger log = LoggerFactory.getLogger(Login.class);
  private static final String ACCOUNT_KEY = "account:";

  private final WebAccess access;
  private final Accounts accounts;
  private final PageWriter pages;
  private final int maxBody;

  Login(WebAccess access, Accounts accounts, PageWriter pages, int maxBody) {
    this.access = access;
    this.accounts = accounts;
    this.pages = pages;
    this.maxBody = maxBody;
  }

  /** No token and no accounts: read-only and open to this machine only (as before accounts existed). */
  boolean open() {
    return access.noToken() && (accounts == null || !accounts.any());
  }

  /** The open dashboard answers only requests that name this machine. */
  static void checkHost(Exchange ex, boolean open) {
    if (open && !(WebAccess.loopbackHost(ex.hostHeader()) && WebAccess.loopbackHost(ex.uriHost()))) {
      // without a token anyone who can reach the port may look; a page of another site whose name was made to
      // point at 127.0.0.1 (DNS rebinding) must not, and its requests carry that site's name
      throw new HttpError(403, "看板没有设置访问口令，只能在本机用 http://localhost 或 http://127.0.0.1 打开。");
    }
  }

  /** The request's Who, or null when it has been answered (token in the address, login form, throttle). */
  Who admit(Exchange ex, Query q, boolean open) {
    if (!open && q.has("token")) {
      // a token in the address stays in the browser's history, in proxy logs and in Referer headers
      pages.html(ex, 400, Html.page("请勿在网址中写口令", "", form("访问口令不能写在网址里（网址会留在浏览器历史和服务器"
          + "日志中），请在下面输入。如果口令已经被别人看到，请让管理员更换。", "/")));
      return null;
    }
    return authorized(ex, open);
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
      failed(ex, null);
    }
    pages.html(ex, 401, Html.page("需要登录", "", form("请先登录。", ex.target())));
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
    pages.html(ex, 429, Html.page("请稍后再试", "", form("密码或口令错误次数过多，请 " + seconds + " 秒后再试。", next)));
    return true;
  }

  private void failed(Exchange ex, String account) {
    access.throttle().failed(ex.remoteAddress());
    if (account != null) access.throttle().failed(ACCOUNT_KEY + account);
    log.warn("web login failed from {}{}", ex.remoteAddress(), account == null ? "" : " for account " + account);
  }

  /**
   * GET /login shows the form; POST /login checks an account's name and password (fields username, password), or
   * the old access token (field token, or the password field with no name) for a read-only session: right → a new
   * session cookie and 303 to next; wrong → 401, and the address and the account wait longer before the next try.
   */
  void login(Exchange ex, boolean open) throws IOException {
    if (ex.method().equals("GET")) {
      pages.html(ex, access.hasSession(ex.requestHeaders()) ? 200 : 401,
          Html.page("登录", "", form(open && accounts != null
              ? "还没有账号：请在服务器上用 users add 创建。" : "请输入账号和密码。", "/")));
      return;
    }
    if (!ex.method().equals("POST")) {
      ex.responseHeaders().put("Allow", "GET, POST");
      throw new HttpError(405, "登录请用页面上的表单。");
    }
    Query form = ex.form(maxBody);
    String next = localTarget(form.get("next"));
    String name = form.get("username");
    if (name != null && name.length() > 64) name = name.substring(0, 64);
    String secret = form.get("token") != null ? form.get("token") : form.get("password");
    if (throttled(ex, next, name)) return;
    if (name == null) {
      if (!access.matches(secret)) {
        failed(ex, null);
        pages.html(ex, 401, Html.page("登录失败", "", form("访问口令不正确，请核对后重新输入。", next)));
        return;
      }
      access.throttle().succeeded(ex.remoteAddress());
      ex.responseHeaders().add("Set-Cookie", access.newSession());
      ex.redirect(next);
      return;
    }
    Account a = accounts == null ? null : accounts.verify(name, secret).orElse(null);
    if (a == null) {
      // the account's own count only for names that exist, so made-up names cannot crowd the throttle's memory
      failed(ex, accounts != null && accounts.find(name).isPresent() ? name : null);
      pages.html(ex, 401, Html.page("登录失败", "", form("账号或密码不正确，请核对后重新输入。", next)));
      return;
    }
    access.throttle().succeeded(ex.remoteAddress());
    access.throttle().succeeded(ACCOUNT_KEY + a.name());
    log.info("web login: {}", a.name());
    ex.responseHeaders().add("Set-Cookie", access.newSession(a.name()));
    ex.redirect(next.equals("/") ? (a.supervisor() ? "/sup" : "/work") : next);
  }

  /** POST /logout: the session is forgotten on the server and the cookie cleared. */
  void logout(Exchange ex) {
    if (!ex.method().equals("POST")) {
      ex.responseHeaders().put("Allow", "POST");
      throw new HttpError(405, "退出登录请用页面上的按钮。");
    }
    ex.responseHeaders().add("Set-Cookie", access.endSession(ex.requestHeaders()));
    ex.redirect("/login");
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

  /** The login form; next is where to go afterwards (null: the overview). */
  private static String form(String message, String next) {
    return "<h1>登录</h1><p class=\"msg\">" + esc(message) + "</p>"
        + "<form class=\"f login\" method=\"post\" action=\"/login\"><input type=\"hidden\" name=\"next\" value=\""
        + esc(localTarget(next)) + "\"><label>账号 <input name=\"username\" autocomplete=\"username\" "
        + "autocapitalize=\"none\"></label><label>密码 <input type=\"password\" name=\"password\" "
        + "autocomplete=\"current-password\" required></label><button>登录</button></form>"
        + "<p class=\"muted\">只有访问口令的查看人员：账号留空，在密码处输入口令（只能查看）。</p>";
  }
}
