package cn.fivestar.conversation;

import cn.fivestar.infra.TestDatabases;
import cn.fivestar.cases.MutableClock;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.fivestar.infra.Database;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChannelBacklogTest {
  @TempDir Path dir;

  @Test
  void queuedMessagesKeepTheirButtonsAndAreTakenOnce() {
    ChannelBacklog backlog = new ChannelBacklog(TestDatabases.open(dir), new MutableClock(LocalDateTime.of(2026, 1, 5, 9, 0)));
    Outbound rate = Outbound.withButtons("请打分", List.of(List.of(new Button("5分", "rate:20260105-0001:5"))));
    backlog.add("console", "alice", Outbound.text("第一条"));
    backlog.add("console", "alice", rate);
    backlog.add("console", "bob", Outbound.text("给 bob"));
    backlog.add("telegram", "42", Outbound.text("给 Telegram"));
    assertEquals(List.of(Outbound.text("第一条"), rate), backlog.take("console", "alice"));
    assertTrue(backlog.take("console", "alice").isEmpty());
    List<ChannelBacklog.Pending> tg = backlog.takeAll("telegram");
    assertEquals(1, tg.size());
    assertEquals("42", tg.get(0).chatId());
    assertEquals(1, backlog.take("console", "bob").size());
  }
}
