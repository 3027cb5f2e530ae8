package cn.fivestar.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.fivestar.cases.MutableClock;
import cn.fivestar.conversation.Inbound;
import cn.fivestar.conversation.Outbound;
import cn.fivestar.conversation.Role;
import cn.fivestar.conversation.remind.RemindTestSupport;
import cn.fivestar.infra.Database;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The supervisors' /remind, wired as serve and chat wire it ({@link Services}): runs the reminders now, once a day. */
class RemindChatCommandTest {
  @TempDir Path dir;

  @Test
  void supervisorsRunTheRemindersNowAndNobodyElseCan() throws Exception {
    RemindTestSupport.seed(dir, new MutableClock(RemindTestSupport.THURSDAY_9AM));
    Files.writeString(dir.resolve("roles.properties"), RemindTestSupport.ROLES, StandardCharsets.UTF_8);
    try (Services services = new Services(dir, (q, h) -> {
      throw new AssertionError("no questions here");
    })) {
      assertTrue(say(services, "u9", Role.RESIDENT, "/remind").contains("只对社区工作人员开放"));
      assertTrue(say(services, "300", Role.STAFF, "/remind").contains("只对街道（乡镇）督办人员开放"));
      assertEquals(0, rows("SELECT COUNT(*) FROM reminder_sent"));

      // the real clock: the seeded January cases are all overdue by now, whatever today is
      String first = say(services, "900", Role.SUPERVISOR, "/remind");
      // (on a rest day the reply starts by saying so: a supervisor's /remind sends anyway)
      assertTrue(first.endsWith("已发送催办 5 条（承办人催办 2 条、待接办提醒 1 条、督办摘要 2 条）。"), first);
      assertEquals(5, rows("SELECT COUNT(*) FROM reminder_sent"));
      assertEquals(5, rows("SELECT COUNT(*) FROM outbox"), "no channel runs here: queued for serve");

      String again = say(services, "900", Role.SUPERVISOR, "/remind@fivestar_bot");
      assertTrue(again.endsWith("已发送催办 0 条。今天已发过的 5 条没有重复发送。"), again);
      assertTrue(say(services, "900", Role.SUPERVISOR, "/help").contains("/remind"));
    }
  }

  private static String say(Services services, String user, Role role, String text) {
    List<Outbound> out = services.engine().handle(Inbound.text("telegram", user, role, text));
    return out.stream().map(Outbound::text).collect(Collectors.joining("\n"));
  }

  private long rows(String sql) {
    try (Connection c = Database.inDataDir(dir).connect(); Statement s = c.createStatement();
         ResultSet rs = s.executeQuery(sql)) {
      return rs.getLong(1);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
