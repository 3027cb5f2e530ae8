package cn.fivestar.knowledge;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Where the default knowledge base lives: ./index, or the index/ folder beside the jar's project folder. */
public final class KnowledgeSources {
  private KnowledgeSources() {}

  public static List<Path> resolve(List<Path> given) {
    return given == null || given.isEmpty() ? List.of(defaultFolder()) : given;
  }

  public static Path defaultFolder() {
    Path cwd = Path.of("index");
    if (Files.isDirectory(cwd)) return cwd;
    try {
      Path jar = Path.of(KnowledgeSources.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      // The jar sits in target/ (development) or beside index/ (installed, e.g. /app in the Docker image).
      Path dir = jar.getParent();
      for (int up = 0; dir != null && up < 2; up++, dir = dir.getParent()) {
        Path candidate = dir.resolve("index");
        if (Files.isDirectory(candidate)) return candidate;
      }
    } catch (URISyntaxException | SecurityException | NullPointerException ignored) {
      // Fall through to the plain relative path; the caller reports it as missing.
    }
    return cwd;
  }
}
