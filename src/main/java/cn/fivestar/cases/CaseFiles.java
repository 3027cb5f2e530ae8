package cn.fivestar.cases;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.BiFunction;

/**
 * The case store's settings files (cases/taxonomy.txt, cases/calendar.txt): a deployment overrides one by putting
 * its own copy under DATA/cases/, so both are looked up the same way.
 */
final class CaseFiles {
  private CaseFiles() {}

  /** The classpath copy of cases/NAME, parsed by parse(content, source). */
  static <T> T defaults(String name, BiFunction<String, String, T> parse) {
    String resource = "cases/" + name;
    try (InputStream in = CaseFiles.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) throw new IllegalStateException("missing resource " + resource);
      return parse.apply(new String(in.readAllBytes(), StandardCharsets.UTF_8), resource);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** DATA/cases/NAME when present, else the classpath copy; source names the file in parse errors. */
  static <T> T forDataDir(Path dataDir, String name, BiFunction<String, String, T> parse) {
    Path file = dataDir.resolve("cases").resolve(name);
    if (!Files.isRegularFile(file)) return defaults(name, parse);
    try {
      return parse.apply(Files.readString(file, StandardCharsets.UTF_8), file.toString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
