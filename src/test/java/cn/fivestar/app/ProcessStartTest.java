package cn.fivestar.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The product as separate processes see it: started without a UTF-8 locale (containers, cron), and several started
 * together on one fresh data folder (serve, web and a cases command under systemd or compose).
 */
class ProcessStartTest {
  @TempDir Path data;

  /** A JVM running the command line with a bare environment: no LANG, no LC_*, only PATH. */
  private Process start(String input, String... args) throws IOException {
    List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), Main.class.getName(), "--data", data.toString()));
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd);
    Map<String, String> env = pb.environment();
    String path = env.get("PATH");
    env.clear();
    env.put("PATH", path == null ? "/usr/bin:/bin" : path);
    Process p = pb.start();
    p.getOutputStream().write(input.getBytes(StandardCharsets.UTF_8));
    p.getOutputStream().close();
    return p;
  }

  private static String finish(Process p, StringBuilder err) throws Exception {
    byte[] out = p.getInputStream().readAllBytes();
    err.append(new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
    assertTrue(p.waitFor(120, TimeUnit.SECONDS), "process did not finish");
    assertEquals(0, p.exitValue(), "exit code; stderr: " + err);
    return new String(out, StandardCharsets.UTF_8);
  }

  @Test
  void chineseOutputSurvivesAMissingLocale() throws Exception {
    String out = finish(start("怎么争创平安法治星？\n", "ask", "--json"), new StringBuilder());
    assertTrue(out.contains("\"question\":\"怎么争创平安法治星？\""), out);
    assertTrue(out.contains("平安法治星"), out);
    assertTrue(!out.contains("??"), out);
  }

  @Test
  void threeProcessesStartedTogetherOnAFreshDataFolderAllWork() throws Exception {
    List<Process> ps = new ArrayList<>();
    for (int i = 0; i < 3; i++) ps.add(start("一长三员\n", "search", "--json", "--top", "1"));
    for (Process p : ps) {
      StringBuilder err = new StringBuilder();
      String out = finish(p, err);
      assertTrue(out.contains("\"hits\":[{"), "no hit; stderr: " + err + " out: " + out);
    }
  }
}
