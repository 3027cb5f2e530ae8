package cn.fivestar.conversation.intent;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** One labelled message from the team's examples file; {@code category} is null unless it is a report. */
public record Example(Intent intent, String category, String text) {

  /** Reads lines {@code intent<TAB>category-or-dash<TAB>text}; '#' starts a comment line. */
  public static List<Example> read(InputStream in) {
    List<Example> out = new ArrayList<>();
    try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      int n = 0;
      for (String line; (line = r.readLine()) != null; ) {
        n++;
        if (line.isBlank() || line.startsWith("#")) continue;
        String[] f = line.split("\t", 3);
        if (f.length != 3) throw new IllegalArgumentException("examples line " + n + ": expected 3 tab-separated fields");
        String category = f[1].equals("-") ? null : f[1];
        out.add(new Example(Intent.parse(f[0]), category, f[2]));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  /** Reads one text per line; '#' starts a comment line, blank lines are skipped. */
  public static List<String> lines(InputStream in) {
    List<String> out = new ArrayList<>();
    try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      for (String line; (line = r.readLine()) != null; ) {
        if (!line.isBlank() && !line.startsWith("#")) out.add(line.strip());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }
}
