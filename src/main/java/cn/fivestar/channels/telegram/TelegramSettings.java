package cn.fivestar.channels.telegram;

import cn.fivestar.infra.UserException;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.telegram.telegrambots.meta.TelegramUrl;

/**
 * Everything the Telegram channel needs to run, read from the environment by {@link #fromEnv(Map)}.
 *
 * @param staffChatId the staff group told about new cases, or null when none is configured
 * @param pollTimeout how long one getUpdates long poll waits on the server
 * @param requestTimeout read timeout of every other Bot API call (a slower answer counts as a failed attempt)
 * @param outboxInterval how often messages that could not be delivered are retried
 * @param typingDelay after this long without a reply, the chat shows "typing…"
 * @param shutdownGrace how long shutdown waits for updates already taken
 */
public record TelegramSettings(
    String token,
    TelegramUrl apiUrl,
    Long staffChatId,
    int workers,
    int maxInFlight,
    Duration pollTimeout,
    Duration requestTimeout,
    RetryPolicy retry,
    RateLimiter.Limits limits,
    Duration outboxInterval,
    Duration typingDelay,
    Duration shutdownGrace) {

  public static final String TOKEN_ENV = "TELEGRAM_BOT_TOKEN";
  public static final String API_URL_ENV = "TELEGRAM_API_URL";
  public static final String STAFF_CHAT_ENV = "FIVESTAR_STAFF_CHAT_ID";
  public static final String WORKERS_ENV = "TELEGRAM_WORKERS";
  public static final String RATE_ENV = "TELEGRAM_MAX_MESSAGES_PER_SECOND";

  /** Production defaults for the given token and server. */
  public static TelegramSettings defaults(String token, TelegramUrl apiUrl) {
    return new TelegramSettings(token, apiUrl, null, 8, 256, Duration.ofSeconds(30), Duration.ofSeconds(20),
        RetryPolicy.defaults(), RateLimiter.Limits.telegram(), Duration.ofSeconds(30), Duration.ofSeconds(1),
        Duration.ofSeconds(20));
  }

  /**
   * Reads TELEGRAM_BOT_TOKEN (required), TELEGRAM_API_URL, FIVESTAR_STAFF_CHAT_ID, TELEGRAM_WORKERS and
   * TELEGRAM_MAX_MESSAGES_PER_SECOND (0 switches the limiter off, e.g. against a local test server).
   *
   * @throws UserException with exit code 2 when a value is missing or malformed
   */
  public static TelegramSettings fromEnv(Map<String, String> env) {
    String token = trimmed(env.get(TOKEN_ENV));
    if (token == null) {
      throw UserException.usage(TOKEN_ENV + " is not set: create a bot with @BotFather and export its token "
          + "(see docs/telegram.md)");
    }
    if (token.chars().anyMatch(c -> c <= ' ' || c == '/')) {
      throw UserException.usage(TOKEN_ENV + " looks malformed (it must be like 123456:ABC-DEF...)");
    }
    TelegramSettings s = defaults(token, parseApiUrl(trimmed(env.get(API_URL_ENV))));
    String staff = trimmed(env.get(STAFF_CHAT_ENV));
    if (staff != null) s = s.withStaffChatId(parseLong(STAFF_CHAT_ENV, staff));
    String workers = trimmed(env.get(WORKERS_ENV));
    if (workers != null) {
      long n = parseLong(WORKERS_ENV, workers);
      if (n < 1 || n > 256) throw UserException.usage(WORKERS_ENV + " must be between 1 and 256");
      s = s.withWorkers((int) n);
    }
    String rate = trimmed(env.get(RATE_ENV));
    if (rate != null) {
      long n = parseLong(RATE_ENV, rate);
      if (n < 0) throw UserException.usage(RATE_ENV + " must be 0 (no limit) or more");
      s = s.withLimits(n == 0 ? RateLimiter.Limits.none() : RateLimiter.Limits.telegram().withGlobalPerSecond(n));
    }
    return s;
  }

  /** Parses a base URL like http://127.0.0.1:8081 (no path: the client appends /bot&lt;token&gt;/&lt;method&gt;). */
  static TelegramUrl parseApiUrl(String value) {
    if (value == null) return TelegramUrl.DEFAULT_URL;
    URI uri;
    try {
      uri = URI.create(value);
    } catch (IllegalArgumentException e) {
      throw UserException.usage(API_URL_ENV + " is not a URL: " + value);
    }
    String scheme = uri.getScheme();
    if (scheme == null || !(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
      throw UserException.usage(API_URL_ENV + " must look like http://host:port or https://host, got " + value);
    }
    if (uri.getRawPath() != null && !uri.getRawPath().isEmpty() && !uri.getRawPath().equals("/")) {
      throw UserException.usage(API_URL_ENV + " must not have a path (the bot adds /bot<token>/<method>): " + value);
    }
    int port = uri.getPort() != -1 ? uri.getPort() : scheme.equals("https") ? 443 : 80;
    return new TelegramUrl(scheme, uri.getHost(), port, false);
  }

  public TelegramSettings withStaffChatId(Long id) {
    return new TelegramSettings(token, apiUrl, id, workers, maxInFlight, pollTimeout, requestTimeout, retry, limits,
        outboxInterval, typingDelay, shutdownGrace);
  }

  public TelegramSettings withWorkers(int n) {
    return new TelegramSettings(token, apiUrl, staffChatId, n, maxInFlight, pollTimeout, requestTimeout, retry, limits,
        outboxInterval, typingDelay, shutdownGrace);
  }

  public TelegramSettings withLimits(RateLimiter.Limits l) {
    return new TelegramSettings(token, apiUrl, staffChatId, workers, maxInFlight, pollTimeout, requestTimeout, retry, l,
        outboxInterval, typingDelay, shutdownGrace);
  }

  public TelegramSettings withTimeouts(Duration poll, Duration request) {
    return new TelegramSettings(token, apiUrl, staffChatId, workers, maxInFlight, poll, request, retry, limits,
        outboxInterval, typingDelay, shutdownGrace);
  }

  public TelegramSettings withRetry(RetryPolicy r, Duration outboxEvery) {
    return new TelegramSettings(token, apiUrl, staffChatId, workers, maxInFlight, pollTimeout, requestTimeout, r, limits,
        outboxEvery, typingDelay, shutdownGrace);
  }

  public TelegramSettings withTypingDelay(Duration d) {
    return new TelegramSettings(token, apiUrl, staffChatId, workers, maxInFlight, pollTimeout, requestTimeout, retry,
        limits, outboxInterval, d, shutdownGrace);
  }

  public TelegramSettings withShutdownGrace(Duration d) {
    return new TelegramSettings(token, apiUrl, staffChatId, workers, maxInFlight, pollTimeout, requestTimeout, retry,
        limits, outboxInterval, typingDelay, d);
  }

  private static String trimmed(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }

  private static long parseLong(String name, String value) {
    try {
      return Long.parseLong(value);
    } catch (NumberFormatException e) {
      throw UserException.usage(name + " must be a number, got " + value);
    }
  }

  @Override
  public String toString() {
    // Never print the token.
    return "TelegramSettings[api=" + apiUrl.getSchema() + "://" + apiUrl.getHost() + ":" + apiUrl.getPort()
        + ", staffChat=" + staffChatId + ", workers=" + workers + "]";
  }
}
