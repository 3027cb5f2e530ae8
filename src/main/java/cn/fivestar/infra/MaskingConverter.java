package cn.fivestar.infra;

import ch.qos.logback.classic.pattern.MessageConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;

/**
 * Logback converter (%maskedMsg) so no log line ever carries a secret (bot token, see {@link Secrets}) or a phone or
 * ID number in clear. Secrets go first: masking a number could otherwise break a token's shape.
 */
public final class MaskingConverter extends MessageConverter {
  @Override
  public String convert(ILoggingEvent event) {
    return PersonalData.mask(Secrets.redact(super.convert(event)));
  }
}
