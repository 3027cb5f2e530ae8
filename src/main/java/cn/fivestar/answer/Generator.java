package cn.fivestar.answer;

import cn.fivestar.knowledge.Hit;
import java.util.List;
import java.util.Optional;

/**
 * Writes an answer from retrieved passages (numbered [1]..[n] in the given order). Returns empty when it cannot
 * produce a grounded answer (timeout, error, an answer that cites nothing); the caller then falls back to the
 * extractive answer, so the person always gets a reply.
 */
public interface Generator {
  Optional<Answer> generate(String question, List<Hit> passages);
}
