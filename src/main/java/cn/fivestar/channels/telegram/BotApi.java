package cn.fivestar.channels.telegram;

import cn.fivestar.infra.PersonalData;
import cn.fivestar.infra.Secrets;
import java.io.Serializable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.meta.api.methods.botapimethods.BotApiMethod;
import org.telegram.telegrambots.meta.api.methods.updates.GetUpdates;
import org.telegram.telegrambots.meta.api.methods.updates.SetWebhook;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;

/**
 * The Bot API as the bot uses it: telegrambots' OkHttp client plus the retry rules. A 429 is retried after the
 * server's {@code retry_after}; server errors, timeouts and garbled answers with exponential backoff; everything
 * else fails at once. Optional calls (menus, "typing…", button acknowledgements) never stop the bot: a method the
 * server does not know is reported once and then no longer tried.
 */
public final class BotApi implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(BotApi.class);

  private final OkHttpClient http;
  private final OkHttpTelegramClient client;
  private final OkHttpTelegramClient pollClient;
  private final RetryPolicy retry;
  private final RateLimiter limiter;
  private final RateLimiter.Sleeper sleeper;
  private final Set<String> unsupported = ConcurrentHashMap.newKeySet();

  public BotApi(TelegramSettings settings, RateLimiter limiter, RateLimiter.Sleeper sleeper) {
    Secrets.register(settings.token()); // it is in every request URL: never in a log line or error message
    Dispatcher dispatcher = new Dispatcher();
    // telegrambots runs every call through OkHttp's async dispatcher, which allows only 5 calls per host by default.
    dispatcher.setMaxRequests(256);
    dispatcher.setMaxRequestsPerHost(256);
    Duration request = settings.requestTimeout();
    this.http = new OkHttpClient.Builder()
        .dispatcher(dispatcher)
        .connectTimeout(request)
        .readTimeout(request)
        .writeTimeout(request)
        .addInterceptor(BotApiJson.interceptor())
        .build();
    OkHttpClient polling = http.newBuilder().readTimeout(settings.pollTimeout().plus(Duration.ofSeconds(15))).build();
    this.client = new OkHttpTelegramClient(http, settings.token(), settings.apiUrl());
    this.pollClient = new OkHttpTelegramClient(polling, settings.token(), settings.apiUrl());
    this.retry = settings.retry();
    this.limiter = limiter;
    this.sleeper = sleeper;
  }

  /**
   * Calls a method, retrying as the policy allows. With a {@code chatId}, every attempt first waits for the rate
   * limiter (it is a message to that chat).
   */
  public <T extends Serializable> T call(BotApiMethod<T> method, String chatId)
      throws ApiFailure, InterruptedException {
    return retrying(method.getMethod(), chatId, () -> once(method));
  }

  /** setWebhook goes as multipart (it may carry a certificate), so it has its own entry point. */
  public Boolean setWebhook(SetWebhook request) throws ApiFailure, InterruptedException {
    return retrying(request.getMethod(), null, () -> {
      try {
        return client.execute(request);
      } catch (TelegramApiException e) {
        throw ApiFailure.of(request.getMethod(), e);
      }
    });
  }

  private interface Attempt<T> {
    T run() throws ApiFailure, InterruptedException;
  }

  private <T> T retrying(String name, String chatId, Attempt<T> attemptOnce) throws ApiFailure, InterruptedException {
    ApiFailure last = null;
    for (int attempt = 1; attempt <= retry.maxAttempts(); attempt++) {
      if (chatId != null) limiter.acquire(chatId);
      try {
        return attemptOnce.run();
      } catch (ApiFailure f) {
        last = f;
        if (!f.retryable() || attempt == retry.maxAttempts()) break;
        if (f.kind() == ApiFailure.Kind.RATE_LIMITED) {
          if (f.retryAfterSeconds() > retry.maxRetryAfter().toSeconds()) break;
          log.info("{}: rate limited, retrying in {} s", name, f.retryAfterSeconds());
          if (chatId != null) {
            limiter.penalize(chatId, f.retryAfterSeconds());
          } else {
            sleeper.sleep(TimeUnit.SECONDS.toNanos(f.retryAfterSeconds()));
          }
        } else {
          Duration wait = retry.backoff(attempt);
          log.info("{}: {}; retry {} in {} ms", name, PersonalData.mask(f.getMessage()), attempt + 1,
              wait.toMillis());
          sleeper.sleep(wait.toNanos());
        }
      }
    }
    throw last.retryable() ? ApiFailure.exhausted(last, retry.maxAttempts()) : last;
  }

  /** One attempt, no retry. */
  public <T extends Serializable> T once(BotApiMethod<T> method) throws ApiFailure, InterruptedException {
    try {
      return client.execute(method);
    } catch (TelegramApiException e) {
      if (e.getCause() instanceof InterruptedException || Thread.currentThread().isInterrupted()) {
        throw new InterruptedException("interrupted during " + method.getMethod());
      }
      throw ApiFailure.of(method.getMethod(), e);
    }
  }

  /**
   * A call the bot can live without: one attempt; failures are logged (a method the server does not support only
   * once) and never thrown. Returns whether it succeeded.
   */
  public boolean optional(BotApiMethod<? extends Serializable> method) {
    String name = method.getMethod();
    if (isUnsupported(name)) return false;
    try {
      once(method);
      return true;
    } catch (ApiFailure f) {
      if (f.kind() == ApiFailure.Kind.UNSUPPORTED) {
        if (unsupported.add(name.toLowerCase(Locale.ROOT))) {
          log.warn("the Bot API server does not support {} ({}); the bot goes on without it", name,
              PersonalData.mask(f.getMessage()));
        }
      } else {
        log.info("optional call {}", PersonalData.mask(f.getMessage()));
      }
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** Starts one long poll; the caller waits on (or cancels) the future. */
  public CompletableFuture<ArrayList<Update>> poll(GetUpdates request) throws ApiFailure {
    try {
      return pollClient.executeAsync(request);
    } catch (TelegramApiException e) {
      throw ApiFailure.of(request.getMethod(), e);
    }
  }

  /** Whether the server said it lacks this method (names are case-insensitive: telegrambots sends lower case). */
  boolean isUnsupported(String method) {
    return unsupported.contains(method.toLowerCase(Locale.ROOT));
  }

  @Override
  public void close() {
    http.dispatcher().cancelAll();
    http.dispatcher().executorService().shutdown();
    http.connectionPool().evictAll();
  }
}
