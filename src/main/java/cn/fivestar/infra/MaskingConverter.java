package cn.fivestar.infra;

import ch.qos.logback.classic.pattern.MessageConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;

/** Logback converter (%maskedMsg) so no log line ever carries a phone or ID number in clear. */
public final class MaskingConverter extends MessageConverter {
  @Override
  public String convert(ILoggingEvent event) {
    return PersonalData.mask(super.convert(event));
  }
}
