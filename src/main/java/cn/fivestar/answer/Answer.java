package cn.fivestar.answer;

import java.util.List;

/**
 * A grounded answer. {@code answered == false} means the knowledge base does not cover the question; {@code text}
 * then politely says so in Chinese.
 */
public record Answer(String question, boolean answered, String text, List<Citation> citations) {
  public Answer {
    citations = citations == null ? List.of() : List.copyOf(citations);
  }
}
