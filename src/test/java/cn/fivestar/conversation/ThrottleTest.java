package cn.fivestar.conversation;

import cn.fivestar.cases.MutableClock;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.fivestar.conversation.Throttle.Decision;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ThrottleTest {
  final MutableClock clock = new MutableClock(LocalDateTime.of(2026, 1, 5, 9, 0));
  final Throttle throttle = new Throttle(3, 1.0, clock, Set.of("console"));

  @Test
  void aBurstThenOneNoticeThenSilenceUntilRefilled() {
    for (int i = 0; i < 3; i++) assertEquals(Decision.ALLOW, throttle.acquire("telegram", "u"));
    assertEquals(Decision.NOTICE, throttle.acquire("telegram", "u"));
    assertEquals(Decision.DROP, throttle.acquire("telegram", "u"));
    clock.advance(Duration.ofMillis(999));
    assertEquals(Decision.DROP, throttle.acquire("telegram", "u"));
    clock.advance(Duration.ofMillis(1));
    assertEquals(Decision.ALLOW, throttle.acquire("telegram", "u"));
    assertEquals(Decision.NOTICE, throttle.acquire("telegram", "u"));
  }

  @Test
  void usersAndChannelsHaveTheirOwnBucketsAndTheConsoleIsExempt() {
    for (int i = 0; i < 5; i++) throttle.acquire("telegram", "u");
    assertEquals(Decision.ALLOW, throttle.acquire("telegram", "v"));
    assertEquals(Decision.ALLOW, throttle.acquire("web", "u"));
    for (int i = 0; i < 100; i++) assertEquals(Decision.ALLOW, throttle.acquire("console", "u"));
  }

  @Test
  void aLongPauseNeverOverfillsTheBucket() {
    clock.advance(Duration.ofHours(1));
    for (int i = 0; i < 3; i++) assertEquals(Decision.ALLOW, throttle.acquire("telegram", "u"));
    assertEquals(Decision.NOTICE, throttle.acquire("telegram", "u"));
  }
}
