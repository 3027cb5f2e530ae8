package cn.fivestar.infra;

import ch.qos.logback.classic.pattern.ThrowableProxyConverter;
import ch.qos.logback.classic.spi.IThrowableProxy;

/**
 * Logback converter (%maskedEx): a logged exception's stack trace, its messages (and those of its causes) with
 * secrets and personal data masked like {@link MaskingConverter} does for the message.
 */
public final class MaskingThrowableConverter extends ThrowableProxyConverter {
  @Override
  protected String throwableProxyToString(IThrowableProxy tp) {
    return PersonalData.mask(Secrets.redact(super.throwableProxyToString(tp)));
  }
}
