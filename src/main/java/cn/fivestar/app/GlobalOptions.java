package cn.fivestar.app;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Options written before the command ({@code --data}); one instance is shared with every {@link DataCommand}. */
public final class GlobalOptions {
  @Option(names = "--data", paramLabel = "DIR",
      description = "Runtime data folder (index, database, dialog state). Default: $FIVESTAR_DATA or data/")
  Path data;

  /** The data folder: --data, else FIVESTAR_DATA, else ./data. */
  public Path dataDir() {
    if (data != null) return data;
    String env = System.getenv("FIVESTAR_DATA");
    return env == null || env.isBlank() ? Path.of("data") : Path.of(env);
  }
}
