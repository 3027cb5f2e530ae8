package cn.fivestar.cases;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;

/** A clock tests move by hand (Asia/Shanghai). */
final class MutableClock extends Clock {
  private volatile Instant now;

  MutableClock(LocalDateTime local) {
    this.now = local.atZone(CaseService.ZONE).toInstant();
  }

  void set(LocalDateTime local) {
    now = local.atZone(CaseService.ZONE).toInstant();
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
    throw new UnsupportedOperationException();
  }

  @Override
  public Instant instant() {
    return now;
  }
}
