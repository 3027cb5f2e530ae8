package cn.fivestar.channels.telegram;

import cn.fivestar.conversation.ChannelBacklog;
import cn.fivestar.conversation.ConversationEngine;
import cn.fivestar.conversation.Notifier;
import cn.fivestar.conversation.Role;
import cn.fivestar.infra.Database;
import cn.fivestar.infra.Dialect;
import cn.fivestar.infra.PersonalData;
import cn.fivestar.infra.HttpServers;
import cn.fivestar.infra.Secrets;
import cn.fivestar.infra.UserException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.GetMe;
import org.telegram.telegrambots.meta.api.methods.updates.DeleteWebhook;
import org.telegram.telegrambots.meta.api.methods.updates.SetWebhook;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.User;

/**
 * The Telegram channel, as {@code serve} runs it: updates come from the {@link UpdatePoller} (or a
 * {@link WebhookServer}), are recorded in SQLite before they are handled (so a re-delivered update is handled once
 * and one interrupted by a crash is handled after restart) and run on the {@link UpdateDispatcher}'s workers, one
 * chat at a time; {@link QueuedDelivery} sends what waited. This class wires them, starts them and stops them.
 */
public final class TelegramBot implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(TelegramBot.class);
  /** Handled updates are kept this long (to recognise re-deliveries), then forgotten. */
  private static final Duration KEEP_UPDATES = Duration.ofDays(7);

  private final TelegramSettings settings;
  private final Clock clock;
  private final Function<String, Role> roleOfUser;
  private final UpdateStore store;
  private final SendRetryQueue retryQueue;
  private final BotApi api;
  private final ScheduledExecutorService timers;
  private final CommandMenus menus;
  private final QueuedDelivery delivery;
  private final UpdateDispatcher dispatcher;
  private final TelegramNotifier notifier;
  private final CountDownLatch stopping = new CountDownLatch(1);
  private final CountDownLatch stopped = new CountDownLatch(1);
  private final AtomicBoolean started = new AtomicBoolean();
  private final AtomicBoolean closed = new AtomicBoolean();

  private final Database database;
  private volatile Duration leaseLength = Duration.ofSeconds(30);
  private volatile ChatLeases leases; // webhook replicas on PostgreSQL; null for a single process
  private volatile String username;
  private UpdatePoller poller;
  private volatile WebhookServer webhook;

  public TelegramBot(TelegramSettings settings, Database database, Function<String, Role> roleOfUser) {
    this(settings, database, roleOfUser, Clock.systemUTC(), RateLimiter.Sleeper.SYSTEM);
  }

  TelegramBot(TelegramSettings settings, Database database, Function<String, Role> roleOfUser, Clock clock,
      RateLimiter.Sleeper sleeper) {
    this.settings = settings;
    this.clock = clock;
    this.roleOfUser = roleOfUser;
    this.database = database;
    this.store = new UpdateStore(database, clock);
    this.retryQueue = new SendRetryQueue(database, clock);
    RateLimiter limiter = new RateLimiter(settings.limits(), System::nanoTime, sleeper);
    this.api = new BotApi(settings, limiter, sleeper);
    Sender sender = new Sender(api, retryQueue, clock, settings.outboxInterval());
    ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(2, r -> {
      Thread t = new Thread(r, "telegram-timer");
      t.setDaemon(true);
      return t;
    });
    scheduler.setRemoveOnCancelPolicy(true); // one "typing…" timer per update, nearly all cancelled
    this.timers = scheduler;
    this.menus = new CommandMenus(api, store, CommandMenus.standard());
    this.delivery = new QueuedDelivery(sender, closed::get);
    this.dispatcher = new UpdateDispatcher(settings, api, store, sender, retryQueue, menus, timers,
        delivery::putBack);
    this.notifier = new TelegramNotifier(dispatcher::push, settings.staffChatId());
  }

  /** Where the engine sends pushes (staff replies to residents, new cases to the staff group). */
  public Notifier notifier() {
    return notifier;
  }

  /**
   * The engine's queue of messages for chats no running channel could reach (Telegram chats while no bot ran, or
   * pushes from another process such as a staff member on the console): drained at start and then every few
   * seconds; pushes arriving after the bot stopped are put back there.
   */
  public void useBacklog(ChannelBacklog queue) {
    delivery.use(queue, notifier);
  }

  /** The bot's @username, known after {@link #start}. */
  public String username() {
    return username;
  }

  /**
   * Connects (getMe), takes over from any webhook, sets the command menus, resumes updates left unfinished by the
   * last run, and starts polling. Fails with a one-line reason when the server cannot be used.
   */
  public void start(ConversationEngine conversationEngine) {
    prepare(conversationEngine);
    api.optional(new DeleteWebhook());
    poller = new UpdatePoller(api, store, settings, clock, dispatcher::dispatch, stopping);
    poller.start();
    log.info("Telegram bot @{} is polling {}", username, settings);
  }

  /**
   * Like {@link #start} but Telegram pushes updates to a webhook: registers it (with its secret) and listens.
   * Returns the local port (useful when the settings asked for port 0).
   */
  public int startWebhook(ConversationEngine conversationEngine, WebhookSettings hook) {
    return startWebhook(conversationEngine, hook, HttpServers.Limits.webhook());
  }

  /** {@link #startWebhook(ConversationEngine, WebhookSettings)} with other HTTP limits (tests: short timeouts). */
  int startWebhook(ConversationEngine conversationEngine, WebhookSettings hook, HttpServers.Limits limits) {
    Secrets.register(hook.secret());
    if (database.dialect() == Dialect.POSTGRESQL) {
      // several replicas may share this store: chats are handled under leases, the retry queue is claimed
      String replica = ProcessHandle.current().pid() + "-" + UUID.randomUUID().toString().substring(0, 8);
      leases = new ChatLeases(database, clock, replica, leaseLength);
      dispatcher.useLeases(leases);
      retryQueue.claimAs(replica, leaseLength);
    }
    prepare(conversationEngine);
    webhook = new WebhookServer(hook, this::receive, limits);
    try {
      webhook.start();
    } catch (java.io.IOException e) {
      throw new UserException("cannot listen on " + hook.listen() + ": " + e.getMessage());
    }
    try {
      api.setWebhook(SetWebhook.builder().url(hook.publicUrl().toString()).secretToken(hook.secret())
          .allowedUpdates(UpdateMapper.ALLOWED_UPDATES).maxConnections(settings.workers()).build());
    } catch (ApiFailure f) {
      throw new UserException("Telegram did not accept the webhook " + hook.publicUrl() + ": " + f.getMessage());
    } catch (InterruptedException e) {
      throw interrupted("setting the webhook");
    }
    log.info("Telegram bot @{} receives updates at {} (listening on port {})", username, hook.publicUrl(),
        webhook.port());
    return webhook.port();
  }

  /** Everything both modes do before updates flow in. */
  private void prepare(ConversationEngine conversationEngine) {
    if (!started.compareAndSet(false, true)) throw new IllegalStateException("already started");
    User me = getMe();
    if (me == null || me.getId() == null) {
      throw new UserException("the Bot API server at " + apiAddress() + " answered getMe without the bot's id");
    }
    this.username = me.getUserName();
    dispatcher.use(conversationEngine, new UpdateMapper(username, roleOfUser));
    menus.setDefault();
    if (settings.staffChatId() != null) menus.ensure(settings.staffChatId().toString(), Role.STAFF);
    store.prune(KEEP_UPDATES);

    ChatLeases l = leases;
    if (l != null) {
      // replicas: pending updates of chats nobody holds (now, and whenever a holder's lease runs out)
      takeOverOrphans();
      long every = Math.max(50, l.length().toMillis() / 3);
      timers.scheduleWithFixedDelay(this::renewAndTakeOver, every, every, TimeUnit.MILLISECONDS);
    } else {
      List<Update> unfinished = store.pending();
      if (!unfinished.isEmpty()) log.info("resuming {} update(s) left unfinished by the last run", unfinished.size());
      try {
        for (Update u : unfinished) dispatcher.dispatch(u);
      } catch (InterruptedException e) {
        throw interrupted("starting");
      }
    }
    delivery.start(timers, settings.outboxInterval());
    timers.scheduleWithFixedDelay(() -> store.prune(KEEP_UPDATES), 1, 1, TimeUnit.HOURS);
  }

  private void takeOverOrphans() {
    List<String> chats = leases.orphaned();
    if (!chats.isEmpty()) log.info("taking up pending updates of {} chat(s) no replica holds", chats.size());
    chats.forEach(dispatcher::drain);
  }

  private void renewAndTakeOver() {
    try {
      leases.renewHeld();
      takeOverOrphans();
    } catch (RuntimeException e) {
      log.error("chat leases: {}", PersonalData.mask(e.toString()));
    }
  }

  /**
   * One update pushed by the webhook: recorded (a repeated delivery is dropped), then queued for its chat; with
   * replicas, its chat's pending updates are handled here if this replica can lease the chat.
   */
  private void receive(Update u) throws InterruptedException {
    if (isStopping()) throw new IllegalStateException("stopping");
    List<Update> fresh = store.record(List.of(u), UpdateMapper::chatKey, null);
    if (leases != null) {
      if (!fresh.isEmpty()) dispatcher.drain(UpdateMapper.chatKey(u));
    } else {
      for (Update f : fresh) dispatcher.dispatch(f);
    }
  }

  /** The chat lease length for replicas on PostgreSQL (default 30 s); before starting (tests: short). */
  TelegramBot leaseFor(Duration length) {
    this.leaseLength = length;
    return this;
  }

  /**
   * Stops abruptly, as a replica that dies (tests): no grace, nothing released; updates recorded but not handled
   * stay pending and their chats' leases run out, for another replica to take over.
   */
  void kill() {
    if (!closed.compareAndSet(false, true)) return;
    try {
      stopping.countDown();
      WebhookServer hook = webhook;
      if (hook != null) hook.close();
      timers.shutdownNow();
      dispatcher.kill();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      api.close();
      stopped.countDown();
      log.info("Telegram bot killed");
    }
  }

  private User getMe() {
    try {
      return api.call(new GetMe(), null);
    } catch (ApiFailure f) {
      if (Integer.valueOf(401).equals(f.errorCode()) || Integer.valueOf(404).equals(f.errorCode())) {
        throw new UserException("the Bot API refused the token (" + f.errorCode() + "): check "
            + TelegramSettings.TOKEN_ENV);
      }
      throw new UserException("cannot reach the Bot API at " + apiAddress() + ": " + f.getMessage());
    } catch (InterruptedException e) {
      throw interrupted("connecting to the Bot API");
    }
  }

  private String apiAddress() {
    return settings.apiUrl().getHost() + ":" + settings.apiUrl().getPort();
  }

  /** Starting was interrupted: keep the interrupt for the caller and fail with a one-line reason. */
  private static UserException interrupted(String whileDoing) {
    Thread.currentThread().interrupt();
    return new UserException("interrupted while " + whileDoing);
  }

  /** Sends waiting in the retry queue. */
  public int retryQueueSize() {
    return retryQueue.size();
  }

  /** Whether {@link #close} has begun. */
  boolean isStopping() {
    return stopping.getCount() == 0;
  }

  /** Blocks until {@link #close} has finished. */
  public void awaitStopped() throws InterruptedException {
    stopped.await();
  }

  /**
   * Stops polling, lets the updates already taken finish (up to the grace period; any left are handled after the
   * next start, as they are still pending in the database), then releases everything.
   */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      try {
        stopped.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return;
    }
    try {
      stopping.countDown();
      WebhookServer hook = webhook;
      if (hook != null) hook.close(); // Telegram keeps what it could not deliver and retries later
      if (poller != null) poller.awaitEnd();
      dispatcher.shutdown(settings.shutdownGrace());
      timers.shutdownNow();
      timers.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      api.close();
      stopped.countDown();
      log.info("Telegram bot stopped");
    }
  }
}
