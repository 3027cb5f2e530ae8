package cn.fivestar.channels.telegram;

import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Keeps outgoing messages under Telegram's limits: about 30 messages a second overall, one a second per private
 * chat and 20 a minute per group, each allowing a small burst. Uses the generic cell rate algorithm: every bucket
 * remembers when its next slot is free; a caller reserves a slot in the global and the chat bucket at once and then
 * sleeps outside the lock until it comes. Time and sleeping are injected so tests need no real waiting.
 */
public final class RateLimiter {

  /** Per-second rates; 0 switches a bucket off. */
  public record Limits(double globalPerSecond, double privatePerSecond, double groupPerSecond, int burst) {
    public static Limits telegram() {
      return new Limits(30, 1, 20.0 / 60, 3);
    }

    public static Limits none() {
      return new Limits(0, 0, 0, 1);
    }

    public Limits withGlobalPerSecond(double perSecond) {
      return new Limits(perSecond, privatePerSecond, groupPerSecond, burst);
    }
  }

  /** Sleeps for the given nanoseconds; tests pass one that just advances a fake clock. */
  @FunctionalInterface
  public interface Sleeper {
    void sleep(long nanos) throws InterruptedException;

    Sleeper SYSTEM = nanos -> {
      if (nanos > 0) Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
    };
  }

  private static final class Bucket {
    Bucket(long now) {
      nextFree = now;
      blockedUntil = now;
    }

    long nextFree; // theoretical arrival time of the next slot (nanos)
    long blockedUntil; // set by a 429 answer
  }

  private final Limits limits;
  private final LongSupplier nanoTime;
  private final Sleeper sleeper;
  private final Bucket global;
  private final Map<String, Bucket> chats = new HashMap<>();

  public RateLimiter(Limits limits, LongSupplier nanoTime, Sleeper sleeper) {
    this.limits = limits;
    this.nanoTime = nanoTime;
    this.sleeper = sleeper;
    this.global = new Bucket(nanoTime.getAsLong());
  }

  public static RateLimiter system(Limits limits) {
    return new RateLimiter(limits, System::nanoTime, Sleeper.SYSTEM);
  }

  /** Blocks until one more message to {@code chatId} may go out. */
  public void acquire(String chatId) throws InterruptedException {
    long wait = reserve(chatId);
    if (wait > 0) sleeper.sleep(wait);
  }

  /** Telegram answered 429 for this chat: hold its next message back for {@code seconds}. */
  public synchronized void penalize(String chatId, long seconds) {
    long now = nanoTime.getAsLong();
    Bucket b = chats.computeIfAbsent(chatId, k -> new Bucket(now));
    b.blockedUntil = Math.max(b.blockedUntil, now + seconds * 1_000_000_000L);
  }

  /** Reserves the next slot and returns how long to wait for it (nanos). */
  synchronized long reserve(String chatId) {
    long now = nanoTime.getAsLong();
    long globalInterval = interval(limits.globalPerSecond());
    long chatInterval = interval(isGroup(chatId) ? limits.groupPerSecond() : limits.privatePerSecond());
    Bucket chat = chats.computeIfAbsent(chatId, k -> new Bucket(now));
    long at = Math.max(now, Math.max(earliest(global, globalInterval), earliest(chat, chatInterval)));
    at = Math.max(at, chat.blockedUntil);
    if (globalInterval > 0) global.nextFree = Math.max(global.nextFree, at) + globalInterval;
    if (chatInterval > 0) chat.nextFree = Math.max(chat.nextFree, at) + chatInterval;
    if (chats.size() > 10_000) forgetIdle(now);
    return at - now;
  }

  private long earliest(Bucket b, long interval) {
    if (interval == 0) return Long.MIN_VALUE;
    return b.nextFree - (limits.burst() - 1L) * interval;
  }

  private static long interval(double perSecond) {
    return perSecond <= 0 ? 0 : (long) (1_000_000_000L / perSecond);
  }

  /** Telegram chat ids of groups and channels are negative. */
  static boolean isGroup(String chatId) {
    return chatId.startsWith("-");
  }

  private void forgetIdle(long now) {
    for (Iterator<Bucket> it = chats.values().iterator(); it.hasNext(); ) {
      Bucket b = it.next();
      if (b.nextFree < now && b.blockedUntil < now) it.remove();
    }
  }
}
