package cn.fivestar.app;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/** Reads standard input as UTF-8, one line at a time (for the line-per-request commands). */
public final class StdinLines {
  private StdinLines() {}

  public static void forEach(Consumer<String> action) {
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    try {
      for (String line; (line = in.readLine()) != null; ) action.accept(line);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
