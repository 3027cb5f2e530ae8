package cn.fivestar.channels.telegram;

import cn.fivestar.infra.Database;
import cn.fivestar.infra.HttpServers;
import cn.fivestar.infra.PersonalData;
import cn.fivestar.infra.Secrets;
import cn.fivestar.infra.UserException;
import cn.fivestar.conversation.ChannelBacklog;
import cn.fivestar.conversation.ConversationEngine;
import cn.fivestar.conversation.Inbound;
import cn.fivestar.conversation.Notifier;
import cn.fivestar.conversation.Notifiers;
import cn.fivestar.conversation.Outbound;
import cn.fivestar.conversation.Role;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.ActionType;
import org.telegram.telegrambots.meta.api.methods.AnswerCallbackQuery;
import org.telegram.telegrambots.meta.api.methods.GetMe;
import org.telegram.telegrambots.meta.api.methods.send.SendChatAction;
import org.telegram.telegrambots.meta.api.methods.updates.DeleteWebhook;
import org.telegram.telegrambots.meta.api.methods.updates.SetWebhook;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.EditMessageText;
import org.telegram.telegrambots.meta.api.objects.CallbackQuery;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.User;

/**
 * The Telegram channel: long-polls the Bot API with its own getUpdates loop, records each update in SQLite before
 * handling it (so a re-delivered update is handled once and one interrupted by a crash is handled after restart),
 * hands messages to the conversation engine on a bounded pool of workers with per-chat order, and renders the
 * replies. This is what {@code serve} runs.
 */
public final class TelegramBot implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(TelegramBot.class);
  static final String APOLOGY = "抱歉，系统暂时出了点问题，您刚才的消息没有处理成功，请稍后再发一次。";

  private final TelegramSettings settings;
  private final Clock clock;
  private final Function<String, Role> roleOfUser;
  private final UpdateStore store;
  private final SendRetryQueue retryQueue;
  private final BotApi api;
  private final Sender sender;
  private final Renderer renderer = new Renderer();
  private final CallbackAcknowledger presses;
  private final KeyedExecutor workers;
  private final ScheduledExecutorService scheduler;
  private final CommandMenus menus;
  private final TelegramNotifier notifier;
  private final CountDownLatch stopping = new CountDownLatch(1);
  private final CountDownLatch stopped = new CountDownLatch(1);
  private final AtomicBoolean started = new AtomicBoolean();
  private final AtomicBoolean closed = new AtomicBoolean();

  private volatile boolean released; // workers are gone: pushes go back to the backlog
  private volatile boolean abandon; // shutdown ran out of time: leave queued updates for the next start
  private volatile ConversationEngine engine;
  private volatile UpdateMapper mapper;
  private volatile String username;
  private volatile ChannelBacklog backlog;
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
    this.store = new UpdateStore(database, clock);
    this.retryQueue = new SendRetryQueue(database, clock);
    RateLimiter limiter = new RateLimiter(settings.limits(), System::nanoTime, sleeper);
    this.api = new BotApi(settings, limiter, sleeper);
    this.sender = new Sender(api, retryQueue, clock, settings.outboxInterval());
    this.workers = new KeyedExecutor("telegram-worker", settings.workers(), settings.maxInFlight());
    ScheduledThreadPoolExecutor timers = new ScheduledThreadPoolExecutor(2, r -> {
      Thread t = new Thread(r, "telegram-timer");
      t.setDaemon(true);
      return t;
    });
    timers.setRemoveOnCancelPolicy(true); // one "typing…" timer per update, nearly all cancelled
    this.scheduler = timers;
    this.menus = new CommandMenus(api, store, CommandMenus.standard());
    this.presses = new CallbackAcknowledger(api);
    this.notifier = new TelegramNotifier(this::push, settings.staffChatId());
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
    this.backlog = queue;
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
    poller = new UpdatePoller(api, store, settings, clock, this::dispatch, stopping);
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
      Thread.currentThread().interrupt();
      throw new UserException("interrupted while setting the webhook");
    }
    log.info("Telegram bot @{} receives updates at {} (listening on port {})", username, hook.publicUrl(),
        webhook.port());
    return webhook.port();
  }

  /** Everything both modes do before updates flow in. */
  private void prepare(ConversationEngine conversationEngine) {
    if (!started.compareAndSet(false, true)) throw new IllegalStateException("already started");
    this.engine = conversationEngine;
    User me = getMe();
    if (me == null || me.getId() == null) {
      throw new UserException("the Bot API server at " + settings.apiUrl().getHost() + ":"
          + settings.apiUrl().getPort() + " answered getMe without the bot's id");
    }
    this.username = me.getUserName();
    this.mapper = new UpdateMapper(username, roleOfUser);
    menus.setDefault();
    if (settings.staffChatId() != null) menus.ensure(settings.staffChatId().toString(), Role.STAFF);
    store.prune(Duration.ofDays(7));

    List<Update> unfinished = store.pending();
    if (!unfinished.isEmpty()) log.info("resuming {} update(s) left unfinished by the last run", unfinished.size());
    for (Update u : unfinished) {
      try {
        dispatch(u);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new UserException("interrupted while starting");
      }
    }
    drainBacklog();
    long every = settings.outboxInterval().toMillis();
    scheduler.scheduleWithFixedDelay(this::retrySends, every, every, TimeUnit.MILLISECONDS);
    long backlogEvery = Math.min(every, 5000);
    scheduler.scheduleWithFixedDelay(this::drainBacklog, backlogEvery, backlogEvery, TimeUnit.MILLISECONDS);
    scheduler.scheduleWithFixedDelay(() -> store.prune(Duration.ofDays(7)), 1, 1, TimeUnit.HOURS);
  }

  /** One update pushed by the webhook: recorded (a repeated delivery is dropped), then queued for its chat. */
  private void receive(Update u) throws InterruptedException {
    if (stopping.getCount() == 0) throw new IllegalStateException("stopping");
    for (Update fresh : store.record(List.of(u), UpdateMapper::chatKey, null)) dispatch(fresh);
  }

  private User getMe() {
    try {
      return api.call(new GetMe(), null);
    } catch (ApiFailure f) {
      if (Integer.valueOf(401).equals(f.errorCode()) || Integer.valueOf(404).equals(f.errorCode())) {
        throw new UserException("the Bot API refused the token (" + f.errorCode() + "): check "
            + TelegramSettings.TOKEN_ENV);
      }
      throw new UserException("cannot reach the Bot API at " + settings.apiUrl().getHost() + ":"
          + settings.apiUrl().getPort() + ": " + f.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new UserException("interrupted while connecting to the Bot API");
    }
  }

  private void dispatch(Update u) throws InterruptedException {
    workers.submit(UpdateMapper.chatKey(u), () -> process(u));
  }

  /** Handles one update; runs on a worker, in order with the other updates of the same chat. */
  private void process(Update u) {
    if (abandon) return; // stays pending in the store; handled after the next start
    UpdateMapper.Incoming incoming = null;
    try {
      incoming = mapper.map(u);
      if (incoming instanceof UpdateMapper.Reply r) {
        sender.send(new OutMessage(r.chatId(), r.text(), null, null, r.replyTo()));
      } else if (incoming instanceof UpdateMapper.ToEngine t) {
        converse(t);
      }
    } catch (RuntimeException e) {
      log.error("update {} failed: {}", u.getUpdateId(), PersonalData.mask(e.toString()));
      if (incoming instanceof UpdateMapper.ToEngine t) {
        sender.send(new OutMessage(t.inbound().chatId(), APOLOGY, null, null, null));
      }
    } finally {
      try {
        store.markDone(u.getUpdateId());
      } catch (RuntimeException e) {
        log.error("cannot mark update {} done: {}", u.getUpdateId(), e.getMessage());
      }
    }
  }

  private void converse(UpdateMapper.ToEngine t) {
    Inbound in = t.inbound();
    String chatId = in.chatId();
    boolean privateChat = !RateLimiter.isGroup(chatId);
    if (privateChat) menus.ensure(chatId, in.role());
    ScheduledFuture<?> typing = scheduler.schedule(
        () -> api.optional(SendChatAction.builder().chatId(chatId).action(ActionType.TYPING.toString()).build()),
        settings.typingDelay().toMillis(), TimeUnit.MILLISECONDS);
    List<Outbound> replies;
    try {
      replies = engine.handle(in);
    } finally {
      typing.cancel(false);
    }
    if (replies == null) replies = List.of();
    if (t.callback() != null) replies = presses.answer(t.callback(), in, replies);
    for (Outbound o : replies) sender.sendAll(renderer.render(chatId, o, t.messageId()));
  }

  /** A push from the engine: queued behind the target chat's own work. */
  private void push(String chatId, Outbound message) {
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
      ChannelBacklog queue = backlog;
      if (queue != null) {
        queue.add(UpdateMapper.CHANNEL, chatId, message);
      } else {
        log.error("bot stopped, message to chat {} not sent: {}", chatId, PersonalData.mask(message.text()));
      }
    }
  }

  private void drainBacklog() {
    ChannelBacklog queue = backlog;
    if (queue == null || closed.get()) return;
    try {
      List<ChannelBacklog.Pending> waiting = queue.takeAll(UpdateMapper.CHANNEL);
      if (!waiting.isEmpty()) log.info("delivering {} message(s) queued while the bot was away", waiting.size());
      for (ChannelBacklog.Pending p : waiting) {
        // Staff notices made by another process (cases create, a console chat) wait under a symbolic chat.
        if (Notifiers.STAFF_CHAT.equals(p.chatId())) notifier.toStaff(p.message());
        else push(p.chatId(), p.message());
      }
    } catch (RuntimeException e) {
      log.error("cannot read queued messages: {}", PersonalData.mask(e.toString()));
    }
  }

  private void retrySends() {
    try {
      int n = sender.retryQueued();
      if (n > 0) log.info("delivered {} message(s) from the retry queue", n);
    } catch (RuntimeException e) {
      log.error("retry of queued sends failed: {}", PersonalData.mask(e.toString()));
    }
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
      long grace = settings.shutdownGrace().toMillis();
      if (!workers.awaitIdle(grace)) {
        abandon = true;
        log.warn("shutdown: {} update(s) still queued are left for the next start", workers.size());
        workers.awaitIdle(grace);
      }
      released = true;
      workers.shutdown(1000);
      scheduler.shutdownNow();
      scheduler.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      api.close();
      stopped.countDown();
      log.info("Telegram bot stopped");
    }
  }
}
