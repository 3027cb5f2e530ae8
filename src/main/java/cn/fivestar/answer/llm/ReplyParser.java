package cn.fivestar.answer.llm;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a model reply: which passages it cites, and the text with its markers renumbered to the order of the
 * returned citations, so "[k]" in the answer always means the k-th citation shown to the person.
 */
final class ReplyParser {
  /** The answer text and the cited passage numbers (1-based, as sent), in order of first citation. */
  record Parsed(String text, List<Integer> cited) {}

  // Reasoning models served locally (Ollama) may put their chain of thought in the content.
  private static final Pattern THINK = Pattern.compile("(?s)<think>.*?(</think>|$)");
  // [1]  ［1］  【1】  and lists inside one bracket: [1, 3]  【1、2】
  private static final Pattern MARKER =
      Pattern.compile("[\\[［【]\\s*(\\p{Nd}{1,4}(?:\\s*[,，、]\\s*\\p{Nd}{1,4})*)\\s*[\\]］】]");
  private static final Pattern LIST_SEPARATOR = Pattern.compile("\\s*[,，、]\\s*");
  private static final Pattern SPACE_BEFORE_PUNCT = Pattern.compile("[ \\t]+(?=[。，；：！？、,.;:!?)）]|$)", Pattern.MULTILINE);

  private ReplyParser() {}

  /** Empty when the reply is blank, declines (refusal marker), or cites no valid passage. */
  static Optional<Parsed> parse(String reply, int passageCount) {
    if (reply == null) return Optional.empty();
    String text = THINK.matcher(reply).replaceAll("").strip();
    if (text.isEmpty() || text.contains(Prompts.REFUSAL_MARKER)) return Optional.empty();

    Map<Integer, Integer> order = new LinkedHashMap<>(); // passage number -> citation number
    StringBuilder out = new StringBuilder();
    Matcher m = MARKER.matcher(text);
    while (m.find()) {
      Set<Integer> here = new LinkedHashSet<>();
      for (String n : LIST_SEPARATOR.split(m.group(1))) {
        int number = number(n);
        if (number >= 1 && number <= passageCount) here.add(order.computeIfAbsent(number, x -> order.size() + 1));
      }
      StringBuilder markers = new StringBuilder();
      for (int k : here) markers.append('[').append(k).append(']');
      m.appendReplacement(out, Matcher.quoteReplacement(markers.toString()));
    }
    m.appendTail(out);
    if (order.isEmpty()) return Optional.empty();
    String tidy = SPACE_BEFORE_PUNCT.matcher(out).replaceAll("").strip();
    return Optional.of(new Parsed(tidy, List.copyOf(order.keySet())));
  }

  /** Digits of any script (full-width ４ included). */
  private static int number(String digits) {
    int n = 0;
    for (int i = 0; i < digits.length(); i++) n = n * 10 + Character.digit(digits.charAt(i), 10);
    return n;
  }
}
