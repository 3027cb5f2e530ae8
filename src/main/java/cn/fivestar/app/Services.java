package cn.fivestar.app;

import cn.fivestar.infra.*;
import cn.fivestar.answer.Answerer;
import cn.fivestar.cases.CaseService;
import cn.fivestar.conversation.CaseNotices;
import cn.fivestar.conversation.DialogEngine;
import cn.fivestar.conversation.DialogStore;
import cn.fivestar.conversation.Notifiers;
import cn.fivestar.conversation.ChannelBacklog;
import cn.fivestar.conversation.RoleDirectory;
import cn.fivestar.conversation.Throttle;
import cn.fivestar.conversation.intent.IntentClassifier;
import cn.fivestar.knowledge.KnowledgeBase;
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

  /**
   * Opens the default knowledge base ({@code index/}, built under DIR/index if missing or stale) with the answerer
   * configured from the environment (extractive, or an LLM when FIVESTAR_LLM_* is set), and everything else.
   */
  public static Services open(Path dataDir) {
    KnowledgeBase kb;
    try {
      kb = KnowledgeBase.open(dataDir, KnowledgeSources.resolve(List.of()), false, System.err::println);
    } catch (UncheckedIOException e) {
      throw new UserException("cannot open the knowledge base (" + e.getMessage() + "); run from the project folder "
          + "that holds index/, or build it with the index command");
    }
    try {
      return new Services(dataDir, Database.configured(dataDir), Answerers.create(kb, dataDir), kb);
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
    this.roles = RoleDirectory.forDataDir(dataDir);
    this.database = database;
    this.cases = CaseService.forDataDir(database, dataDir);
    this.backlog = new ChannelBacklog(database, cases.clock());
    this.notifiers = new Notifiers(backlog, STAFF_CHANNELS);
    this.engine = new DialogEngine(cases, answerer, IntentClassifier.shared(dataDir), new DialogStore(database, cases.clock()),
        notifiers, Throttle.defaults(cases.clock()));
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

  @Override
  public void close() {
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
