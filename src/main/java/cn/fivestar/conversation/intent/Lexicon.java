package cn.fivestar.conversation.intent;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Domain cue words grouped under keys: taxonomy categories ("环境卫生") and intent cues ("@question").
 * Matching is on normalized text, so a term counts however the message is punctuated or spaced.
 */
public final class Lexicon {
  private final Map<String, List<String>> terms;

  Lexicon(Map<String, List<String>> terms) {
    this.terms = terms;
  }

  /** Reads lines {@code key<TAB>term term …}; '#' starts a comment line. */
  public static Lexicon read(InputStream in) {
    Map<String, List<String>> terms = new LinkedHashMap<>();
    try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      for (String line; (line = r.readLine()) != null; ) {
        if (line.isBlank() || line.startsWith("#")) continue;
        int tab = line.indexOf('\t');
        if (tab < 0) throw new IllegalArgumentException("lexicon line without a tab: " + line);
        List<String> list = terms.computeIfAbsent(line.substring(0, tab).trim(), k -> new ArrayList<>());
        for (String t : line.substring(tab + 1).trim().split("\\s+")) {
          String n = TextFeatures.normalize(t);
          if (!n.isEmpty()) list.add(n);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new Lexicon(terms);
  }

  /** The keys with at least one term in the (normalized) text. */
  Set<String> keysIn(String normalized) {
    Set<String> keys = new LinkedHashSet<>();
    for (Map.Entry<String, List<String>> e : terms.entrySet()) {
      for (String t : e.getValue()) {
        if (normalized.contains(t)) {
          keys.add(e.getKey());
          break;
        }
      }
    }
    return keys;
  }

  /** Key → normalized terms. */
  Map<String, List<String>> terms() {
    return terms;
  }

  /** Category keys (those not starting with '@'). */
  Set<String> categories() {
    Set<String> out = new LinkedHashSet<>();
    for (String k : terms.keySet()) if (!k.startsWith("@")) out.add(k);
    return out;
  }
}
