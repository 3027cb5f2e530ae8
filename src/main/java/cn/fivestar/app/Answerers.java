package cn.fivestar.app;

import cn.fivestar.infra.*;
import cn.fivestar.answer.Answerer;
import cn.fivestar.answer.Generator;
import cn.fivestar.answer.GroundedAnswerer;
import cn.fivestar.answer.Topics;
import cn.fivestar.answer.llm.LlmGenerator;
import cn.fivestar.answer.llm.Prompts;
import cn.fivestar.conversation.intent.IntentClassifier;
import cn.fivestar.knowledge.KnowledgeBase;
import java.util.Optional;

/** Builds the answerer from the environment: extractive by default, with an LLM when FIVESTAR_LLM_* is set. */
public final class Answerers {
  private Answerers() {}

  public static Answerer create(KnowledgeBase kb) {
    return create(kb, IntentClassifier::shared);
  }

  /** With the intent models stored in the data folder (see {@link IntentClassifier#shared(java.nio.file.Path)}). */
  public static Answerer create(KnowledgeBase kb, java.nio.file.Path dataDir) {
    return create(kb, () -> IntentClassifier.shared(dataDir));
  }

  /** Fails with a usage error now (at start-up) when FIVESTAR_LLM_* is set but wrong. */
  static void checkLlmSettings() {
    try {
      LlmGenerator.fromEnv(System.getenv());
    } catch (IllegalArgumentException e) {
      throw UserException.usage(e.getMessage());
    }
  }

  private static Answerer create(KnowledgeBase kb, java.util.function.Supplier<IntentClassifier> models) {
    Optional<Generator> llm;
    try {
      llm = LlmGenerator.fromEnv(System.getenv());
    } catch (IllegalArgumentException e) {
      throw UserException.usage(e.getMessage());
    }
    // The topic model is consulted only when coverage alone does not decide (0.08–0.5), so a one-shot `ask` of a
    // well-covered question never pays for training it.
    return new GroundedAnswerer(kb, llm, Prompts.load().refusal(), new Topics(
        q -> models.get().aboutCommunityLife(q), q -> models.get().offTopic(q)));
  }
}
