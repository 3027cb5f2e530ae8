package cn.fivestar.cases;

import static cn.fivestar.cases.CaseStatus.MERGED;
import static cn.fivestar.cases.CaseStatus.RECEIVED;

import cn.fivestar.infra.Database;
import cn.fivestar.infra.PersonalData;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The case store: every resident request as a tracked case, with its lifecycle ({@link CaseStatus}), deadlines in
 * working days, duplicates, merges, ratings and an append-only history. Shared by the conversation engine,
 * Telegram, the CLI and the dashboard; safe to call from many threads. A thin layer: the rules live in
 * {@link CaseRules} (pure), the SQL in {@link CaseQueries} (reads), {@link CaseRepository} (writes) and
 * {@link CaseStatisticsQuery}; this class composes them, logs, and tells
 * listeners about committed resident-visible changes afterwards. Every change is one transaction that also appends
 * its history row(s). Refusals are {@link CaseException}s with a Chinese message fit to show to the person who
 * asked.
 */
public final class CaseService implements AutoCloseable {
  /** Local time for tracking-number days, working days and display. */
  public static final ZoneId ZONE = CaseRules.ZONE;
  private static final Logger log = LoggerFactory.getLogger(CaseService.class);

  private final Taxonomy taxonomy;
  private final WorkCalendar calendar;
  private final Clock clock;
  private final CaseRules rules;
  private final CaseQueries queries;
  private final CaseRepository repo;
  private final CaseStatisticsQuery statistics;
  private final Database ownedDatabase; // opened by open(dataDir), closed with this service
  private final List<CaseListener> listeners = new CopyOnWriteArrayList<>();

  public CaseService(Database db, Taxonomy taxonomy, WorkCalendar calendar, Clock clock) {
    this(db, taxonomy, calendar, clock, false);
  }

  private CaseService(Database db, Taxonomy taxonomy, WorkCalendar calendar, Clock clock, boolean ownsDatabase) {
    this.ownedDatabase = ownsDatabase ? db : null;
    this.taxonomy = Objects.requireNonNull(taxonomy);
    this.calendar = Objects.requireNonNull(calendar);
    this.clock = Objects.requireNonNull(clock);
    this.rules = new CaseRules(taxonomy, calendar);
    Objects.requireNonNull(db);
    this.queries = new CaseQueries(db);
    this.repo = new CaseRepository(db);
    this.statistics = new CaseStatisticsQuery(db);
  }

  /** Opens DATA/fivestar.db with the taxonomy and calendar of the data folder (or the defaults), real time. */
  public static CaseService open(Path dataDir) {
    return new CaseService(Database.configured(dataDir), Taxonomy.forDataDir(dataDir), WorkCalendar.forDataDir(dataDir),
        Clock.system(ZONE), true);
  }

  /** The same on an already opened database (the application's single Database). */
  public static CaseService forDataDir(Database db, Path dataDir) {
    return new CaseService(db, Taxonomy.forDataDir(dataDir), WorkCalendar.forDataDir(dataDir), Clock.system(ZONE));
  }

  public Taxonomy taxonomy() {
    return taxonomy;
  }

  public WorkCalendar calendar() {
    return calendar;
  }

  public Clock clock() {
    return clock;
  }

  public void addListener(CaseListener listener) {
    listeners.add(Objects.requireNonNull(listener));
  }

  public void removeListener(CaseListener listener) {
    listeners.remove(listener);
  }

  // ---------------------------------------------------------------- creation

  /**
   * What the request would become if filed now (category, star, village or community, type, deadlines), by the
   * same rules that stamp a stored case. Stores nothing and refuses nothing: for the summary shown before the
   * resident confirms.
   */
  public CasePreview preview(NewCase c) {
    return rules.preview(c, now());
  }

  /** Takes in a request: validates it, allocates the tracking number, sets the deadline. */
  public CaseRecord create(NewCase c) {
    return createAll(java.util.Collections.singletonList(c)).get(0);
  }

  /** Takes in several requests in one transaction (imports); all or none are stored. */
  public List<CaseRecord> createAll(List<NewCase> cases) {
    if (cases == null || cases.isEmpty()) return List.of();
    List<CaseRecord> drafts = cases.stream().map(rules::draft).toList();
    Instant now = now();
    String day = CaseRules.day(now);
    List<CaseRecord> created = repo.insert(drafts, day, now,
        (d, seq) -> rules.stamp(d, CaseRules.trackingNumber(day, seq), now));
    List<CaseEvent> events = new ArrayList<>();
    for (CaseRecord r : created) {
      if (log.isInfoEnabled()) {  // masking costs regex work: skip it when nobody reads INFO
        log.info("case {} received via {}: {} / {} / star {}, due {}, reporter {} phone {}: {}", r.id(), r.channel(),
            r.kind().code(), r.category(), r.star(), r.dueAt(), PersonalData.mask(r.displayName()), r.maskedPhone(),
            r.summary());
      }
      events.add(new CaseEvent(CaseEvent.Type.CREATED, r, null, RECEIVED, r.channel() + ":" + r.userId(), null,
          recipients(r)));
    }
    fire(events);
    return created;
  }

  // ---------------------------------------------------------------- reading

  public Optional<CaseRecord> find(String id) {
    String key = CaseRules.normalizeId(id);
    if (key == null) return Optional.empty();
    return queries.find(key);
  }

  /** The case or a NOT_FOUND CaseException. */
  public CaseRecord get(String id) {
    String key = CaseRules.existingId(id);
    return queries.find(key).orElseThrow(() -> CaseException.notFound(key));
  }

  /** Cases this person reported or follows, newest first. */
  public List<CaseRecord> listByReporter(String channel, String userId) {
    return queries.byReporter(channel, userId);
  }

  public List<CaseRecord> list(CaseFilter f) {
    CaseFilter checked = rules.checked(f);
    Instant now = now();
    return queries.list(checked, now, rules.dueSoonLimit(now));
  }

  /** Waiting on staff past the deadline, most overdue first. */
  public List<CaseRecord> overdue() {
    return list(CaseFilter.all().withOverdue(true));
  }

  /** Waiting on staff and due by the end of the next working day, soonest first. */
  public List<CaseRecord> dueSoon() {
    return list(CaseFilter.all().withDueSoon(true));
  }

  /**
   * Open cases that look like the same problem at the same place (see {@link CaseDuplicates}), most similar first.
   * Used at intake to offer following an existing case instead of filing again.
   */
  public List<CaseRecord> findSimilarOpen(String text, String location, int max) {
    String t = CaseInput.clean(text, true);
    if (t == null || t.isEmpty() || max <= 0) return List.of();
    CaseDuplicates.Query q = CaseDuplicates.query(t, CaseInput.clean(location, false));
    if (q.isEmpty()) return List.of();
    Map<String, Double> scores = new HashMap<>();
    queries.scanOpen(c -> {
      double s = q.score(c.text(), c.location());
      if (s >= 0) scores.put(c.id(), s);
    });
    List<String> ids = scores.entrySet().stream()
        .sorted(Map.Entry.<String, Double>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
        .limit(max).map(Map.Entry::getKey).toList();
    return queries.byIds(ids);
  }

  /** The append-only history of a case, oldest first. */
  public List<CaseHistoryEntry> history(String id) {
    return queries.history(CaseRules.existingId(id));
  }

  /** How often each of these cases was reopened (重办, from the history); cases never reopened are left out. */
  public Map<String, Integer> reopenCounts(List<CaseRecord> cases) {
    return queries.reopenCounts(cases.stream().map(CaseRecord::id).toList());
  }

  /** Who to notify about a case: its reporter and followers that have a chat to reach them in. */
  public List<Recipient> recipients(String id) {
    return recipients(get(id));
  }

  static List<Recipient> recipients(CaseRecord r) {
    Map<String, Recipient> out = new LinkedHashMap<>();
    if (r.chatId() != null) out.put(r.channel() + "\u0000" + r.userId(), new Recipient(r.channel(), r.userId(), r.chatId(), true));
    for (Recipient f : r.followers()) {
      if (f.chatId() != null) out.putIfAbsent(f.channel() + "\u0000" + f.userId(), f);
    }
    return List.copyOf(out.values());
  }

  /** Supervisor figures over the cases received in [from, to] (local dates, inclusive; null = open-ended). */
  public CaseStatistics stats(LocalDate from, LocalDate to) {
    CaseRules.checkPeriod(from, to);
    return statistics.over(from, to, now());
  }

  // ---------------------------------------------------------------- changes

  /** Moves a case to another status (see the table in {@link CaseStatus}); note is the reason. */
  public CaseRecord transition(String id, CaseStatus to, String by, String note) {
    if (to == null) throw CaseException.invalid("请指定新的状态。可用的状态：" + CaseStatus.choices() + "。");
    return update(id, CaseUpdate.by(by).withStatus(to).withNote(note));
  }

  /** A resident-visible reply; moves a received/assigned/in-progress case to answered. */
  public CaseRecord reply(String id, String by, String replyText) {
    return update(id, CaseUpdate.by(by).withReply(replyText == null ? "" : replyText));
  }

  /** An internal note (never shown to residents). */
  public CaseRecord addNote(String id, String by, String note) {
    return update(id, CaseUpdate.by(by).withNote(note == null ? "" : note));
  }

  /** Sets the handler; a received or returned case becomes assigned (派单). */
  public CaseRecord assign(String id, String assignee, String by) {
    return update(id, CaseUpdate.by(by).withAssignee(assignee == null ? "" : assignee));
  }

  /** Several changes in one transaction; see {@link CaseUpdate} for the order and meaning. */
  public CaseRecord update(String id, CaseUpdate u) {
    CaseRules.CheckedUpdate checked = rules.check(u);
    String key = CaseRules.existingId(id);
    String by = checked.by();
    CaseRepository.Changed done = repo.change(key, by, now(), cur -> rules.plan(cur, checked));
    CaseRecord after = done.after();
    List<Recipient> to = recipients(after);
    List<CaseEvent> events = new ArrayList<>();
    for (CaseChange ch : done.changes()) {
      if (ch instanceof CaseChange.Moved m) {
        events.add(new CaseEvent(CaseEvent.Type.STATUS_CHANGED, after, m.from(), m.to(), by, m.note(), to));
        log.info("case {}: {} → {} by {}", key, m.from().code(), m.to().code(), PersonalData.mask(by));
      } else if (ch instanceof CaseChange.Replied r) {
        events.add(new CaseEvent(CaseEvent.Type.REPLIED, after, null, null, by, r.text(), to));
        log.info("case {}: reply by {}", key, PersonalData.mask(by));
      }
    }
    fire(events);
    return after;
  }

  /**
   * Merges a duplicate into another open case: the duplicate becomes merged (final) and its reporter and followers
   * follow the target, so later news about the target reaches everyone who reported the problem.
   */
  public CaseRecord merge(String id, String intoId, String by) {
    String actor = CaseRules.actor(by);
    String src = CaseRules.existingId(id);
    String dst = CaseRules.existingId(intoId);
    if (src.equals(dst)) throw CaseException.invalid("不能把诉求合并到它自己。");
    CaseStatus[] before = new CaseStatus[1];
    CaseRecord after = repo.merge(src, dst, actor, now(), (s, d) -> {
      CaseRules.checkMerge(s, d);
      before[0] = s.status();
    });
    log.info("case {} merged into {} by {}", src, dst, PersonalData.mask(actor));
    fire(List.of(new CaseEvent(CaseEvent.Type.MERGED, after, before[0], MERGED, actor, "合并到 " + dst,
        recipients(after))));
    return after;
  }

  /**
   * Someone asks to be kept informed (e.g. a neighbour reporting the same problem). A merged case is followed
   * through the case it was merged into; the reporter never becomes their own follower. Returns the followed case.
   */
  public CaseRecord follow(String id, String channel, String userId, String chatId) {
    String ch = CaseInput.line(channel, "渠道", 32, true);
    String user = CaseInput.line(userId, "用户标识", CaseInput.MAX_ID, true);
    String chat = CaseInput.line(chatId, "会话标识", CaseInput.MAX_ID, false);
    return repo.follow(CaseRules.existingId(id), ch, user, chat, now());
  }

  /**
   * The place of a case registered without one (an urgent report filed at once), given afterwards by the reporter;
   * a case that has a place keeps it.
   */
  /** The reporter's phone sent after registering, for a case registered without one. */
  public CaseRecord addPhone(String id, String phone, String by) {
    return repo.addPhone(CaseRules.existingId(id), CaseInput.phone(phone), CaseRules.actor(by), now());
  }

  public CaseRecord addLocation(String id, String location, String by) {
    String where = CaseInput.line(location, "地点", CaseInput.MAX_LINE, true);
    return repo.addLocation(CaseRules.existingId(id), where, CaseRules.actor(by), now());
  }

  /**
   * Handles a closed case again (重办): the resident says the problem is not solved, or staff decide so. Closed →
   * in progress with the same handler and a new deadline counted from now; the reason goes into the history, and
   * staff and followers hear of it.
   */
  public CaseRecord reopen(String id, String by, String reason) {
    String actor = CaseRules.actor(by);
    String why = CaseInput.text(reason, "重办原因", CaseInput.MAX_TEXT, true);
    String key = CaseRules.existingId(id);
    Instant now = now();
    CaseRecord after = repo.reopen(key, actor, why, now, CaseRules::checkReopen, r -> rules.dueAt(now, r.kind()));
    log.info("case {} reopened by {}", key, PersonalData.mask(actor));
    fire(List.of(new CaseEvent(CaseEvent.Type.REOPENED, after, CaseStatus.CLOSED, CaseStatus.IN_PROGRESS, actor, why, recipients(after))));
    return after;
  }

  /** The reporter rates a closed case (1–5, ≥ 4 counts as satisfied); a later rating replaces the earlier one. */
  public CaseRecord rate(String id, String channel, String userId, int score, String comment) {
    CaseRules.checkScore(score);
    String text = CaseInput.text(comment, "评价", CaseInput.MAX_COMMENT, false);
    String key = CaseRules.existingId(id);
    CaseRecord result = repo.rate(key, channel, userId, score, text, now(),
        r -> CaseRules.checkRating(r, channel, userId));
    log.info("case {} rated {}", key, score);
    return result;
  }

  @Override
  public void close() {
    if (ownedDatabase != null) ownedDatabase.close();
  }

  // ---------------------------------------------------------------- helpers

  private void fire(List<CaseEvent> events) {
    for (CaseEvent e : events) {
      for (CaseListener l : listeners) {
        try {
          l.onCaseEvent(e);
        } catch (RuntimeException ex) {
          log.warn("case listener failed on {} {}: {}", e.type(), e.record().id(), PersonalData.mask(String.valueOf(ex.getMessage())));
        }
      }
    }
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MILLIS);
  }
}
