package cn.fivestar.infra;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;

/** Reading a {@link ListAppender} while other threads (servers, pollers) still log. */
public final class TestLogs {
  private TestLogs() {}

  /** The events so far: the appender adds under its own lock, so they are copied under it. */
  public static List<ILoggingEvent> events(ListAppender<ILoggingEvent> logs) {
    synchronized (logs) {
      return List.copyOf(logs.list);
    }
  }
}
