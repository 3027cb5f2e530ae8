package cn.fivestar.channels.web;

import cn.fivestar.accounts.Accounts;
import cn.fivestar.conversation.AnswerLog;
import cn.fivestar.conversation.Notifier;
import cn.fivestar.infra.PersonalData;
import cn.fivestar.cases.CaseException;
import cn.fivestar.cases.CaseRecord;
import cn.fivestar.cases.CaseService;
import cn.fivestar.infra.HttpServers;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.time.LocalDate;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The dashboard and workbench: server-rendered pages over the case store. This class binds the server, routes each
 * request to its page and turns failures into error pages; {@link Login} decides who may see what, {@link Exchange}
 * adds the security headers every answer carries.
 */
public final class WebServer implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(WebServer.class);

  private final CaseService cases;
  private final AnswerLog answers;
  private final PageWriter pages;
  private final Login login;
  private final CaseForms forms;
  private final CaseActions actions;
  private final WorkLists lists;
  private final SupervisorPage supervisor;
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
    this.answers = answers;
    this.maxBody = limits.maxBodyBytes();
    WebAccess access = new WebAccess(token, cases.clock());
    this.pages = new PageWriter(access);
    this.login = new Login(access, accounts, pages, maxBody);
    this.forms = new CaseForms(cases, accounts, notifier);
    this.actions = new CaseActions(cases, accounts, notifier, forms, pages);
    this.lists = new WorkLists(cases, forms);
    this.supervisor = new SupervisorPage(cases, forms);
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

  private void handle(Exchange ex) {
    try {
      route(ex);
    } catch (HttpError e) {
      pages.error(ex, e.status(), e.getMessage());
    } catch (CaseException e) {
      pages.error(ex, e.reason() == CaseException.Reason.NOT_FOUND ? 404 : 400, e.getMessage());
    } catch (IOException e) {
      pages.error(ex, 408, "请求没有完整送达，请重试。");  // the client went away or was too slow
    } catch (RuntimeException e) {
      log.error("web page {} failed: {}", ex.path(), PersonalData.mask(String.valueOf(e)), e);
      pages.error(ex, 500, "服务器内部出错，请稍后再试；如果一直出错，请联系管理员查看日志。");
    }
  }

  private void route(Exchange ex) throws IOException {
    boolean open = login.open();
    Login.checkHost(ex, open);
    String path = ex.path();
    if (path.equals("/login")) {
      login.login(ex, open);
      return;
    }
    if (path.equals("/logout")) {
      login.logout(ex);
      return;
    }
    String method = ex.method();
    Query q = Query.parse(ex.rawQuery());
    Who who = login.admit(ex, q, open);
    if (who == null) return;
    if (method.equals("POST") && path.startsWith("/cases/")) {
      actions.post(ex, who, path.substring("/cases/".length()), ex.form(maxBody));
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
      pages.html(ex, 200, OverviewPage.render(cases.stats(from, to), cases.taxonomy(), from, to), who);
    } else if (path.equals("/cases") || path.equals("/cases/")) {
      lists.caseList(ex, pages, q, now, who);
    } else if (path.startsWith("/cases/")) {
      String id = path.substring("/cases/".length());
      CaseRecord r = cases.find(id).orElseThrow(() -> HttpError.notFound(
          "找不到编号为 " + Query.clip(id) + " 的诉求，请核对编号（形如 20260105-0001）。"));
      pages.html(ex, 200, forms.detail(r, who, q.get("done"), null), who);
    } else if (path.equals("/overdue")) {
      pages.html(ex, 200, lists.overdue(who, now), who);
    } else if (path.equals("/work")) {
      pages.html(ex, 200, lists.waiting(who.needAccount(), now), who);
    } else if (path.equals("/work/mine")) {
      pages.html(ex, 200, lists.mine(who.needAccount(), now), who);
    } else if (path.equals("/sup")) {
      pages.html(ex, 200, supervisor.render(who, q, now), who);
    } else if (path.equals("/feedback")) {
      pages.html(ex, 200, FeedbackPage.render(answers, now), who);
    } else if (path.equals("/export.csv")) {
      CaseExport.send(ex, cases, q);
    } else {
      throw HttpError.notFound("没有这个页面。");
    }
  }
}
