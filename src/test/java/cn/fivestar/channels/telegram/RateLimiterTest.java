package cn.fivestar.channels.telegram;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The limiter on a fake clock: sleeping advances time, so schedules can be checked exactly. */
class RateLimiterTest {
  static final long SECOND = 1_000_000_000L;

  long now = 0;
  final List<Long> sendTimes = new ArrayList<>();

  RateLimiter limiter(RateLimiter.Limits limits) {
    return new RateLimiter(limits, () -> now, nanos -> now += nanos);
  }

  void send(RateLimiter l, String chat, int times) throws InterruptedException {
    for (int i = 0; i < times; i++) {
      l.acquire(chat);
      sendTimes.add(now);
    }
  }

  @Test
  void aPrivateChatGetsABurstThenOneMessageASecond() throws Exception {
    send(limiter(RateLimiter.Limits.telegram()), "42", 5);
    assertEquals(List.of(0L, 0L, 0L, SECOND, 2 * SECOND), sendTimes);
  }

  @Test
  void groupsGetTwentyAMinute() throws Exception {
    send(limiter(RateLimiter.Limits.telegram()), "-100123", 4);
    assertEquals(3 * SECOND, sendTimes.get(3)); // 60 s / 20 = 3 s apart after the burst of 3
  }

  @Test
  void allChatsTogetherStayUnderThirtyASecond() throws Exception {
    RateLimiter l = limiter(RateLimiter.Limits.telegram());
    for (int chat = 0; chat < 90; chat++) send(l, Integer.toString(chat), 1);
    // 3 in the initial burst, then one every 1/30 s: the 90th message goes out just under 3 s in.
    assertEquals(87 * (SECOND / 30), sendTimes.get(89));
  }

  @Test
  void a429HoldsTheChatBackForRetryAfter() throws Exception {
    RateLimiter l = limiter(RateLimiter.Limits.telegram());
    send(l, "42", 1);
    l.penalize("42", 7);
    send(l, "42", 1);
    send(l, "43", 1);
    assertEquals(List.of(0L, 7 * SECOND, 7 * SECOND), sendTimes);
  }

  @Test
  void noLimitsMeansNoWaiting() throws Exception {
    send(limiter(RateLimiter.Limits.none()), "42", 100);
    assertEquals(0L, sendTimes.get(99));
  }
}
