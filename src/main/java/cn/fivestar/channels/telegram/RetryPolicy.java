package cn.fivestar.channels.telegram;

import java.time.Duration;

/**
 * How hard one Bot API call is retried before it is given up (and, for messages, parked in the outbox).
 *
 * @param maxAttempts attempts in total, the first included
 * @param firstBackoff wait after the first server error or timeout; doubled each time up to {@code maxBackoff}
 * @param maxRetryAfter a 429 asking to wait longer than this is not waited for in place (the message goes to the
 *     outbox instead, so a worker is not held for minutes)
 */
public record RetryPolicy(int maxAttempts, Duration firstBackoff, Duration maxBackoff, Duration maxRetryAfter) {

  public RetryPolicy {
    if (maxAttempts < 1) throw new IllegalArgumentException("maxAttempts must be at least 1");
  }

  public static RetryPolicy defaults() {
    return new RetryPolicy(5, Duration.ofMillis(500), Duration.ofSeconds(8), Duration.ofSeconds(60));
  }

  /** Wait before attempt {@code attempt + 1} after a server error (attempt counts from 1). */
  public Duration backoff(int attempt) {
    long ms = firstBackoff.toMillis() << Math.min(attempt - 1, 20);
    return Duration.ofMillis(Math.min(ms, maxBackoff.toMillis()));
  }
}
