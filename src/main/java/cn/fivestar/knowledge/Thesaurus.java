package cn.fivestar.knowledge;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Maps how residents say things to how policy texts say them ("吵架" → 矛盾纠纷, 调解). One rule per line in
 * {@code knowledge/thesaurus.txt}: {@code 口语词 口语词 => 书面词 书面词}; a rule fires when any left word occurs
 * in the query.
 */
final class Thesaurus {
  private record Rule(List<String> triggers, List<String> terms) {}

  private final List<Rule> rules;

  private Thesaurus(List<Rule> rules) {
    this.rules = rules;
  }

  static Thesaurus load() {
    List<Rule> rules = new ArrayList<>();
    try (InputStream in = Thesaurus.class.getResourceAsStream("/knowledge/thesaurus.txt")) {
      if (in == null) return new Thesaurus(List.of());
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line; (line = r.readLine()) != null; ) {
        line = line.strip();
        if (line.isEmpty() || line.startsWith("#")) continue;
        String[] parts = line.split("=>", 2);
        if (parts.length != 2) continue;
        rules.add(new Rule(List.of(parts[0].strip().split("\\s+")), List.of(parts[1].strip().split("\\s+"))));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new Thesaurus(rules);
  }

  /**
   * The official terms a query word stands for: rules triggered by the word itself, or by a phrase of the query
   * the word is part of (smartcn splits "几颗星" into single characters). Empty if none applies.
   */
  List<String> synonymsOf(String word, String query) {
    Set<String> out = new LinkedHashSet<>();
    Set<String> inside = insideLonger(query);
    for (Rule r : rules) {
      for (String t : r.triggers()) {
        if (inside.contains(t)) continue;
        // A word inside a longer trigger counts only when the query holds the whole trigger: 路边 alone is not 路边摊.
        if (word.contains(t) || (t.contains(word) && query.contains(t))) {
          out.addAll(r.terms());
          break;
        }
      }
    }
    return new ArrayList<>(out);
  }

  /**
   * Triggers the query holds only as part of a longer trigger it holds: "谁说了算" (who rates the stars) is not the
   * "说了算" of residents deciding together.
   */
  private Set<String> insideLonger(String query) {
    List<Rule> firing = new ArrayList<>();
    List<String> found = new ArrayList<>();
    for (Rule r : rules) {
      for (String t : r.triggers()) {
        if (!t.isEmpty() && query.contains(t)) {
          firing.add(r);
          found.add(t);
        }
      }
    }
    Set<String> inside = new java.util.HashSet<>();
    for (int i = 0; i < found.size(); i++) {
      String t = found.get(i);
      for (int j = 0; j < found.size(); j++) {
        String longer = found.get(j);
        // Only a longer phrase of another meaning (no term in common) overrules: 普查员 and 普查 mean alike.
        if (longer.length() > t.length() && longer.contains(t) && query.replace(longer, "").indexOf(t) < 0
            && firing.get(i).terms().stream().noneMatch(firing.get(j).terms()::contains)) {
          inside.add(t);
        }
      }
    }
    return inside;
  }

  /** Extra terms for the query, without duplicates; empty when no rule fires. */
  List<String> expand(String query) {
    Set<String> out = new LinkedHashSet<>();
    Set<String> inside = insideLonger(query);
    for (Rule r : rules) {
      for (String t : r.triggers()) {
        if (!t.isEmpty() && query.contains(t) && !inside.contains(t)) {
          out.addAll(r.terms());
          break;
        }
      }
    }
    return new ArrayList<>(out);
  }
}
