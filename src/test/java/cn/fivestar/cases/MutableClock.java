package cn.fivestar.cases;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;

/** A clock tests move by hand (Asia/Shanghai); shared by the tests of every package that needs time. */
public final class MutableClock extends Clock {
  private volatile Instant now;

  public MutableClock(LocalDateTime local) {
    this.now = local.atZone(CaseService.ZONE).toInstant();
  }

  public void set(LocalDateTime local) {
    now = local.atZone(CaseService.ZONE).toInstant();
  }

  public void advance(Duration d) {
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
