package cn.fivestar.conversation.intent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import cn.fivestar.app.CliRun;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClassifyCommandTest {

  @Test
  void oneJsonLinePerInputLineIncludingEmptyAndHostileOnes() throws Exception {
    String input = "楼下路灯坏了好几天了\n\n什么是五星支部？\r\n" + "啊".repeat(100_000) + "\n\u0000\u0007\n谢谢\n";
    List<String> lines = run(input);
    assertEquals(6, lines.size(), String.join("\n", lines).substring(0, 200));
    ObjectMapper json = new ObjectMapper();
    JsonNode first = json.readTree(lines.get(0));
    assertEquals("楼下路灯坏了好几天了", first.get("text").asText());
    assertEquals("report", first.get("intent").asText());
    assertEquals("设施维修", first.get("category").asText());
    JsonNode empty = json.readTree(lines.get(1));
    assertEquals("", empty.get("text").asText());
    assertEquals("chitchat", empty.get("intent").asText());
    JsonNode question = json.readTree(lines.get(2));
    assertEquals("什么是五星支部？", question.get("text").asText());
    assertEquals("question", question.get("intent").asText());
    assertFalse(question.has("category"), "category only for reports");
    assertEquals("chitchat", json.readTree(lines.get(5)).get("intent").asText());
  }

  private static List<String> run(String stdin) {
    CliRun r = CliRun.run(stdin, "classify", "--json");
    assertEquals(0, r.code(), r.err());
    return r.out().lines().toList();
  }
}
