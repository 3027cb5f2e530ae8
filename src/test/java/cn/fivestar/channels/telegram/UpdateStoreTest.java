package cn.fivestar.channels.telegram;

import cn.fivestar.infra.TestDatabases;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.fivestar.infra.Database;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.telegram.telegrambots.meta.api.objects.Update;

class UpdateStoreTest {
  @TempDir Path dir;
  final ObjectMapper json = new ObjectMapper();

  Update update(int id, long chat, String text) throws Exception {
    try (FakeBotApi api = new FakeBotApi()) {
      ObjectNode n = api.text(chat, "王阿姨", text);
      n.put("update_id", id);
      return json.convertValue(n, Update.class);
    }
  }

  @Test
  void recordsOnceAndKeepsTheOffsetAndUnfinishedUpdates() throws Exception {
    Database db = TestDatabases.open(dir);
    {
      UpdateStore store = new UpdateStore(db, Clock.systemUTC());
      assertEquals(OptionalInt.empty(), store.offset());
      List<Update> fresh = store.record(List.of(update(7, 1, "一"), update(8, 1, "二 13812345678")),
          UpdateMapper::chatKey, 9);
      assertEquals(2, fresh.size());
      assertEquals(0, store.record(List.of(update(8, 1, "二")), UpdateMapper::chatKey, 9).size(), "seen before");
      store.markDone(7);
    }
    {
      UpdateStore store = new UpdateStore(TestDatabases.open(dir), Clock.systemUTC());
      assertEquals(OptionalInt.of(9), store.offset());
      List<Update> pending = store.pending();
      assertEquals(1, pending.size());
      assertEquals("二 13812345678", pending.get(0).getMessage().getText(), "the payload survives the round trip");
      store.markDone(8);
      assertTrue(store.pending().isEmpty());
      assertTrue(store.seen(8), "still known after handling, so a re-delivery is recognised");
    }
  }

  @Test
  void anOffsetOlderThanSixDaysIsNotTrusted() throws Exception {
    Instant start = Instant.parse("2025-03-01T08:00:00Z");
    Database db = TestDatabases.open(dir);
    {
      UpdateStore store = new UpdateStore(db, Clock.fixed(start, ZoneOffset.UTC));
      store.record(List.of(update(70, 1, "一")), UpdateMapper::chatKey, 71);
    }
    Clock weekLater = Clock.fixed(start.plus(Duration.ofDays(7)), ZoneOffset.UTC);
    {
      UpdateStore store = new UpdateStore(db, weekLater);
      assertEquals(OptionalInt.empty(), store.offset(), "update ids may have been reset by Telegram");
      store.markDone(70);
      assertEquals(1, store.prune(Duration.ofDays(7).minusMinutes(1)));
    }
  }
}
