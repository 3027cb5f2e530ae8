package cn.fivestar.answer;

import java.util.List;

/**
 * A grounded answer. {@code answered == false} means the knowledge base does not cover the question; {@code text}
 * then politely says so in Chinese. A {@code tentative} answer shows related practices for a question the
 * documents do not address head-on: the chat offers to pass the question on to staff as well.
 */
public record Answer(String question, boolean answered, boolean tentative, String text, List<Citation> citations) {
  public Answer {
    citations = citations == null ? List.of() : List.copyOf(citations);
  }

  /** A definite answer, or a refusal. */
  public Answer(String question, boolean answered, String text, List<Citation> citations) {
    this(question, answered, false, text, citations);
  }
}
