package cn.fivestar.cases;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * Child process for {@link CaseDurabilityTest}: creates cases (and replies to every fifth) without end, printing
 * "CASE id k" after each create returns and "REPLY id" after each reply returns — i.e. only acknowledged writes.
 */
public final class CaseWriterMain {
  private CaseWriterMain() {}

  public static void main(String[] args) {
    PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
    try (CaseService cases = CaseService.open(Path.of(args[0]))) {
      for (int k = 0; ; k++) {
        CaseRecord r = cases.create(new NewCase("telegram", "w", "c", "写入者", null, "durable #" + k, "1号楼", null, null,
            List.of()));
        out.println("CASE " + r.id() + " " + k);
        if (k % 5 == 0) {
          cases.reply(r.id(), "张三", "reply #" + k);
          out.println("REPLY " + r.id());
        }
      }
    }
  }
}
