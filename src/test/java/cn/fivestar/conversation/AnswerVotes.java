package cn.fivestar.conversation;

import cn.fivestar.answer.Answer;
import cn.fivestar.answer.Citation;
import java.util.ArrayList;
import java.util.List;

/** Test support for other packages: answers shown and voted on, as the feedback buttons would store them. */
public final class AnswerVotes {
  private AnswerVotes() {}

  /**
   * Records an answer to question citing the documents titled so, and the asker's vote (reason: after 没用, null for
   * none). Returns the answer's id.
   */
  public static long vote(AnswerLog log, String user, String question, boolean helpful, String reason,
                          String... citedTitles) {
    List<Citation> cited = new ArrayList<>();
    for (String t : citedTitles) cited.add(new Citation(t + ".md", t, "……"));
    long id = log.record("telegram", user, question, new Answer(question, true, false, "回答：" + question, cited));
    if (!log.vote(id, "telegram", user, helpful)) throw new IllegalStateException("vote refused");
    if (reason != null && !log.reason(id, "telegram", user, reason)) throw new IllegalStateException("reason refused");
    return id;
  }
}
