package cn.fivestar.conversation;

import java.time.Clock;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A token bucket per sender, so one flooding user cannot drown the bot: each message takes a token, tokens refill
 * at a steady rate up to the bucket size. The first refused message gets a polite notice, later ones are dropped
 * silently until a token is available again. Channels listed as exempt (the local console) are never limited.
 */
public final class Throttle {
  /** What to do with one message. */
  public enum Decision { ALLOW, NOTICE, DROP }

  private static final int MAX_BUCKETS = 10_000;

  private final int capacity;
  private final double tokensPerSecond;
  private final Clock clock;
  private final Set<String> exemptChannels;
  private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

  private static final class Bucket {
    double tokens;
    long lastMillis;
    boolean noticed;
  }

  public Throttle(int capacity, double tokensPerSecond, Clock clock, Set<String> exemptChannels) {
    if (capacity < 1 || tokensPerSecond <= 0) throw new IllegalArgumentException("capacity and rate must be positive");
    this.capacity = capacity;
    this.tokensPerSecond = tokensPerSecond;
    this.clock = clock;
    this.exemptChannels = Set.copyOf(exemptChannels);
  }

  /** 20 messages at once, then one every 3 seconds (20 a minute); the console is exempt. */
  public static Throttle defaults(Clock clock) {
    return new Throttle(20, 1 / 3.0, clock, Set.of("console"));
  }

  public Decision acquire(String channel, String userId) {
    if (exemptChannels.contains(channel)) return Decision.ALLOW;
    if (buckets.size() > MAX_BUCKETS) prune();
    Bucket b = buckets.computeIfAbsent(channel + ":" + userId, k -> {
      Bucket n = new Bucket();
      n.tokens = capacity;
      n.lastMillis = clock.millis();
      return n;
    });
    synchronized (b) {
      long now = clock.millis();
      b.tokens = Math.min(capacity, b.tokens + Math.max(0, now - b.lastMillis) / 1000.0 * tokensPerSecond);
      b.lastMillis = now;
      if (b.tokens >= 1) {
        b.tokens -= 1;
        b.noticed = false;
        return Decision.ALLOW;
      }
      if (b.noticed) return Decision.DROP;
      b.noticed = true;
      return Decision.NOTICE;
    }
  }

  /** Forgets senders whose bucket has refilled: a fresh bucket is full anyway. */
  private void prune() {
    long now = clock.millis();
    buckets.entrySet().removeIf(e -> {
      Bucket b = e.getValue();
      synchronized (b) {
        return b.tokens + (now - b.lastMillis) / 1000.0 * tokensPerSecond >= capacity;
      }
    });
  }
}
