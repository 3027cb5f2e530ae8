package cn.fivestar.app;

import cn.fivestar.infra.*;
import cn.fivestar.channels.web.*;
import cn.fivestar.infra.UserException;
import cn.fivestar.cases.CaseService;
import java.io.IOException;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code web}: the supervisors' dashboard (overview with charts, case list, overdue list, case pages, CSV export). */
@Command(name = "web", mixinStandardHelpOptions = true,
    description = "Supervisors' dashboard over HTTP. Set FIVESTAR_WEB_TOKEN to require a login and to listen "
        + "beyond loopback; see docs/web.md.")
public final class WebCommand extends DataCommand implements Callable<Integer> {
  @Option(names = "--port", defaultValue = "8080", paramLabel = "PORT", description = "Default: ${DEFAULT-VALUE}") int port;
  @Option(names = "--bind", defaultValue = "127.0.0.1", paramLabel = "ADDRESS",
      description = "Address to listen on. Default: ${DEFAULT-VALUE}; others need FIVESTAR_WEB_TOKEN") String bind;

  @Override
  public Integer call() throws InterruptedException {
    WebSettings settings = WebSettings.resolve(bind, port, System.getenv(WebSettings.TOKEN_ENV));
    CaseService cases = CaseService.open(dataDir());
    WebServer server = new WebServer(cases, settings.address(), settings.token());
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
        + (settings.token() == null ? " (no login: loopback only)" : " (log in on the page, or send Authorization: Bearer)")
        + "; stop it with Ctrl-C.");
    stopped.await();
    return 0;
  }
}
