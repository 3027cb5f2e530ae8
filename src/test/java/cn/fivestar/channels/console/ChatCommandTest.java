package cn.fivestar.channels.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.fivestar.app.Main;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line as a newcomer uses it: chat on stdin, then list the cases. */
class ChatCommandTest {
  @TempDir Path dir;

  @Test
  void chatThenCasesList() throws Exception {
    Run chat = run("楼下路灯坏了好几天了\n幸福路12号院3号楼\n确认\n", "--data", dir.toString(), "chat", "--user", "r1");
    assertEquals(0, chat.code);
    assertTrue(chat.out.strip().lines().reduce((a, b) -> b).orElse("").contains("查询进度"), chat.out);
    assertTrue(chat.out.matches("(?s).*编号 \\d{8}-\\d{4}.*"), chat.out);
    Run list = run("", "--data", dir.toString(), "cases", "list", "--json");
    assertEquals(0, list.code);
    JsonNode first = new ObjectMapper().readTree(list.out.lines().findFirst().orElseThrow());
    assertEquals("设施维修", first.get("category").asText());
    assertEquals("幸福路12号院3号楼", first.get("location").asText());
  }

  @Test
  void aBadRoleIsBadUsage() {
    assertEquals(2, run("", "--data", dir.toString(), "chat", "--role", "king").code);
    assertEquals(2, run("", "--data", dir.toString(), "chat", "--user", "a b").code);
  }

  private record Run(int code, String out) {}

  private static Run run(String stdin, String... args) {
    InputStream oldIn = System.in;
    PrintStream oldOut = System.out;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
      System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
      int code = Main.execute(args);
      return new Run(code, out.toString(StandardCharsets.UTF_8));
    } finally {
      System.setIn(oldIn);
      System.setOut(oldOut);
    }
  }
}
