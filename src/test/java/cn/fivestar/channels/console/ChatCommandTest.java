package cn.fivestar.channels.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.fivestar.app.CliRun;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line as a newcomer uses it: chat on stdin, then list the cases. */
class ChatCommandTest {
  @TempDir Path dir;

  @Test
  void chatThenCasesList() throws Exception {
    CliRun chat = run("楼下路灯坏了好几天了\n幸福路12号院3号楼\n确认\n", "--data", dir.toString(), "chat", "--user", "r1");
    assertEquals(0, chat.code());
    assertTrue(chat.out().strip().lines().reduce((a, b) -> b).orElse("").contains("查询进度"), chat.out());
    assertTrue(chat.out().matches("(?s).*编号 \\d{8}-\\d{4}.*"), chat.out());
    CliRun list = run("", "--data", dir.toString(), "cases", "list", "--json");
    assertEquals(0, list.code());
    JsonNode first = new ObjectMapper().readTree(list.out().lines().findFirst().orElseThrow());
    assertEquals("设施维修", first.get("category").asText());
    assertEquals("幸福路12号院3号楼", first.get("location").asText());
  }

  @Test
  void aBadRoleIsBadUsage() {
    assertEquals(2, run("", "--data", dir.toString(), "chat", "--role", "king").code());
    assertEquals(2, run("", "--data", dir.toString(), "chat", "--user", "a b").code());
  }

  private static CliRun run(String stdin, String... args) {
    return CliRun.run(stdin, args);
  }
}
