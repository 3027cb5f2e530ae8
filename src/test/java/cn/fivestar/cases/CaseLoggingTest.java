package cn.fivestar.cases;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import cn.fivestar.infra.TestLogs;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** Log lines and summaries never carry a phone or ID number in clear, whatever the resident typed. */
class CaseLoggingTest {
  @TempDir Path dir;
  final ListAppender<ILoggingEvent> appender = new ListAppender<>();
  Logger logger;
  Level before;

  @BeforeEach
  void capture() {
    logger = (Logger) LoggerFactory.getLogger("cn.fivestar.cases");
    before = logger.getLevel();
    logger.setLevel(Level.DEBUG);
    appender.start();
    logger.addAppender(appender);
  }

  @AfterEach
  void release() {
    logger.detachAppender(appender);
    logger.setLevel(before);
  }

  @Test
  void summariesMaskBeforeTheyCut() {
    // 24 characters would end in the middle of the number: a cut number must not escape the mask
    String summary = CaseRecord.summarize("3号楼电梯坏了，困人了！电话13812345678，快来", 24);
    assertFalse(summary.contains("1381234567"), summary);
    assertTrue(summary.startsWith("3号楼电梯坏了，困人了！电话138****"), summary);
    assertFalse(CaseRecord.summarize("身份证410102199001011234", 12).contains("41010219900"));
  }

  @Test
  void phoneAndIdNumbersAreMaskedInLogs() {
    try (CaseService cases = CaseTestSupport.open(dir, new MutableClock(CaseTestSupport.MONDAY_9AM))) {
      CaseRecord a = cases.create(new NewCase("telegram", "u1", "c1", "王13812345678", "13812345678",
          "我家漏水，电话13812345678，身份证410102199001011234", "幸福社区0371-66881234号", "设施维修", CaseKind.HELP, null));
      CaseRecord b = cases.create(new NewCase("phone", "13912345678", null, null, "13912345678", "也漏水", "幸福社区",
          "设施维修", CaseKind.HELP, null));
      cases.merge(b.id(), a.id(), "13700001111");
      cases.reply(a.id(), "13700001111", "已修好，有事打13812345678");
      cases.transition(a.id(), CaseStatus.CLOSED, "调度员", "身份证410102199001011234核实");
      cases.rate(a.id(), "telegram", "u1", 5, "打13812345678找我");
    }
    List<String> lines = TestLogs.events(appender).stream().map(ILoggingEvent::getFormattedMessage).toList();
    assertTrue(lines.size() >= 5, lines.toString());
    assertTrue(lines.stream().anyMatch(l -> l.contains("20260105-0001") && l.contains("138****5678")), lines.toString());
    for (String l : lines) {
      assertFalse(l.contains("13812345678"), l);
      assertFalse(l.contains("13912345678"), l);
      assertFalse(l.contains("13700001111"), l);
      assertFalse(l.contains("19900101"), l);
      assertFalse(l.contains("66881234"), l);
    }
  }
}
