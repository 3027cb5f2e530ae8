package cn.fivestar.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class SecretsTest {
  static final String TOKEN = "7712345678:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw";

  @Test
  void aRegisteredSecretIsRedactedPlainAndUrlEncoded() {
    Secrets.register("4242:short-test-token");
    assertEquals("token <redacted>, encoded <redacted>",
        Secrets.redact("token 4242:short-test-token, encoded 4242%3Ashort-test-token"));
  }

  @Test
  void anythingShapedLikeABotPathOrATokenIsRedactedUnregistered() {
    assertEquals("POST https://api.telegram.org/bot<redacted>/sendMessage failed",
        Secrets.redact("POST https://api.telegram.org/bot" + TOKEN + "/sendMessage failed"));
    assertEquals("GET /bot<redacted>/getMe", Secrets.redact("GET /bot99:x-y_z/getMe"));
    assertEquals("/bot<redacted>?offset=1", Secrets.redact("/bot12%3Aabc?offset=1"));
    assertEquals("Unauthorized: <redacted>", Secrets.redact("Unauthorized: " + TOKEN));
    assertEquals("失败：bot<redacted>，请检查", Secrets.redact("失败：bot123:secret，请检查"));
  }

  @Test
  void ordinaryTextIsLeftAlone() {
    for (String s : new String[] {"robot12:00 开会", "10:23:25.886 WARN", "编号 20261123-0001", "retry_after: 30",
        "chat -1001234567890: 12:30", "HTTP/1.1 502", "abot1:x"}) {
      assertEquals(s, Secrets.redact(s));
    }
    assertEquals(null, Secrets.redact(null));
  }

  @Test
  void logLinesAndStackTracesAreRedactedBeforeNumbersAreMasked() {
    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    ch.qos.logback.classic.Logger logger = context.getLogger("cn.fivestar.test");
    LoggingEvent event = new LoggingEvent("x", logger, Level.ERROR, "call to {} failed, phone {}",
        new IllegalStateException("cause quotes /bot" + TOKEN + "/getMe"),
        new Object[] {"https://api.telegram.org/bot13812345678:secretsecret/getMe", "13812345678"});
    MaskingConverter message = new MaskingConverter();
    String line = message.convert(event);
    assertEquals("call to https://api.telegram.org/bot<redacted>/getMe failed, phone 138****5678", line);

    MaskingThrowableConverter trace = new MaskingThrowableConverter();
    trace.setContext(context);
    trace.start();
    String stack = trace.convert(event);
    assertTrue(stack.contains("cause quotes /bot<redacted>/getMe"), stack);
    assertFalse(stack.contains("AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw"), stack);
  }
}
