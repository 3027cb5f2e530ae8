package cn.fivestar.channels.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Slows down token guessing per client address: after the n-th wrong token in a row that address must wait
 * 2^(n-1) seconds (1, 2, 4 … at most 15 minutes) before its next try is even checked. A waiting client is answered
 * at once (429 with Retry-After), so no worker thread sleeps. A right token clears the count; so does an hour
 * without failures. At most {@link #MAX_ADDRESSES} addresses are remembered (the longest quiet ones go first).
 */
final class LoginThrottle {
  static final Duration FIRST = Duration.ofSeconds(1);
  static final Duration MAX = Duration.ofMinutes(15);
  static final Duration FORGET = Duration.ofHours(1);
  static final int MAX_ADDRESSES = 10_000;

  private record Entry(int failures, Instant until) {}

  private final Clock clock;
  private final Map<String, Entry> byAddress = new LinkedHashMap<>(64, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
      return size() > MAX_ADDRESSES;
    }
  };

  LoginThrottle(Clock clock) {
    this.clock = clock;
  }

  /** How long address must still wait before a token from it is checked; zero when it may try now. */
  synchronized Duration waitFor(String address) {
    Entry e = byAddress.get(address);
    if (e == null) return Duration.ZERO;
    Duration left = Duration.between(clock.instant(), e.until());
    return left.isNegative() ? Duration.ZERO : left;
  }

  /** A wrong token from address: the next try waits twice as long as the last. */
  synchronized void failed(String address) {
    Instant now = clock.instant();
    purge(now);
    Entry e = byAddress.get(address);
    int failures = e == null || now.isAfter(e.until().plus(FORGET)) ? 1 : e.failures() + 1;
    byAddress.put(address, new Entry(failures, now.plus(delay(failures))));
  }

  /** A right token from address: no more waiting. */
  synchronized void succeeded(String address) {
    byAddress.remove(address);
  }

  /** The wait after the n-th failure in a row. */
  static Duration delay(int failures) {
    if (failures <= 0) return Duration.ZERO;
    if (failures > 20) return MAX;
    Duration d = FIRST.multipliedBy(1L << (failures - 1));
    return d.compareTo(MAX) > 0 ? MAX : d;
  }

  private void purge(Instant now) {
    if (byAddress.size() < 1000) return;
    for (Iterator<Entry> it = byAddress.values().iterator(); it.hasNext(); ) {
      if (now.isAfter(it.next().until().plus(FORGET))) it.remove();
    }
  }
}
