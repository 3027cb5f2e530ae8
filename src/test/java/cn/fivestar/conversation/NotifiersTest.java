package cn.fivestar.conversation;

import cn.fivestar.cases.MutableClock;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.fivestar.app.Database;
import java.nio.file.Path;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NotifiersTest {
  @TempDir Path dir;

  @Test
  void messagesForAChannelThatIsNotRunningWaitAndAreDeliveredOnceItIs() {
    Outbox outbox = new Outbox(Database.inDataDir(dir), new MutableClock(LocalDateTime.of(2026, 1, 5, 9, 0)));
    Notifiers notifiers = new Notifiers(outbox);
    notifiers.toChat("telegram", "42", Outbound.text("您反映的问题有了答复"));
    notifiers.toStaff(Outbound.text("新诉求"));  // no live channel: nobody to tell, nothing breaks
    assertEquals(0, notifiers.deliverQueued("telegram"), "nothing is taken without a live notifier");

    RecordingNotifier telegram = new RecordingNotifier();
    notifiers.attach("telegram", telegram);
    assertEquals(1, notifiers.deliverQueued("telegram"));
    assertEquals("您反映的问题有了答复", telegram.to("42").get(0).text());
    assertEquals(0, notifiers.deliverQueued("telegram"));

    notifiers.toChat("telegram", "43", Outbound.text("直接发送"));
    notifiers.toStaff(Outbound.text("新诉求"));
    assertEquals(1, telegram.to("43").size());
    assertEquals(1, telegram.staff.size());
    notifiers.toChat("console", "alice", Outbound.text("给控制台"));
    assertTrue(telegram.to("alice").isEmpty());
    assertEquals(1, outbox.take("console", "alice").size());
  }
}
