package cn.fivestar.app;

import cn.fivestar.infra.*;
import cn.fivestar.channels.web.*;
import cn.fivestar.infra.UserException;
import cn.fivestar.accounts.Accounts;
import cn.fivestar.cases.CaseService;
import cn.fivestar.conversation.AnswerLog;
import cn.fivestar.conversation.Notifiers;
import cn.fivestar.conversation.ChannelBacklog;
import java.time.Clock;
import java.io.IOException;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code web}: the supervisors' dashboard (overview with charts, case list, overdue list, case pages, CSV export). */
@Command(name = "web", mixinStandardHelpOptions = true,
    description = "Staff and supervisor workbench and dashboard over HTTP. Accounts (users add) log in by name and "
        + "password; FIVESTAR_WEB_TOKEN gives read-only access. See docs/web.md.")
public final class WebCommand extends DataCommand implements Callable<Integer> {
  @Option(names = "--port", defaultValue = "8080", paramLabel = "PORT", description = "Default: ${DEFAULT-VALUE}") int port;
  @Option(names = "--bind", defaultValue = "127.0.0.1", paramLabel = "ADDRESS",
      description = "Address to listen on. Default: ${DEFAULT-VALUE}; others need FIVESTAR_WEB_TOKEN") String bind;

  @Override
  public Integer call() throws InterruptedException {
    // the case store wired like the command-line case tools: replies made on the workbench reach the resident
    // through their channel's outbox; 催办 goes to the handler's chat or the staff group the same way
    Database db = Database.inDataDir(dataDir());
    Accounts accounts = new Accounts(db, Clock.systemUTC());
    WebSettings settings = WebSettings.resolve(bind, port, System.getenv(WebSettings.TOKEN_ENV), accounts.any());
    CaseService cases = Services.caseTools(dataDir());
    Notifiers notifier = new Notifiers(new ChannelBacklog(db, cases.clock()), Services.STAFF_CHANNELS);
    AnswerLog answers = new AnswerLog(db, Clock.systemUTC(), () -> "");  // read here; the index version is written by chat
    WebServer server = new WebServer(cases, accounts, notifier, answers, settings.address(), settings.token(),
        HttpServers.Limits.dashboard());
    try {
      server.start();
    } catch (IOException e) {
      cases.close();
      throw new UserException("cannot listen on " + settings.address() + ": " + e.getMessage());
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      server.close();
      cases.close();
      stopped.countDown();
    }, "web-shutdown"));
    var a = server.address();
    String host = a.getAddress().isAnyLocalAddress() ? "<this machine>" : a.getAddress().getHostAddress();
    if (host.contains(":")) host = "[" + host + "]";
    System.err.println("Dashboard at http://" + host + ":" + a.getPort() + "/"
        + (settings.token() == null && !accounts.any() ? " (no login: loopback only, read-only; add accounts with `users add`)"
            : " (log in on the page" + (settings.token() == null ? "" : ", or send Authorization: Bearer") + ")")
        + "; stop it with Ctrl-C.");
    stopped.await();
    return 0;
  }
}
