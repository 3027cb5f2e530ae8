package cn.fivestar.knowledge;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Polls the source folders of a {@link KnowledgeBase} every few seconds on a background thread and reloads it when
 * files were added, edited or removed ({@link KnowledgeBase#reloadIfChanged}); queries keep being answered
 * meanwhile. Polling is simpler and more portable than a file-system watch (network and Docker-mounted folders
 * deliver no events) and cheap: sizes and modification times first, contents only when those changed.
 */
public final class KnowledgeReloader implements AutoCloseable {
  /** Seconds between checks; 0 turns reloading off. */
  public static final String ENV = "FIVESTAR_RELOAD_SECONDS";
  public static final Duration DEFAULT = Duration.ofSeconds(30);

  private final ScheduledExecutorService timer;

  private KnowledgeReloader(KnowledgeBase kb, Duration every, Consumer<String> progress) {
    timer = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "knowledge-reload");
      t.setDaemon(true);
      t.setPriority(Thread.NORM_PRIORITY - 1);
      return t;
    });
    long ms = every.toMillis();
    timer.scheduleWithFixedDelay(() -> {
      try {
        kb.reloadIfChanged(progress);
      } catch (RuntimeException e) {
        progress.accept("knowledge: reload failed, still answering from the current index: " + e.getMessage());
      }
    }, ms, ms, TimeUnit.MILLISECONDS);
  }

  /** Starts polling; {@code progress} receives the log lines (change seen, build progress, swapped, failures). */
  public static KnowledgeReloader start(KnowledgeBase kb, Duration every, Consumer<String> progress) {
    if (every.isZero() || every.isNegative()) throw new IllegalArgumentException("reload interval must be positive");
    return new KnowledgeReloader(kb, every, progress);
  }

  /**
   * The interval configured by {@value #ENV}: {@link #DEFAULT} when unset, empty when 0 (off).
   *
   * @throws IllegalArgumentException for anything but a whole number of seconds ≥ 0
   */
  public static java.util.Optional<Duration> interval(String value) {
    if (value == null || value.isBlank()) return java.util.Optional.of(DEFAULT);
    long seconds;
    try {
      seconds = Long.parseLong(value.strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(ENV + " must be a whole number of seconds (0 = off), got: " + value);
    }
    if (seconds < 0) throw new IllegalArgumentException(ENV + " must be 0 (off) or more, got: " + value);
    return seconds == 0 ? java.util.Optional.empty() : java.util.Optional.of(Duration.ofSeconds(seconds));
  }

  /** Stops polling and waits briefly for a check in progress (a build in progress is abandoned at close). */
  @Override
  public void close() {
    timer.shutdownNow();
    try {
      timer.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
