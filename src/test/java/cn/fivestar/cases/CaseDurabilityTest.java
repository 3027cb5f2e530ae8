package cn.fivestar.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.fivestar.infra.Database;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A writer killed with SIGKILL in the middle of writing loses nothing it acknowledged and duplicates nothing. */
class CaseDurabilityTest {
  @TempDir Path dir;

  @Test
  @Timeout(value = 120, unit = TimeUnit.SECONDS)  // guards against a hung child, not a speed requirement
  void everyAcknowledgedCaseSurvivesAKill() throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder pb = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
        CaseWriterMain.class.getName(), dir.toString());
    pb.redirectError(ProcessBuilder.Redirect.DISCARD);
    Process child = pb.start();
    Map<String, Integer> acked = new HashMap<>();
    Set<String> replied = new HashSet<>();
    try (BufferedReader in = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = in.readLine()) != null) {
        String[] f = line.split(" ");
        if (f[0].equals("CASE")) acked.put(f[1], Integer.parseInt(f[2]));
        if (f[0].equals("REPLY")) replied.add(f[1]);
        // SIGKILL while it keeps writing; through the handle, so acknowledgements already in the pipe are still read
        if (acked.size() == 300) child.toHandle().destroyForcibly();
      }
    }
    assertEquals(137, child.waitFor(), "killed by SIGKILL, not finished");
    assertTrue(acked.size() >= 300, "the child wrote before being killed: " + acked.size());

    try (CaseService cases = CaseService.open(dir)) {
      for (Map.Entry<String, Integer> e : acked.entrySet()) {
        CaseRecord r = cases.get(e.getKey());
        assertEquals("durable #" + e.getValue(), r.text());
        if (replied.contains(r.id())) {
          assertEquals(CaseStatus.ANSWERED, r.status());
          assertEquals(List.of("reply #" + e.getValue()), r.replies().stream().map(CaseMessage::text).toList());
        }
      }
      List<CaseRecord> all = cases.list(CaseFilter.all());
      Set<String> texts = new HashSet<>();
      for (CaseRecord r : all) assertTrue(texts.add(r.text()), "written once: " + r.text());
      assertTrue(all.size() <= acked.size() + 1, "at most the one in flight was committed unacknowledged");
    }
    try (Connection c = Database.inDataDir(dir).connect(); Statement s = c.createStatement();
         ResultSet rs = s.executeQuery("PRAGMA integrity_check")) {
      assertEquals("ok", rs.getString(1));
    }
  }
}
