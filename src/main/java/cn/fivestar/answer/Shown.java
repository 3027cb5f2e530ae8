package cn.fivestar.answer;

import java.util.List;

/**
 * What the previous answer in a conversation showed (its text and the passages it cited), so a follow-up such as
 * "这是哪个地方搞哩" is answered about that answer rather than from a new search.
 */
public record Shown(String text, List<Citation> citations) {
  public Shown {
    text = text == null ? "" : text;
    citations = citations == null ? List.of() : List.copyOf(citations);
  }
}
