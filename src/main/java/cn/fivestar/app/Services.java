package cn.fivestar.app;

import cn.fivestar.infra.*;
import cn.fivestar.answer.Answerer;
import cn.fivestar.cases.CaseService;
import cn.fivestar.conversation.AnswerLog;
import cn.fivestar.conversation.CaseNotices;
import cn.fivestar.conversation.DialogEngine;
import cn.fivestar.conversation.DialogStore;
import cn.fivestar.conversation.Notifiers;
import cn.fivestar.conversation.ChannelBacklog;
import cn.fivestar.conversation.Rating;
import cn.fivestar.conversation.RoleDirectory;
import cn.fivestar.conversation.Throttle;
import cn.fivestar.conversation.intent.IntentClassifier;
import cn.fivestar.conversation.remind.ReminderLog;
import cn.fivestar.conversation.remind.Reminders;
import cn.fivestar.knowledge.KnowledgeBase;
import cn.fivestar.knowledge.KnowledgeReloader;
import cn.fivestar.knowledge.KnowledgeSources;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * Everything a chat channel needs, built from one data folder: the database, the case store, the knowledge base
 * and answerer, the role directory, the backlog and the conversation engine. The console {@code chat} and the
 * Telegram {@code serve} commands both start here; a channel attaches its live notifier with
 * {@code notifiers().attach(channel, notifier)} and then feeds {@code engine()}. Close it to release everything.
 */
public final class Services implements AutoCloseable {
  /**
   * Channels with a staff group of their own: staff notices made while they do not run in this process (a case
   * logged with {@code cases create}, a console chat beside {@code serve}) wait for them in the backlog.
   */
  public static final Set<String> STAFF_CHANNELS = Set.of("telegram");

  private final Database database;
  private final CaseService cases;
  private final Answerer answerer;
  private final AutoCloseable knowledge;
  private final RoleDirectory roles;
  private final ChannelBacklog backlog;
  private final Notifiers notifiers;
  private final DialogEngine engine;
  private final Reminders reminders;
  private volatile KnowledgeReloader reloader;

  /**
   * Opens the default knowledge base ({@code index/}, built under DIR/index if missing or stale) with the answerer
   * configured from the environment (extractive, or an LLM when FIVESTAR_LLM_* is set), and everything else.
   */
  public static Services open(Path dataDir) {
    List<Path> folders = KnowledgeSources.resolve(List.of());
    if (folders.stream().noneMatch(java.nio.file.Files::isDirectory)) {
      throw new UserException("cannot open the knowledge base (no folder " + folders + "); run from the project folder "
          + "that holds index/, or build it with the index command");
    }
    Answerers.checkLlmSettings();
    BackgroundKnowledge kb = BackgroundKnowledge.start(dataDir, folders);
    try {
      return new Services(dataDir, Database.configured(dataDir), kb, kb);
    } catch (RuntimeException e) {
      kb.close();
      throw e;
    }
  }

  /**
   * The case store alone, for the command-line case tools: changes residents should hear about (replies, progress,
   * closings with the rating request, merges) and new cases staff should hear about go the engine's way, queued in
   * the backlog because no channel runs in this process; {@code serve} delivers them within seconds (or at its next start), the console when that person
   * next chats. Closing the returned store is all the caller does.
   */
  public static CaseService caseTools(Path dataDir) {
    Database db = Database.configured(dataDir);
    CaseService cases = CaseService.forDataDir(db, dataDir);
    Notifiers queued = new Notifiers(new ChannelBacklog(db, cases.clock()), STAFF_CHANNELS);
    cases.addListener(new CaseNotices(new DialogStore(db, cases.clock()), queued));
    return cases;
  }

  /**
   * Everything around the given answerer, on the data folder's own SQLite file whatever FIVESTAR_DB_URL says (tests,
   * the scratch store of {@code eval --dialogues}); the caller closes the answerer's resources.
   */
  public Services(Path dataDir, Answerer answerer) {
    this(dataDir, Database.inDataDir(dataDir), answerer, null);
  }

  private Services(Path dataDir, Database database, Answerer answerer, AutoCloseable knowledge) {
    this.answerer = answerer;
    this.knowledge = knowledge;
    this.database = database;
    this.roles = roles(dataDir, database);
    this.cases = CaseService.forDataDir(database, dataDir);
    this.backlog = new ChannelBacklog(database, cases.clock());
    this.notifiers = new Notifiers(backlog, STAFF_CHANNELS);
    java.util.function.Supplier<String> indexVersion = knowledge instanceof BackgroundKnowledge kb ? kb::version : () -> "custom";
    this.engine = new DialogEngine(cases, answerer, IntentClassifier.shared(dataDir), new DialogStore(database, cases.clock()),
        notifiers, Throttle.defaults(cases.clock()), onUnsolved(), new AnswerLog(database, cases.clock(), indexVersion));
    this.reminders = reminders(database, cases, roles, notifiers);
    engine.onRemindCommand(() -> (reminders.workingDay() ? "" : "今天不是工作日，按您的要求照常发送。")
        + reminders.run(false).summary());
  }

  /**
   * Starts watching the knowledge base's source folders (every FIVESTAR_RELOAD_SECONDS, default 30, 0 = off):
   * added, edited or removed documents are re-indexed in the background and swapped in without a restart.
   * Progress lines go to {@code log}. Does nothing for a custom answerer. Stopped by {@link #close()}.
   */
  /** Waits until the knowledge base (opened in the background) is ready; for callers that need it built now. */
  public void awaitKnowledge() {
    if (knowledge instanceof BackgroundKnowledge bg) bg.await();
  }

  public void watchKnowledge(java.util.function.Consumer<String> log) {
    if (!(knowledge instanceof BackgroundKnowledge bg) || reloader != null) return;
    java.util.Optional<java.time.Duration> every;
    try {
      every = KnowledgeReloader.interval(System.getenv(KnowledgeReloader.ENV));
    } catch (IllegalArgumentException e) {
      throw UserException.usage(e.getMessage());
    }
    every.ifPresent(d -> bg.whenOpen(kb -> reloader = KnowledgeReloader.start(kb, d, log)));
  }

  /**
   * The 催办 reminders over a case store, sent through the given notifier: supervisors listed without a channel and
   * handlers that are web accounts linked to Telegram are reached on Telegram.
   */
  static Reminders reminders(Database db, CaseService cases, RoleDirectory roles, Notifiers notifiers) {
    cn.fivestar.accounts.Accounts accounts = new cn.fivestar.accounts.Accounts(db, java.time.Clock.systemUTC(), 4);
    String web = cn.fivestar.accounts.Account.ACTOR_PREFIX;
    return new Reminders(cases, roles, notifiers, new ReminderLog(db, cases.clock()), "telegram",
        assignee -> !assignee.startsWith(web) ? null : accounts.find(assignee.substring(web.length()))
            .map(cn.fivestar.accounts.Account::telegramId).orElse(null));
  }

  /**
   * What a resident's low score or "没修好" does (FIVESTAR_REOPEN): {@code reopen} (default) hands the case back to its
   * handler at once; {@code supervisor} asks a supervisor to decide.
   */
  static Rating.OnUnsolved onUnsolved() {
    String v = System.getenv("FIVESTAR_REOPEN");
    if (v == null || v.isBlank() || v.strip().equalsIgnoreCase("reopen")) return Rating.OnUnsolved.REOPEN;
    if (v.strip().equalsIgnoreCase("supervisor")) return Rating.OnUnsolved.SUPERVISOR;
    throw UserException.usage("FIVESTAR_REOPEN must be reopen or supervisor, got: " + v);
  }

  /**
   * Who is staff in chat: the roles file, plus every web account linked to a Telegram user ({@code users add
   * --telegram ID}), whose account role wins over a line for the same user in the file. Read at start-up.
   */
  static RoleDirectory roles(Path dataDir, Database db) {
    RoleDirectory file = RoleDirectory.forDataDir(dataDir);
    StringBuilder linked = new StringBuilder();
    for (cn.fivestar.accounts.Account a : new cn.fivestar.accounts.Accounts(db, java.time.Clock.systemUTC(), 4).list()) {
      if (a.telegramId() != null) linked.append("telegram:").append(a.telegramId()).append('=').append(a.role().code()).append('\n');
    }
    if (linked.length() == 0) return file;
    String env = System.getenv(RoleDirectory.ENV);
    Path path = env != null && !env.isBlank() ? Path.of(env.strip()) : dataDir.resolve(RoleDirectory.FILE_NAME);
    String text = "";
    try {
      if (java.nio.file.Files.exists(path)) text = java.nio.file.Files.readString(path, java.nio.charset.StandardCharsets.UTF_8);
    } catch (java.io.IOException e) {
      throw new UserException("cannot read roles file " + path + ": " + e.getMessage());
    }
    return RoleDirectory.parse(text + "\n" + linked, path + " and the linked web accounts");
  }

  public Database database() {
    return database;
  }

  public CaseService cases() {
    return cases;
  }

  public Answerer answerer() {
    return answerer;
  }

  public RoleDirectory roles() {
    return roles;
  }

  /** Messages for chats this process cannot reach; channels drain theirs (e.g. takeAll("telegram") at start). */
  public ChannelBacklog backlog() {
    return backlog;
  }

  /** Attach the live notifier of a channel here; unattached channels get their messages queued in the backlog. */
  public Notifiers notifiers() {
    return notifiers;
  }

  public DialogEngine engine() {
    return engine;
  }

  /** The 催办 reminders (serve's scheduler and the supervisors' /remind run them). */
  public Reminders reminders() {
    return reminders;
  }

  @Override
  public void close() {
    if (reloader != null) reloader.close();
    engine.close();
    cases.close();
    database.close();
    if (knowledge != null) {
      try {
        knowledge.close();
      } catch (Exception e) {
        org.slf4j.LoggerFactory.getLogger(Services.class).warn("closing the knowledge base failed: {}", e.toString());
      }
    }
  }
}
