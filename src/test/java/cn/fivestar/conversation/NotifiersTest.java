package cn.fivestar.conversation;

import cn.fivestar.infra.TestDatabases;
import cn.fivestar.cases.MutableClock;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.fivestar.infra.Database;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NotifiersTest {
  @TempDir Path dir;

  @Test
  void messagesForAChannelThatIsNotRunningWaitAndAreDeliveredOnceItIs() {
    ChannelBacklog backlog = new ChannelBacklog(TestDatabases.open(dir), new MutableClock(LocalDateTime.of(2026, 1, 5, 9, 0)));
    Notifiers notifiers = new Notifiers(backlog);
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
    assertEquals(1, backlog.take("console", "alice").size());
  }

  @Test
  void staffNoticesWaitForAStaffChannelThatIsNotRunningAndAreSentOnceWhenItIs() {
    ChannelBacklog backlog = new ChannelBacklog(TestDatabases.open(dir), new MutableClock(LocalDateTime.of(2026, 1, 5, 9, 0)));
    Notifiers elsewhere = new Notifiers(backlog, Set.of("telegram"));  // e.g. `cases create`
    elsewhere.toStaff(Outbound.withButtons("新诉求 1", List.of(List.of(new Button("接办", "take:1")))));

    Notifiers serving = new Notifiers(backlog, Set.of("telegram"));
    RecordingNotifier telegram = new RecordingNotifier();
    serving.attach("telegram", telegram);
    serving.toStaff(Outbound.text("新诉求 2"));  // made where the channel runs: sent at once, not queued
    assertEquals(1, serving.deliverQueued("telegram"));
    assertEquals(List.of("新诉求 2", "新诉求 1"), telegram.staff.stream().map(Outbound::text).toList());
    assertEquals("take:1", telegram.staff.get(1).buttons().get(0).get(0).data(), "the button survives the queue");
    assertTrue(telegram.to(Notifiers.STAFF_CHAT).isEmpty(), "never sent to a chat called staff");
    assertEquals(0, serving.deliverQueued("telegram"));
  }

  @Test
  void messagesQueuedBeforeTheRefusedFlagExistedStillRead() throws Exception {
    Outbound old = new com.fasterxml.jackson.databind.ObjectMapper()
        .readValue("{\"text\":\"您好\",\"buttons\":[],\"keyboard\":[]}", Outbound.class);
    assertEquals(Outbound.text("您好"), old);
  }
}
