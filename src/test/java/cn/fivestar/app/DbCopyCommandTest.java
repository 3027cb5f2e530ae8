package cn.fivestar.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.fivestar.cases.CaseKind;
import cn.fivestar.cases.CaseRecord;
import cn.fivestar.cases.CaseService;
import cn.fivestar.cases.CaseStatus;
import cn.fivestar.cases.NewCase;
import cn.fivestar.cases.Taxonomy;
import cn.fivestar.cases.WorkCalendar;
import cn.fivestar.conversation.ChannelBacklog;
import cn.fivestar.conversation.DialogState;
import cn.fivestar.conversation.DialogStore;
import cn.fivestar.conversation.Outbound;
import cn.fivestar.infra.Database;
import cn.fivestar.infra.DbCopy;
import cn.fivestar.infra.TestDatabases;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code db copy --to URL} and back: a store with cases (merged, replied, rated), history, dialog state and queued
 * messages is copied from the data folder's SQLite file to another store (a fresh PostgreSQL database in the
 * PostgreSQL run, another SQLite file otherwise) and back to a new SQLite file; every table's count and checksum
 * match, the copies work (next tracking number, new history rows), and a non-empty target is refused.
 */
class DbCopyCommandTest {
  @TempDir Path dir;

  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-05T01:00:00Z"), ZoneId.of("Asia/Shanghai"));

  private static NewCase report(String user, String text, String place) {
    return new NewCase("telegram", user, "chat-" + user, "居民" + user, null, text, place, "设施维修", CaseKind.HELP,
        List.of());
  }

  @Test
  void copiesThereAndBackWithoutLoss() throws Exception {
    Path data = dir.resolve("data");
    String first;
    try (Database db = Database.inDataDir(data)) {
      CaseService cases = new CaseService(db, Taxonomy.defaults(), WorkCalendar.defaults(), CLOCK);
      CaseRecord a = cases.create(report("r1", "3号楼楼道灯坏了", "幸福路12号院3号楼"));
      CaseRecord b = cases.create(report("r2", "3号楼的楼道灯不亮", "幸福路12号院3号楼"));
      cases.merge(b.id(), a.id(), "staff:s1");
      cases.reply(a.id(), "staff:s1", "已派电工，今天修好");
      first = b.id();
      new DialogStore(db, CLOCK).save("telegram", "chat-r3", "r3", DialogState.idle());
      new ChannelBacklog(db, CLOCK).add("telegram", "chat-r1", Outbound.text("通知：已修好"));
      try (Connection c = db.connect(); Statement s = c.createStatement()) {
        s.execute("INSERT INTO tg_update (update_id, chat_key, payload, state, received_at) VALUES "
            + "(7, 'c1', '{\"text\":\"你好\"}', 'pending', 1767574800000)");
      }
    }

    String there = TestDatabases.postgres() ? TestDatabases.freshPostgres()
        : "jdbc:sqlite:" + dir.resolve("there/fivestar.db");
    CliRun copied = CliRun.run("", "--data", data.toString(), "db", "copy", "--to", there, "--to-user", "fivestar");
    assertEquals(0, copied.code(), copied.err());
    assertTrue(copied.out().contains("verified"), copied.out());
    assertTrue(copied.out().matches("(?s).*cases\\s+2\\s+2\\s+\\w+ ok.*"), copied.out());

    try (Database target = Database.open(there, "fivestar", null)) {
      CaseService cases = new CaseService(target, Taxonomy.defaults(), WorkCalendar.defaults(), CLOCK);
      assertEquals(CaseStatus.MERGED, cases.get(first).status());
      assertTrue(cases.get(first).mergedInto() != null, "the self-reference came along");
      CaseRecord next = cases.create(report("r4", "路灯坏了", "人民路1号院"));
      assertTrue(next.id().endsWith("-0003"), "the day's sequence came along: " + next.id());
      cases.addNote(next.id(), "staff:s1", "新的历史行");
      assertEquals(2, cases.history(next.id()).size(), "identity columns continue after the copied rows");
      assertEquals(1, new ChannelBacklog(target, CLOCK).take("telegram", "chat-r1").size());

      // and back, into a new SQLite file
      Path back = dir.resolve("back/fivestar.db");
      CliRun returned = CliRun.run("", "--data", data.toString(), "db", "copy", "--from", there, "--from-user",
          "fivestar", "--to", "jdbc:sqlite:" + back);
      assertEquals(0, returned.code(), returned.err());
      assertTrue(returned.out().contains("verified"), returned.out());
      try (Database sqlite = Database.open(back)) {
        for (DbCopy.TableCheck c : DbCopy.verify(target, sqlite)) assertTrue(c.ok(), c.toString());
      }
    }

    CliRun again = CliRun.run("", "--data", data.toString(), "db", "copy", "--to", there, "--to-user", "fivestar");
    assertEquals(1, again.code());
    assertTrue(again.err().contains("not empty"), again.err());
  }
}
