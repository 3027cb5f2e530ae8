package cn.fivestar.conversation;

import cn.fivestar.cases.MutableClock;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.fivestar.infra.Database;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutboxTest {
  @TempDir Path dir;

  @Test
  void queuedMessagesKeepTheirButtonsAndAreTakenOnce() {
    Outbox outbox = new Outbox(Database.inDataDir(dir), new MutableClock(LocalDateTime.of(2026, 1, 5, 9, 0)));
    Outbound rate = Outbound.withButtons("请打分", List.of(List.of(new Button("5分", "rate:20260105-0001:5"))));
    outbox.add("console", "alice", Outbound.text("第一条"));
    outbox.add("console", "alice", rate);
    outbox.add("console", "bob", Outbound.text("给 bob"));
    outbox.add("telegram", "42", Outbound.text("给 Telegram"));
    assertEquals(List.of(Outbound.text("第一条"), rate), outbox.take("console", "alice"));
    assertTrue(outbox.take("console", "alice").isEmpty());
    List<Outbox.Pending> tg = outbox.takeAll("telegram");
    assertEquals(1, tg.size());
    assertEquals("42", tg.get(0).chatId());
    assertEquals(1, outbox.take("console", "bob").size());
  }
}
