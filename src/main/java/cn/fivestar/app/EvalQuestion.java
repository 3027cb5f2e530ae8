package cn.fivestar.app;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/** One line of an evaluation set (../shared/eval/dev.jsonl format). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record EvalQuestion(String id, String kind, String q, List<String> expect) {
  public EvalQuestion {
    expect = expect == null ? List.of() : expect;
    kind = kind == null ? "fact" : kind;
  }

  /** Whitespace-insensitive containment, as the evaluation set prescribes. */
  public static boolean contains(String text, String phrase) {
    return squash(text).contains(squash(phrase));
  }

  public static String squash(String s) {
    return s == null ? "" : s.replaceAll("\\s+", "");
  }
}
