package cn.fivestar.channels.telegram;

import cn.fivestar.infra.PersonalData;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.updates.GetUpdates;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;

/**
 * The long-polling loop, on its own thread. telegrambots' own long-polling application keeps the offset only in
 * memory, so each batch is recorded in the {@link UpdateStore} together with the next offset before its fresh
 * updates are handed on: a re-delivered update is dropped, and the offset survives restarts.
 */
final class UpdatePoller {
  private static final Logger log = LoggerFactory.getLogger(UpdatePoller.class);
  /** Pause after an empty getUpdates answer that came back long before the poll timeout. */
  static final Duration EMPTY_POLL_PAUSE = Duration.ofMillis(250);
  /** The longest wait after failed polls, so polling resumes soon once Telegram is back. */
  private static final Duration MAX_FAILURE_PAUSE = Duration.ofSeconds(30);

  /** Where fresh updates go; may block while the workers are full, which slows polling down. */
  interface Dispatch {
    void dispatch(Update u) throws InterruptedException;
  }

  private final BotApi api;
  private final UpdateStore store;
  private final TelegramSettings settings;
  private final Clock clock;
  private final Dispatch dispatch;
  private final CountDownLatch stopping;
  private volatile CompletableFuture<?> currentPoll;
  private Thread thread;

  /** Polls until {@code stopping} is counted down. */
  UpdatePoller(BotApi api, UpdateStore store, TelegramSettings settings, Clock clock, Dispatch dispatch,
      CountDownLatch stopping) {
    this.api = api;
    this.store = store;
    this.settings = settings;
    this.clock = clock;
    this.dispatch = dispatch;
    this.stopping = stopping;
  }

  void start() {
    thread = new Thread(this::run, "telegram-poller");
    thread.start();
  }

  /** After the stop signal: cuts the pending long poll short and waits (up to 5 s) for the loop to end. */
  void awaitEnd() throws InterruptedException {
    CompletableFuture<?> poll = currentPoll;
    if (poll != null) poll.cancel(true);
    if (thread != null) {
      thread.interrupt();
      thread.join(TimeUnit.SECONDS.toMillis(5));
    }
  }

  private void run() {
    OptionalInt stored = store.offset();
    Integer offset = stored.isPresent() ? stored.getAsInt() : null;
    int failures = 0;
    long lastBatchAt = clock.millis();
    while (stopping.getCount() > 0) {
      if (offset != null && clock.millis() - lastBatchAt > UpdateStore.OFFSET_TRUSTED_FOR.toMillis()) {
        offset = null; // a week without updates: Telegram may restart update ids below our offset
      }
      GetUpdates request = GetUpdates.builder().offset(offset).limit(100)
          .timeout((int) settings.pollTimeout().toSeconds()).allowedUpdates(UpdateMapper.ALLOWED_UPDATES).build();
      try {
        long polledAt = System.nanoTime();
        CompletableFuture<ArrayList<Update>> call = api.poll(request);
        currentPoll = call;
        if (stopping.getCount() == 0) call.cancel(true);
        List<Update> batch = call.get();
        failures = 0;
        if (batch == null || batch.isEmpty()) {
          // A server that does not long-poll (telegram-test-api, some proxies) answers at once: do not hammer it.
          if (System.nanoTime() - polledAt < settings.pollTimeout().toNanos() / 2 && !pause(EMPTY_POLL_PAUSE)) break;
          continue;
        }
        int next = batch.stream().mapToInt(Update::getUpdateId).max().getAsInt() + 1;
        List<Update> fresh = store.record(batch, UpdateMapper::chatKey, next);
        offset = next;
        lastBatchAt = clock.millis();
        if (fresh.size() < batch.size()) {
          log.info("{} re-delivered update(s) ignored", batch.size() - fresh.size());
        }
        for (Update u : fresh) dispatch.dispatch(u);
      } catch (CancellationException | InterruptedException e) {
        break;
      } catch (ExecutionException | ApiFailure e) {
        failures++;
        if (!pause(pauseAfter(asFailure(e), failures))) break;
      } catch (RuntimeException e) {
        failures++;
        log.error("polling failed: {}", PersonalData.mask(e.toString()));
        if (!pause(settings.retry().backoff(failures))) break;
      }
    }
  }

  /** A failed poll as an {@link ApiFailure}, whether the call threw it or its future failed. */
  private static ApiFailure asFailure(Exception e) {
    if (e instanceof ApiFailure f) return f;
    Throwable cause = e.getCause();
    return cause instanceof TelegramApiException t
        ? ApiFailure.of("getUpdates", t)
        : ApiFailure.of("getUpdates", new TelegramApiException("getUpdates failed", cause));
  }

  private Duration pauseAfter(ApiFailure f, int failures) {
    if (f.kind() == ApiFailure.Kind.RATE_LIMITED) return Duration.ofSeconds(f.retryAfterSeconds());
    String message = PersonalData.mask(f.getMessage());
    if (Integer.valueOf(409).equals(f.errorCode())) {
      message += " (another instance is polling with this token, or a webhook is set)";
    }
    if (failures == 1 || failures % 10 == 0) {
      log.warn("polling failed ({} in a row): {}", failures, message);
    }
    Duration backoff = settings.retry().backoff(failures);
    return backoff.compareTo(MAX_FAILURE_PAUSE) > 0 ? MAX_FAILURE_PAUSE : backoff;
  }

  /** Waits unless the bot is stopping; false when it is. */
  private boolean pause(Duration d) {
    try {
      return !stopping.await(d.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      return false;
    }
  }
}
