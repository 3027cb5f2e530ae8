package cn.fivestar.conversation;

import cn.fivestar.cases.CaseService;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;

/** A clock the tests move by hand (Asia/Shanghai). */
final class TestClock extends Clock {
  private volatile Instant now;

  TestClock(LocalDateTime local) {
    this.now = local.atZone(CaseService.ZONE).toInstant();
  }

  void advance(Duration d) {
    now = now.plus(d);
  }

  @Override
  public ZoneId getZone() {
    return CaseService.ZONE;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return Clock.fixed(now, zone);
  }

  @Override
  public Instant instant() {
    return now;
  }
}
