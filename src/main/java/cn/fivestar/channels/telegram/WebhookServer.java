package cn.fivestar.channels.telegram;

import cn.fivestar.infra.HttpServers;
import cn.fivestar.infra.PersonalData;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.objects.Update;

/**
 * Receives updates Telegram POSTs in webhook mode and hands them to the bot, which records them (so a retried
 * delivery is handled once) before answering 200. A request without the secret header gets 401; a body over
 * 1 MB gets 413; a body that is not an update gets 400; a failure to record gets 500, so Telegram delivers it
 * again later. Served by the shared hardened server ({@link HttpServers}, limits {@link HttpServers.Limits#webhook()}).
 */
final class WebhookServer implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(WebhookServer.class);

  interface Receiver {
    void receive(Update update) throws InterruptedException;
  }

  private final HttpServers.Instance server;
  private final String path;
  private final byte[] secret;
  private final Receiver receiver;
  private final int maxBody;
  private final ObjectMapper json = new ObjectMapper()
      .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  WebhookServer(WebhookSettings settings, Receiver receiver) {
    this(settings, receiver, HttpServers.Limits.webhook());
  }

  /** With other limits (tests: short timeouts). */
  WebhookServer(WebhookSettings settings, Receiver receiver, HttpServers.Limits limits) {
    this.secret = settings.secret().getBytes(StandardCharsets.UTF_8);
    this.receiver = receiver;
    this.path = settings.path();
    this.maxBody = limits.maxBodyBytes();
    this.server = HttpServers.create("telegram-webhook", settings.listen(), limits, new Handler.Abstract() {
      @Override
      public boolean handle(Request request, Response response, Callback callback) {
        WebhookServer.this.handle(request, response, callback);
        return true;
      }
    });
  }

  void start() throws IOException {
    server.start();
  }

  int port() {
    return server.address().getPort();
  }

  private boolean onPath(String requested) {
    // like the JDK server's context before: the path itself and anything below it
    return requested.equals(path) || requested.startsWith(path.endsWith("/") ? path : path + "/");
  }

  private void handle(Request request, Response response, Callback callback) {
    if (!onPath(request.getHttpURI().getPath())) {
      refuse(response, callback, 404);
      return;
    }
    if (!"POST".equals(request.getMethod())) {
      refuse(response, callback, 405);
      return;
    }
    String given = request.getHeaders().get("X-Telegram-Bot-Api-Secret-Token");
    if (given == null || !MessageDigest.isEqual(secret, given.getBytes(StandardCharsets.UTF_8))) {
      log.warn("webhook request from {} without the right secret refused", Request.getRemoteAddr(request));
      refuse(response, callback, 401);
      return;
    }
    byte[] body;
    try {
      body = HttpServers.readBody(request, maxBody);
    } catch (HttpServers.BodyTooLarge e) {
      answer(response, callback, 413);
      return;
    } catch (IOException e) {
      answer(response, callback, 408);  // the client went away or was too slow (the answer is likely lost)
      return;
    }
    Update update;
    try {
      update = json.readValue(body, Update.class);
    } catch (IOException e) {
      answer(response, callback, 400);
      return;
    }
    if (update == null || update.getUpdateId() == null) {
      answer(response, callback, 400);
      return;
    }
    try {
      receiver.receive(update);
      answer(response, callback, 200);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      answer(response, callback, 503);
    } catch (RuntimeException e) {
      log.error("webhook update {} not taken: {}", update.getUpdateId(), PersonalData.mask(e.toString()));
      answer(response, callback, 500);
    }
  }

  /**
   * A refusal before the body was read: the connection is closed after it (said in the header), so a client that
   * reuses connections does not send its next request into a connection the server drops with the unread body.
   */
  private static void refuse(Response response, Callback callback, int status) {
    response.getHeaders().put(org.eclipse.jetty.http.HttpHeader.CONNECTION,
        org.eclipse.jetty.http.HttpHeaderValue.CLOSE.asString());
    answer(response, callback, status);
  }

  private static void answer(Response response, Callback callback, int status) {
    HttpServers.send(response, callback, status, null, new byte[0]);
  }

  @Override
  public void close() {
    server.close();
  }
}
