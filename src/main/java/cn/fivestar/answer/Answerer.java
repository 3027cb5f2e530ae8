package cn.fivestar.answer;

import java.util.List;

/**
 * Answers a question from the knowledge base. {@code history} holds the same person's earlier questions in this
 * conversation, oldest first, so short follow-ups ("那幸福和谐星呢？") can be understood; pass an empty list if none.
 */
public interface Answerer {
  Answer answer(String question, List<String> history);

  /** The same, for a follow-up to an answer that showed {@code previous} (null when none). */
  default Answer answer(String question, List<String> history, Shown previous) {
    return answer(question, history);
  }
}
