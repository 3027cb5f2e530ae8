package cn.fivestar.app;

import cn.fivestar.answer.Answer;
import cn.fivestar.answer.Answerer;
import cn.fivestar.answer.Shown;
import cn.fivestar.knowledge.KnowledgeBase;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The knowledge base opened (and its Chinese analysis warmed up) in the background while the chat starts, so the
 * first message after a restart is answered without waiting for the index: small talk, reports and status checks
 * never wait, and a question waits only for what is left of the opening.
 */
final class BackgroundKnowledge implements Answerer, AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(BackgroundKnowledge.class);

  private final CompletableFuture<KnowledgeBase> kb;
  private final CompletableFuture<Answerer> answerer;

  private BackgroundKnowledge(CompletableFuture<KnowledgeBase> kb, Path dataDir) {
    this.kb = kb;
    this.answerer = kb.thenApply(k -> Answerers.create(k, dataDir));
  }

  /** Starts opening the knowledge base of {@code folders} under {@code dataDir} (building it if stale). */
  static BackgroundKnowledge start(Path dataDir, List<Path> folders) {
    CompletableFuture<KnowledgeBase> kb = CompletableFuture.supplyAsync(() -> {
      KnowledgeBase opened = KnowledgeBase.open(dataDir, folders, false, System.err::println);
      opened.search("五星支部怎么创建", 1);  // loads smartcn's dictionaries now rather than on the first question
      return opened;
    });
    kb.whenComplete((k, e) -> {
      if (e != null) log.error("cannot open the knowledge base: {}", e.getCause() == null ? e : e.getCause().toString());
    });
    return new BackgroundKnowledge(kb, dataDir);
  }

  @Override
  public Answer answer(String question, List<String> history) {
    return answer(question, history, null);
  }

  @Override
  public Answer answer(String question, List<String> history, Shown previous) {
    try {
      return answerer.join().answer(question, history, previous);
    } catch (CompletionException e) {
      throw new IllegalStateException("knowledge base unavailable: " + e.getCause(), e);
    }
  }

  /** Blocks until the knowledge base is open (or failed to open). */
  void await() {
    try {
      kb.join();
    } catch (CompletionException e) {
      throw new IllegalStateException("knowledge base unavailable: " + e.getCause(), e);
    }
  }

  /** Runs {@code action} with the knowledge base once it is open (at once if it already is). */
  void whenOpen(java.util.function.Consumer<KnowledgeBase> action) {
    kb.thenAccept(action);
  }

  /** The version of the index answering now ("loading" before it is open; a reload changes it). */
  String version() {
    return kb.isDone() && !kb.isCompletedExceptionally() ? kb.join().version() : "loading";
  }

  /**
   * Closes the knowledge base, waiting for an opening still under way (the first reply went out long before; an
   * index build must not be left half-written by the process exiting or its folder being removed).
   */
  @Override
  public void close() {
    try {
      kb.get(2, java.util.concurrent.TimeUnit.MINUTES).close();
    } catch (java.util.concurrent.ExecutionException e) {
      // it never opened: nothing to close
    } catch (java.util.concurrent.TimeoutException e) {
      log.warn("the knowledge base was still opening at shutdown");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
