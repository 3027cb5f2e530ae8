package cn.fivestar.answer.llm;

import cn.fivestar.answer.Answer;
import cn.fivestar.answer.Citation;
import cn.fivestar.answer.Generator;
import cn.fivestar.infra.PersonalData;
import cn.fivestar.knowledge.Hit;
import cn.fivestar.knowledge.Passage;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.ollama.OllamaChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers from retrieved passages with a chat model (OpenAI-compatible or Ollama, via langchain4j). The model sees
 * only the question and the numbered passages, and must cite them; anything else — a timeout, an HTTP error, a
 * malformed response, a reply that declines or cites nothing valid — yields empty, so the caller falls back to
 * the extractive answer. Thread-safe.
 */
public final class LlmGenerator implements Generator {
  private static final Logger log = LoggerFactory.getLogger(LlmGenerator.class);
  private static final int MAX_LOGGED_CAUSE = 300;

  private final ChatModel model;
  private final Prompts prompts;
  private final String label;

  public LlmGenerator(LlmConfig config, Prompts prompts) {
    this.model = chatModel(config);
    this.prompts = prompts;
    this.label = config.toString();
  }

  /** The generator configured by the environment (see {@link LlmConfig}), with {@link Prompts#load()}. */
  public static Optional<Generator> fromEnv(Map<String, String> env) {
    return LlmConfig.fromEnv(env).map(config -> new LlmGenerator(config, Prompts.load()));
  }

  /** The configured model, for the operator's startup line (never shows the API key). */
  public String describe() {
    return label;
  }

  @Override
  public Optional<Answer> generate(String question, List<Hit> passages) {
    if (question == null || question.isBlank() || passages == null || passages.isEmpty()) return Optional.empty();
    String reply;
    try {
      ChatResponse response = model.chat(ChatRequest.builder()
          .messages(SystemMessage.from(prompts.systemMessage()), UserMessage.from(prompts.userMessage(question, passages)))
          .build());
      AiMessage message = response == null ? null : response.aiMessage();
      reply = message == null ? null : message.text();
    } catch (RuntimeException e) {
      // One line, no stack trace: the person still gets the extractive answer.
      log.warn("LLM ({}) unavailable, using the extractive answer: {}", label, cause(e));
      return Optional.empty();
    }
    Optional<ReplyParser.Parsed> parsed = ReplyParser.parse(reply, passages.size());
    if (parsed.isEmpty()) {
      log.info("LLM reply declined or cited no given passage ({} chars), using the extractive answer",
          reply == null ? 0 : reply.length());
      return Optional.empty();
    }
    List<Citation> citations = parsed.get().cited().stream()
        .map(n -> citation(passages.get(n - 1).passage()))
        .toList();
    return Optional.of(new Answer(question, true, parsed.get().text(), citations));
  }

  private static Citation citation(Passage p) {
    return new Citation(p.source(), p.title(), p.text());
  }

  private static ChatModel chatModel(LlmConfig c) {
    return switch (c.provider()) {
      // maxRetries 0: a retry would double the wait of a person already past the timeout.
      case OPENAI -> OpenAiChatModel.builder()
          .baseUrl(c.baseUrl())
          .apiKey(c.apiKey())
          .modelName(c.model())
          .timeout(c.timeout())
          .maxRetries(0)
          .build();
      case OLLAMA -> OllamaChatModel.builder()
          .baseUrl(c.baseUrl())
          .modelName(c.model())
          .timeout(c.timeout())
          .customHeaders(c.apiKey() == null ? Map.of() : Map.of("Authorization", "Bearer " + c.apiKey()))
          .maxRetries(0)
          .build();
    };
  }

  /** The exception and its root cause in one short, masked line. */
  static String cause(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) root = root.getCause();
    boolean sameMessage = Objects.equals(root.getMessage(), e.getMessage());
    String text = describe(e);
    if (root != e) text += " (cause: " + (sameMessage ? root.getClass().getSimpleName() : describe(root)) + ")";
    text = text.replaceAll("\\s+", " ");
    if (text.length() > MAX_LOGGED_CAUSE) text = text.substring(0, MAX_LOGGED_CAUSE) + "…";
    return PersonalData.mask(text);
  }

  private static String describe(Throwable t) {
    return t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
  }
}
