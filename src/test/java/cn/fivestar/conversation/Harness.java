package cn.fivestar.conversation;

import cn.fivestar.infra.TestDatabases;
import cn.fivestar.cases.MutableClock;
import cn.fivestar.answer.Answerer;
import cn.fivestar.answer.GroundedAnswerer;
import cn.fivestar.answer.Topics;
import cn.fivestar.answer.llm.Prompts;
import cn.fivestar.infra.Database;
import cn.fivestar.cases.CaseRecord;
import cn.fivestar.cases.CaseService;
import cn.fivestar.cases.Taxonomy;
import cn.fivestar.cases.WorkCalendar;
import cn.fivestar.conversation.intent.IntentClassifier;
import cn.fivestar.knowledge.KnowledgeBase;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Real components for conversation tests: a SQLite file in a temp folder, the case store, the real knowledge base
 * over index/ with the extractive answerer, the bundled classifier, and a notifier that records what it sends.
 */
final class Harness {
  static final String CHANNEL = "telegram";
  private static IntentClassifier classifier;
  private static KnowledgeBase kb;

  final Path dir;
  final MutableClock clock = new MutableClock(LocalDateTime.of(2026, 1, 5, 9, 0));  // a Monday
  final RecordingNotifier notifier = new RecordingNotifier();
  Database db;
  CaseService cases;
  DialogEngine engine;
  Throttle throttle;

  /** Built once per test JVM (and reused across runs while index/ is unchanged) under target/. */
  private static synchronized void shared() {
    if (classifier == null) classifier = IntentClassifier.load();
    if (kb == null) kb = KnowledgeBase.open(Path.of("target", "conversation-test-kb"), List.of(Path.of("index")), false, s -> { });
  }

  static Answerer realAnswerer() {
    shared();
    return new GroundedAnswerer(kb, Optional.empty(), Prompts.load().refusal(),
        new Topics(classifier::aboutCommunityLife, classifier::offTopic));
  }

  Harness(Path dir) {
    this(dir, realAnswerer(), null);
  }

  Harness(Path dir, Answerer answerer, Throttle throttle) {
    this.dir = dir;
    this.throttle = throttle != null ? throttle : new Throttle(10_000, 100, clock, Set.of());
    start(answerer);
  }

  /** A fresh engine on the same database file, as after a restart. */
  void restart(Answerer answerer) {
    engine.close();
    cases.close();
    start(answerer);
  }

  private void start(Answerer answerer) {
    shared();
    db = TestDatabases.open(dir);
    cases = new CaseService(db, Taxonomy.defaults(), WorkCalendar.defaults(), clock);
    engine = new DialogEngine(cases, answerer, classifier, new DialogStore(db, clock), notifier, throttle,
        Rating.OnUnsolved.REOPEN, answers);
  }

  private AnswerLog answers;

  /** From now on answers carry 有用/没用 buttons, kept in the returned log (index version "v-test"). */
  AnswerLog enableFeedback() {
    answers = new AnswerLog(db, clock, () -> "v-test");
    engine.close();
    engine = new DialogEngine(cases, realAnswerer(), classifier, new DialogStore(db, clock), notifier, throttle,
        Rating.OnUnsolved.REOPEN, answers);
    return answers;
  }

  List<Outbound> send(String user, Role role, String text) {
    return engine.handle(new Inbound(CHANNEL, "chat-" + user, user, "居民" + user, role, text, null, List.of()));
  }

  /** The replies to a resident's message, joined into one text. */
  String say(String user, String text) {
    return join(send(user, Role.RESIDENT, text));
  }

  String staff(String user, String text) {
    return join(send(user, Role.STAFF, text));
  }

  String press(String user, Role role, String data) {
    return join(engine.handle(new Inbound(CHANNEL, "chat-" + user, user, "居民" + user, role, "", data, List.of())));
  }

  static String join(List<Outbound> out) {
    return out.stream().map(Outbound::text).collect(Collectors.joining("\n"));
  }

  /** The tracking number in a reply. */
  static String trackingNumber(String reply) {
    Matcher m = Pattern.compile("\\d{8}-\\d{4}").matcher(reply);
    if (!m.find()) throw new AssertionError("no tracking number in: " + reply);
    return m.group();
  }

  /** Files a report for a resident in three steps and returns the case. */
  CaseRecord report(String user, String text, String where) {
    say(user, text);
    if (where != null) say(user, where);
    String done = say(user, "确认");
    return cases.get(trackingNumber(done));
  }

  /** Files a report, then staff "s" take it, reply and close it (the resident is asked for a score). */
  CaseRecord closed(String user, String text, String where, String staffReply) {
    CaseRecord c = report(user, text, where);
    staff("s", "/take " + c.id());
    staff("s", "/reply " + c.id() + " " + staffReply);
    staff("s", "/status " + c.id() + " 已办结");
    return c;
  }

  /** The stored dialog state of a resident's chat. */
  DialogState state(String user) {
    return new DialogStore(db, clock).load(CHANNEL, "chat-" + user, user);
  }

  void close() {
    engine.close();
    cases.close();
  }
}
