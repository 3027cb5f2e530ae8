package cn.fivestar.channels.telegram;

import cn.fivestar.infra.PersonalData;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.objects.Update;

/**
 * Receives updates Telegram POSTs in webhook mode and hands them to the bot, which records them (so a retried
 * delivery is handled once) before answering 200. A request without the secret header gets 401; a body that is not
 * an update gets 400; a failure to record gets 500, so Telegram delivers it again later.
 */
final class WebhookServer implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(WebhookServer.class);
  private static final int MAX_BODY = 1 << 20;

  interface Receiver {
    void receive(Update update) throws InterruptedException;
  }

  private final HttpServer server;
  private final ExecutorService threads;
  private final byte[] secret;
  private final Receiver receiver;
  private final ObjectMapper json = new ObjectMapper()
      .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  WebhookServer(WebhookSettings settings, Receiver receiver) throws IOException {
    this.secret = settings.secret().getBytes(StandardCharsets.UTF_8);
    this.receiver = receiver;
    this.server = HttpServer.create(settings.listen(), 0);
    AtomicInteger n = new AtomicInteger();
    this.threads = Executors.newFixedThreadPool(4, r -> {
      Thread t = new Thread(r, "telegram-webhook-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
    server.setExecutor(threads);
    server.createContext(settings.path(), this::handle);
  }

  void start() {
    server.start();
  }

  int port() {
    return server.getAddress().getPort();
  }

  private void handle(HttpExchange ex) throws IOException {
    try (ex) {
      if (!"POST".equals(ex.getRequestMethod())) {
        answer(ex, 405);
        return;
      }
      String given = ex.getRequestHeaders().getFirst("X-Telegram-Bot-Api-Secret-Token");
      if (given == null || !MessageDigest.isEqual(secret, given.getBytes(StandardCharsets.UTF_8))) {
        log.warn("webhook request from {} without the right secret refused", ex.getRemoteAddress().getAddress());
        answer(ex, 401);
        return;
      }
      byte[] body;
      try (InputStream in = ex.getRequestBody()) {
        body = in.readNBytes(MAX_BODY + 1);
      }
      if (body.length > MAX_BODY) {
        answer(ex, 413);
        return;
      }
      Update update;
      try {
        update = json.readValue(body, Update.class);
      } catch (IOException e) {
        answer(ex, 400);
        return;
      }
      if (update == null || update.getUpdateId() == null) {
        answer(ex, 400);
        return;
      }
      try {
        receiver.receive(update);
        answer(ex, 200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        answer(ex, 503);
      } catch (RuntimeException e) {
        log.error("webhook update {} not taken: {}", update.getUpdateId(), PersonalData.mask(e.toString()));
        answer(ex, 500);
      }
    }
  }

  private static void answer(HttpExchange ex, int status) throws IOException {
    ex.sendResponseHeaders(status, -1);
  }

  @Override
  public void close() {
    server.stop(0);
    threads.shutdownNow();
  }
}
