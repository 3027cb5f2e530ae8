package cn.fivestar.channels.telegram;

import cn.fivestar.infra.Secrets;
import java.io.IOException;
import java.util.Locale;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiValidationException;

/**
 * A Bot API call that did not succeed, sorted by what the caller should do about it. Its message never carries the
 * bot token: the server's description and exception messages may quote the request URL (a proxy echoing it), so
 * they are redacted here ({@link Secrets}), before anybody logs or shows them.
 */
public final class ApiFailure extends Exception {

  public enum Kind {
    /** 429: wait {@link #retryAfterSeconds()} and try again. */
    RATE_LIMITED,
    /** 5xx, timeout, connection trouble, garbled answer: try again later. */
    TRANSIENT,
    /** The server does not know this method (minimal or older Bot API servers). */
    UNSUPPORTED,
    /** The request itself was refused (bad chat, bot blocked, invalid markup): retrying will not help. */
    REJECTED
  }

  private final Kind kind;
  private final Integer errorCode;
  private final long retryAfterSeconds;
  private final Long migrateToChatId;

  private ApiFailure(Kind kind, Integer errorCode, String message, long retryAfterSeconds, Long migrateTo,
      Throwable cause) {
    super(Secrets.redact(message), cause);
    this.kind = kind;
    this.errorCode = errorCode;
    this.retryAfterSeconds = retryAfterSeconds;
    this.migrateToChatId = migrateTo;
  }

  static ApiFailure of(String method, TelegramApiException e) {
    if (e instanceof TelegramApiRequestException r && r.getErrorCode() != null && r.getErrorCode() > 0) {
      int code = r.getErrorCode();
      String description = r.getApiResponse() == null ? "" : r.getApiResponse();
      String message = method + " failed: " + code + " " + description;
      if (code == 429) {
        Integer after = r.getParameters() == null ? null : r.getParameters().getRetryAfter();
        return new ApiFailure(Kind.RATE_LIMITED, code, message, after == null ? 1 : Math.max(1, after), null, e);
      }
      if (code == 404 || code == 501 || unknownMethod(description)) {
        return new ApiFailure(Kind.UNSUPPORTED, code, message, 0, null, e);
      }
      if (code >= 500) return new ApiFailure(Kind.TRANSIENT, code, message, 0, null, e);
      Long migrate = r.getParameters() == null ? null : r.getParameters().getMigrateToChatId();
      return new ApiFailure(Kind.REJECTED, code, message, 0, migrate, e);
    }
    if (e instanceof TelegramApiValidationException) {
      return new ApiFailure(Kind.REJECTED, null, method + " is invalid: " + e.getMessage(), 0, null, e);
    }
    // No error code: a timeout, a refused connection, or an answer that is not Bot API JSON (a proxy's 502 page).
    return new ApiFailure(Kind.TRANSIENT, null, method + " failed: " + describe(e), 0, null, e);
  }

  /**
   * Whether the server says it lacks the method: Telegram's "method not found", telegram-test-api's "API method
   * 'x' is not supported" (sent with HTTP 500, so it is checked before the status).
   */
  static boolean unknownMethod(String description) {
    String lower = description.toLowerCase(Locale.ROOT);
    return lower.contains("method not found") || lower.contains("unknown method")
        || (lower.contains("method") && (lower.contains("not supported") || lower.contains("not implemented")));
  }

  static ApiFailure exhausted(ApiFailure last, int attempts) {
    return new ApiFailure(last.kind, last.errorCode, last.getMessage() + " (gave up after " + attempts + " attempts)",
        last.retryAfterSeconds, last.migrateToChatId, last.getCause());
  }

  private static String describe(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof IOException) return t.getClass().getSimpleName() + ": " + t.getMessage();
    }
    return e.getMessage();
  }

  public Kind kind() {
    return kind;
  }

  public Integer errorCode() {
    return errorCode;
  }

  public long retryAfterSeconds() {
    return retryAfterSeconds;
  }

  public Long migrateToChatId() {
    return migrateToChatId;
  }

  public boolean retryable() {
    return kind == Kind.RATE_LIMITED || kind == Kind.TRANSIENT;
  }
}
