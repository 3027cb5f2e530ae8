package cn.fivestar.infra;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.http.HttpException;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.NetworkConnectionLimit;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.server.handler.SizeLimitHandler;
import org.eclipse.jetty.server.internal.HttpConnection;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.component.AbstractLifeCycle;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded HTTP server (Jetty 12 core) that the dashboard and the Telegram webhook share, hardened against slow
 * and greedy clients: a bounded thread pool, an idle timeout, a deadline for a request's header
 * and for its body (counted from its first byte, so a client dripping one byte a second is cut off), limits on
 * header and body size (413 before the body is read when Content-Length says too much) and on open connections.
 * Connections are handled by non-blocking selectors, so a half-sent request holds no worker thread.
 */
public final class HttpServers {
  private static final Logger log = LoggerFactory.getLogger(HttpServers.class);

  private HttpServers() {}

  /** What one server allows. {@link #dashboard()} and {@link #webhook()} are the production figures. */
  public record Limits(int maxThreads, Duration idleTimeout, Duration headerTimeout,
                       Duration bodyTimeout, int maxHeaderBytes, int maxBodyBytes, int maxConnections) {
    /** Pages and a small login form. */
    public static Limits dashboard() {
      return new Limits(16, Duration.ofSeconds(30), Duration.ofSeconds(10), Duration.ofSeconds(30),
          8 * 1024, 16 * 1024, 100);
    }

    /** Telegram's updates (at most 40 parallel connections by default, bodies well under 1 MB). */
    public static Limits webhook() {
      return new Limits(16, Duration.ofSeconds(30), Duration.ofSeconds(10), Duration.ofSeconds(30),
          8 * 1024, 1024 * 1024, 100);
    }

    public Limits withTimeouts(Duration idle, Duration header, Duration body) {
      return new Limits(maxThreads, idle, header, body, maxHeaderBytes, maxBodyBytes, maxConnections);
    }

    public Limits withMaxBodyBytes(int bytes) {
      return new Limits(maxThreads, idleTimeout, headerTimeout, bodyTimeout, maxHeaderBytes, bytes,
          maxConnections);
    }
  }

  /** A request body over {@link Limits#maxBodyBytes()}: answer 413. */
  public static final class BodyTooLarge extends IOException {
    BodyTooLarge(int max) {
      super("request body over " + max + " bytes");
    }
  }

  /** A configured server, not started yet; {@link #start()} binds. */
  public static final class Instance implements AutoCloseable {
    private final Server server;
    private final ServerConnector connector;

    private Instance(Server server, ServerConnector connector) {
      this.server = server;
      this.connector = connector;
    }

    /** Binds and starts serving; a port in use or a bad address is an IOException. */
    public void start() throws IOException {
      try {
        server.start();
      } catch (IOException e) {
        close();
        throw e;
      } catch (Exception e) {
        close();
        throw new IOException(e.getMessage(), e);
      }
    }

    /** The address actually bound (the port chosen when 0 was asked for). */
    public InetSocketAddress address() {
      String host = connector.getHost();
      return new InetSocketAddress(host == null ? "0.0.0.0" : host, connector.getLocalPort());
    }

    /** The Jetty server, for tests that look at its configuration. */
    public Server jetty() {
      return server;
    }

    @Override
    public void close() {
      try {
        server.stop();
      } catch (Exception e) {
        log.warn("stopping the HTTP server: {}", e.toString());
      }
    }
  }

  /** A server on address whose requests go to handler, under limits; threads are named after name. */
  public static Instance create(String name, InetSocketAddress address, Limits limits, Handler handler) {
    // The job queue is left unbounded as Jetty advises (a rejected job can leave a connection half-handled);
    // it stays small because each of the at most maxConnections HTTP/1.1 connections has one request at a time.
    QueuedThreadPool threads = new QueuedThreadPool(limits.maxThreads(), 2, 60_000);
    threads.setName(name);
    threads.setDaemon(true);
    Server server = new Server(threads);
    server.setStopTimeout(0);  // like the JDK server's stop(0): pages are quick reads, Telegram retries
    server.setStopAtShutdown(false);

    HttpConfiguration config = new HttpConfiguration();
    config.setRequestHeaderSize(limits.maxHeaderBytes());
    config.setResponseHeaderSize(16 * 1024);
    config.setSendServerVersion(false);
    config.setSendXPoweredBy(false);
    ServerConnector connector = new ServerConnector(server, 1, 1, new HttpConnectionFactory(config));
    connector.setHost(address.getAddress() == null ? address.getHostString() : address.getAddress().getHostAddress());
    connector.setPort(address.getPort());
    connector.setIdleTimeout(limits.idleTimeout().toMillis());
    connector.setAcceptQueueSize(50);
    connector.addBean(new SlowRequestGuard(name, limits.headerTimeout(), limits.bodyTimeout()));
    server.addConnector(connector);
    server.addBean(new NetworkConnectionLimit(limits.maxConnections(), connector));

    server.setErrorHandler(new PlainErrors());
    SizeLimitHandler sizeLimit = new SizeLimitHandler(limits.maxBodyBytes(), -1);
    sizeLimit.setHandler(handler);
    server.setHandler(sizeLimit);
    return new Instance(server, connector);
  }

  /** The whole request body, at most max bytes (more: {@link BodyTooLarge}); blocks this worker thread. */
  public static byte[] readBody(Request request, int max) throws IOException {
    try (InputStream in = Content.Source.asInputStream(request)) {
      byte[] body = in.readNBytes(max + 1);
      if (body.length > max) throw new BodyTooLarge(max);
      return body;
    } catch (IOException | RuntimeException e) {
      // SizeLimitHandler saw it first (a chunked body): it throws or fails the read with a 413
      for (Throwable t = e; t != null; t = t.getCause()) {
        if (t instanceof HttpException h && h.getCode() == HttpStatus.PAYLOAD_TOO_LARGE_413) throw new BodyTooLarge(max);
      }
      throw e;
    }
  }

  /** Writes a whole response (body may be empty) and completes the callback. */
  public static void send(Response response, Callback callback, int status, String contentType, byte[] body) {
    response.setStatus(status);
    if (contentType != null) response.getHeaders().put(HttpHeader.CONTENT_TYPE, contentType);
    response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
    response.write(true, ByteBuffer.wrap(body), callback);
  }

  /**
   * Error answers Jetty writes itself (malformed request, header too large, body over the limit): a short plain
   * text in place of Jetty's HTML page, without stack traces or server name.
   */
  private static final class PlainErrors extends ErrorHandler {
    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
                                    Callback callback) {
      String text = code + " " + switch (code) {
        case 400 -> "请求格式不正确 (Bad Request)";
        case 408 -> "请求超时 (Request Timeout)";
        case 413 -> "请求内容过大 (Payload Too Large)";
        case 431 -> "请求头过大 (Request Header Fields Too Large)";
        default -> HttpStatus.getMessage(code);
      } + "\n";
      response.getHeaders().put("X-Content-Type-Options", "nosniff");
      response.getHeaders().put("Content-Security-Policy", "default-src 'none'");
      send(response, callback, code, "text/plain; charset=utf-8", text.getBytes(StandardCharsets.UTF_8));
    }
  }

  /**
   * Closes connections whose request does not arrive in time: the request line and headers within headerTimeout
   * of the request's first byte, the whole request (body included) within bodyTimeout. The idle timeout alone
   * cannot do this: every byte resets it. Watches Jetty's HTTP/1.1 parser state (an internal class, hence this one
   * place and the slow-client tests that guard it).
   */
  static final class SlowRequestGuard extends AbstractLifeCycle implements Connection.Listener {
    private final String name;
    private final long headerNanos;
    private final long bodyNanos;
    private final Map<HttpConnection, Watch> open = new ConcurrentHashMap<>();
    private ScheduledExecutorService ticker;

    private static final class Watch {
      long request = -1;  // the number of the request being received, -1 when none is
      long since;
    }

    SlowRequestGuard(String name, Duration header, Duration body) {
      this.name = name;
      this.headerNanos = header.toNanos();
      this.bodyNanos = Math.max(body.toNanos(), headerNanos);
    }

    @Override
    public void onOpened(Connection connection) {
      if (connection instanceof HttpConnection c) open.put(c, new Watch());
    }

    @Override
    public void onClosed(Connection connection) {
      open.remove(connection);
    }

    @Override
    protected void doStart() {
      ticker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, name + "-slow-request-guard");
        t.setDaemon(true);
        return t;
      });
      long every = Math.max(50, Math.min(1000, TimeUnit.NANOSECONDS.toMillis(headerNanos) / 10));
      ticker.scheduleWithFixedDelay(this::check, every, every, TimeUnit.MILLISECONDS);
    }

    @Override
    protected void doStop() {
      ticker.shutdownNow();
    }

    private void check() {
      long now = System.nanoTime();
      open.forEach((c, w) -> {
        var parser = c.getParser();
        boolean header = parser.inHeaderState() && !parser.isStart();
        boolean body = parser.inContentState();
        if (!header && !body) {
          w.request = -1;
          return;
        }
        long n = header ? c.getMessagesIn() : c.getMessagesIn() - 1;  // counted once its header is complete
        if (w.request != n) {
          w.request = n;
          w.since = now;
        } else if (now - w.since > (header ? headerNanos : bodyNanos)) {
          log.info("{}: closing a connection from {} that sent its request too slowly", name,
              c.getEndPoint().getRemoteSocketAddress());
          open.remove(c);
          c.getEndPoint().close(new TimeoutException("request not received in time"));
        }
      });
    }
  }
}
