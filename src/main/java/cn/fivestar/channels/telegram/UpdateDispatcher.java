package cn.fivestar.channels.telegram;

import cn.fivestar.conversation.ConversationEngine;
import cn.fivestar.conversation.Inbound;
import cn.fivestar.conversation.Outbound;
import cn.fivestar.infra.PersonalData;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.ActionType;
import org.telegram.telegrambots.meta.api.methods.send.SendChatAction;
import org.telegram.telegrambots.meta.api.objects.Update;

/**
 * Runs the bot's work on a bounded pool of workers, one task at a time per chat and in order, so a slow chat holds
 * only itself: each recorded update is mapped, handed to the conversation engine and answered, then marked done in
 * the {@link UpdateStore} whatever happened (a failing update gets an apology, not endless retries); pushes from the
 * engine queue behind their chat's own work.
 */
final class UpdateDispatcher {
  private static final Logger log = LoggerFactory.getLogger(UpdateDispatcher.class);
  static final String APOLOGY = "抱歉，系统暂时出了点问题，您刚才的消息没有处理成功，请稍后再发一次。";

  private final TelegramSettings settings;
  private final BotApi api;
  private final UpdateStore store;
  private final Sender sender;
  private final SendRetryQueue retryQueue;
  private final CommandMenus menus;
  private final ScheduledExecutorService timers;
  private final BiConsumer<String, Outbound> afterStop;
  private final Renderer renderer = new Renderer();
  private final CallbackAcknowledger presses;
  private final KeyedExecutor workers;

  private volatile boolean released; // workers are gone: pushes go to afterStop
  private volatile boolean abandon; // shutdown ran out of time: leave queued updates for the next start
  private volatile boolean killed; // stopped abruptly (tests: a replica that dies): leases are left to expire
  private volatile ChatLeases leases; // replicas on a shared store; null for a single process
  private final Set<String> drainQueued = ConcurrentHashMap.newKeySet();
  private volatile ConversationEngine engine;
  private volatile UpdateMapper mapper;

  /** {@code afterStop} takes the pushes that arrive once the workers are gone. */
  UpdateDispatcher(TelegramSettings settings, BotApi api, UpdateStore store, Sender sender, SendRetryQueue retryQueue,
      CommandMenus menus, ScheduledExecutorService timers, BiConsumer<String, Outbound> afterStop) {
    this.settings = settings;
    this.api = api;
    this.store = store;
    this.sender = sender;
    this.retryQueue = retryQueue;
    this.menus = menus;
    this.timers = timers;
    this.afterStop = afterStop;
    this.presses = new CallbackAcknowledger(api);
    this.workers = new KeyedExecutor("telegram-worker", settings.workers(), settings.maxInFlight());
  }

  /** Before the first update: the engine and the mapper (which needs the bot's @username from getMe). */
  void use(ConversationEngine conversationEngine, UpdateMapper updateMapper) {
    this.engine = conversationEngine;
    this.mapper = updateMapper;
  }

  /** Replica mode: updates are taken from the store per chat under the chat's lease ({@link #drain}). */
  void useLeases(ChatLeases chatLeases) {
    this.leases = chatLeases;
  }

  /**
   * Replica mode: handles the chat's pending updates from the shared store, oldest first, while this replica holds
   * the chat's lease (another replica holding it handles them itself: it looks again after letting go). At most one
   * such task is queued per chat.
   */
  void drain(String chatKey) {
    if (released || !drainQueued.add(chatKey)) return;
    try {
      workers.submitNow(chatKey, () -> {
        drainQueued.remove(chatKey);
        drainNow(chatKey);
      });
    } catch (IllegalStateException stopped) {
      drainQueued.remove(chatKey);
    }
  }

  private void drainNow(String chatKey) {
    ChatLeases l = leases;
    while (!abandon) {
      if (!l.acquire(chatKey)) return;
      boolean lost = false;
      Update u;
      while (!abandon && (u = store.nextPending(chatKey)) != null) {
        process(u);
        if (!l.acquire(chatKey)) { // renewed; lost only when it expired and another replica took over
          lost = true;
          break;
        }
      }
      if (lost) return;
      if (killed) return; // a dead replica lets nothing go: its leases expire and are taken over
      l.release(chatKey);
      // an update recorded by another replica while we held the lease: that replica could not take it, so we do
      if (abandon || store.nextPending(chatKey) == null) return;
    }
  }

  /** Queues a recorded update for its chat; blocks while the workers are full. */
  void dispatch(Update u) throws InterruptedException {
    workers.submit(UpdateMapper.chatKey(u), () -> process(u));
  }

  /** A push from the engine: queued behind the target chat's own work, without waiting for room. */
  void push(String chatId, Outbound message) {
    List<OutMessage> messages = renderer.render(chatId, message, null);
    try {
      if (released) throw new IllegalStateException("stopped");
      workers.submitNow(chatId, () -> {
        if (abandon) {
          messages.forEach(m -> retryQueue.add(m, "bot stopped before sending", 0));
        } else {
          sender.sendAll(messages);
        }
      });
    } catch (IllegalStateException stoppedAlready) {
      afterStop.accept(chatId, message);
    }
  }

  /**
   * Lets the queued work finish within {@code grace}; when that is not enough, the updates still queued are left
   * pending in the store for the next start (and pushes go to the retry queue), then the workers stop.
   */
  void shutdown(Duration grace) throws InterruptedException {
    if (!workers.awaitIdle(grace.toMillis())) {
      abandon = true;
      log.warn("shutdown: {} update(s) still queued are left for the next start", workers.size());
      workers.awaitIdle(grace.toMillis());
    }
    released = true;
    workers.shutdown(1000);
  }

  /**
   * Stops at once, as a replica that dies would (tests): the update in hand finishes, nothing more is handled,
   * leases are not released, the updates not handled stay pending in the store.
   */
  void kill() throws InterruptedException {
    killed = true;
    abandon = true; // queued updates are skipped (they stay pending), queued pushes go to the retry queue
    // Only the update in hand finishes, as if the process died right after it. The wait is long: on a loaded
    // machine a slow update cut short by the interrupt below would be answered with an apology and marked done.
    workers.awaitIdle(30_000);
    released = true;
    workers.shutdown(1000);
  }

  /** Handles one update; runs on a worker, in order with the other updates of the same chat. */
  private void process(Update u) {
    if (abandon) return; // stays pending in the store; handled after the next start
    UpdateMapper.Incoming incoming = null;
    boolean cutShort = false;
    try {
      incoming = mapper.map(u);
      if (incoming instanceof UpdateMapper.Reply r) {
        sender.send(new OutMessage(r.chatId(), r.text(), null, null, r.replyTo()));
      } else if (incoming instanceof UpdateMapper.ToEngine t) {
        converse(t);
      }
    } catch (RuntimeException e) {
      // Cut short by this replica dying (its API closed under it): as after a crash, the update stays pending and
      // the replica that takes the chat over handles it.
      cutShort = killed;
      if (!cutShort) {
        log.error("update {} failed: {}", u.getUpdateId(), PersonalData.mask(e.toString()));
        if (incoming instanceof UpdateMapper.ToEngine t) {
          sender.send(new OutMessage(t.inbound().chatId(), APOLOGY, null, null, null));
        }
      }
    } finally {
      if (!cutShort) {
        try {
          store.markDone(u.getUpdateId());
        } catch (RuntimeException e) {
          log.error("cannot mark update {} done: {}", u.getUpdateId(), e.getMessage());
        }
      }
    }
  }

  private void converse(UpdateMapper.ToEngine t) {
    Inbound in = t.inbound();
    String chatId = in.chatId();
    if (!RateLimiter.isGroup(chatId)) menus.ensure(chatId, in.role());
    // "typing…" only when the engine is slow, so quick answers do not cost an extra call
    ScheduledFuture<?> typing;
    try {
      typing = timers.schedule(
          () -> api.optional(SendChatAction.builder().chatId(chatId).action(ActionType.TYPING.toString()).build()),
          settings.typingDelay().toMillis(), TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException stopping) {
      // The timers stop first when the bot is killed; the update in hand is still handled, without "typing…"
      // (it was answered with an apology and marked done: a ReplicaTest run on PostgreSQL lost an update so).
      typing = null;
    }
    List<Outbound> replies;
    try {
      replies = engine.handle(in);
    } finally {
      if (typing != null) typing.cancel(false);
    }
    if (replies == null) replies = List.of();
    if (t.callback() != null) replies = presses.answer(t.callback(), in, replies);
    for (Outbound o : replies) sender.sendAll(renderer.render(chatId, o, t.messageId()));
  }
}
