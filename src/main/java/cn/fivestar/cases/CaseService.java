package cn.fivestar.cases;

import static cn.fivestar.cases.CaseStatus.ANSWERED;
import static cn.fivestar.cases.CaseStatus.ASSIGNED;
import static cn.fivestar.cases.CaseStatus.CLOSED;
import static cn.fivestar.cases.CaseStatus.IN_PROGRESS;
import static cn.fivestar.cases.CaseStatus.MERGED;
import static cn.fivestar.cases.CaseStatus.RECEIVED;
import static cn.fivestar.cases.CaseStatus.RETURNED;

import cn.fivestar.infra.Database;
import cn.fivestar.infra.PersonalData;
import cn.fivestar.cases.CaseHistoryEntry.Action;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.text.Normalizer;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The case store: every resident request as a tracked case in SQLite, with its lifecycle ({@link CaseStatus}),
 * deadlines in working days, duplicates, merges, ratings and an append-only history. Shared by the conversation
 * engine, Telegram, the CLI and the dashboard; safe to call from many threads. Every change is one transaction that
 * also appends its history row(s); listeners hear about committed resident-visible changes afterwards.
 * Refusals are {@link CaseException}s with a Chinese message fit to show to the person who asked.
 */
public final class CaseService implements AutoCloseable {
  /** Local time for tracking-number days, working days and display. */
  public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
  private static final Logger log = LoggerFactory.getLogger(CaseService.class);
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd");
  private static final Pattern ID = Pattern.compile("\\d{8}-\\d{4,}");
  private static final String AWAITING = "('received','assigned','in_progress','returned')";
  private static final String OPEN = "('received','assigned','in_progress','answered','returned')";
  private static final String INSERT_HISTORY = "INSERT INTO case_history (case_id, at, actor, action, from_status, "
      + "to_status, note) VALUES (?, ?, ?, ?, ?, ?, ?)";

  private final Taxonomy taxonomy;
  private final WorkCalendar calendar;
  private final Clock clock;
  private final Sql sql;
  private final List<CaseListener> listeners = new CopyOnWriteArrayList<>();

  public CaseService(Database db, Taxonomy taxonomy, WorkCalendar calendar, Clock clock) {
    this.taxonomy = Objects.requireNonNull(taxonomy);
    this.calendar = Objects.requireNonNull(calendar);
    this.clock = Objects.requireNonNull(clock);
    this.sql = new Sql(Objects.requireNonNull(db));
  }

  /** Opens DATA/fivestar.db with the taxonomy and calendar of the data folder (or the defaults), real time. */
  public static CaseService open(Path dataDir) {
    return forDataDir(Database.inDataDir(dataDir), dataDir);
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

  /** Takes in a request: validates it, allocates the tracking number, sets the deadline. */
  public CaseRecord create(NewCase c) {
    return createAll(java.util.Collections.singletonList(c)).get(0);
  }

  /** Takes in several requests in one transaction (imports); all or none are stored. */
  public List<CaseRecord> createAll(List<NewCase> cases) {
    if (cases == null || cases.isEmpty()) return List.of();
    List<CaseRecord> drafts = cases.stream().map(this::prepare).toList();
    Instant now = now();
    String day = now.atZone(ZONE).format(DAY);
    List<CaseRecord> created = sql.write(c -> {
      List<CaseRecord> out = new ArrayList<>(drafts.size());
      try (PreparedStatement seq = c.prepareStatement("INSERT INTO case_day_seq (day, last) VALUES (?, 1) "
               + "ON CONFLICT(day) DO UPDATE SET last = last + 1 RETURNING last");
           PreparedStatement ins = c.prepareStatement("INSERT INTO cases (id, status, kind, channel, user_id, chat_id, "
               + "display_name, phone, text, location, category, star, village, photo_ids, created_at, updated_at, "
               + "due_at, respond_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
           PreparedStatement hist = c.prepareStatement(INSERT_HISTORY)) {
        for (CaseRecord d : drafts) {
          seq.setString(1, day);
          int n;
          try (ResultSet rs = seq.executeQuery()) {
            rs.next();
            n = rs.getInt(1);
          }
          String id = day + "-" + String.format("%04d", n);
          CaseRecord r = stamped(d, id, now);
          int i = 1;
          ins.setString(i++, id);
          ins.setString(i++, RECEIVED.code());
          ins.setString(i++, r.kind().code());
          ins.setString(i++, r.channel());
          ins.setString(i++, r.userId());
          ins.setString(i++, r.chatId());
          ins.setString(i++, r.displayName());
          ins.setString(i++, r.phone());
          ins.setString(i++, r.text());
          ins.setString(i++, r.location());
          ins.setString(i++, r.category());
          ins.setString(i++, r.star());
          ins.setInt(i++, r.village() ? 1 : 0);
          ins.setString(i++, String.join("\n", r.photoIds()));
          ins.setLong(i++, now.toEpochMilli());
          ins.setLong(i++, now.toEpochMilli());
          ins.setLong(i++, r.dueAt().toEpochMilli());
          ins.setLong(i, r.respondBy().toEpochMilli());
          ins.executeUpdate();
          history(hist, id, now, reporterActor(r), Action.CREATED, null, RECEIVED,
              "渠道：" + r.channel() + "；类型：" + r.kind().label() + "；分类：" + r.category());
          out.add(r);
        }
      }
      return out;
    });
    List<CaseEvent> events = new ArrayList<>();
    for (CaseRecord r : created) {
      if (log.isInfoEnabled()) {  // masking costs regex work: skip it when nobody reads INFO
        log.info("case {} received via {}: {} / {} / star {}, due {}, reporter {} phone {}: {}", r.id(), r.channel(),
            r.kind().code(), r.category(), r.star(), r.dueAt(), PersonalData.mask(r.displayName()), r.maskedPhone(),
            r.summary());
      }
      events.add(new CaseEvent(CaseEvent.Type.CREATED, r, null, RECEIVED, reporterActor(r), null, recipients(r)));
    }
    fire(events);
    return created;
  }

  /** Validates and cleans a request into a record without id and times. */
  private CaseRecord prepare(NewCase n) {
    if (n == null) throw CaseException.invalid("诉求内容不能为空。");
    String channel = CaseInput.line(n.channel(), "渠道", 32, true);
    String userId = CaseInput.line(n.userId(), "用户标识", CaseInput.MAX_ID, true);
    String chatId = CaseInput.line(n.chatId(), "会话标识", CaseInput.MAX_ID, false);
    String name = CaseInput.line(n.displayName(), "称呼", CaseInput.MAX_NAME, false);
    String phone = CaseInput.phone(n.phone());
    String text = CaseInput.text(n.text(), "诉求内容", CaseInput.MAX_TEXT, true);
    String location = CaseInput.line(n.location(), "地点", CaseInput.MAX_LINE, false);
    String category = taxonomy.canonical(n.category());
    boolean village = taxonomy.isVillage(location != null ? location : text);
    String star = taxonomy.starFor(category, village).orElse(null);
    CaseKind kind = n.kind() == null ? CaseKind.HELP : n.kind();
    List<String> photos = new ArrayList<>();
    if (n.photoIds() != null) {
      if (n.photoIds().size() > CaseInput.MAX_PHOTOS) {
        throw CaseException.invalid("照片最多 " + CaseInput.MAX_PHOTOS + " 张，请挑选最能说明问题的几张。");
      }
      for (String p : n.photoIds()) {
        String id = CaseInput.line(p, "照片标识", 256, false);
        if (id != null) photos.add(id);
      }
    }
    return new CaseRecord(null, RECEIVED, kind, channel, userId, chatId, name, phone, text, location, category, star,
        village, List.copyOf(photos), null, null, null, null, null, null, null, null, null, null, List.of(), List.of(),
        List.of());
  }

  private CaseRecord stamped(CaseRecord d, String id, Instant now) {
    return new CaseRecord(id, RECEIVED, d.kind(), d.channel(), d.userId(), d.chatId(), d.displayName(), d.phone(),
        d.text(), d.location(), d.category(), d.star(), d.village(), d.photoIds(), now, now,
        calendar.deadline(now, d.kind().workingDays(), ZONE), calendar.deadline(now, 1, ZONE), null, null, null, null,
        null, null, List.of(), List.of(), List.of());
  }

  // ---------------------------------------------------------------- reading

  public Optional<CaseRecord> find(String id) {
    String key = normalizeId(id);
    if (key == null) return Optional.empty();
    return sql.read(c -> CaseRows.byId(c, key));
  }

  /** The case or a NOT_FOUND CaseException. */
  public CaseRecord get(String id) {
    String key = existingId(id);
    return sql.read(c -> CaseRows.byId(c, key)).orElseThrow(() -> CaseException.notFound(key));
  }

  /** Cases this person reported or follows, newest first. */
  public List<CaseRecord> listByReporter(String channel, String userId) {
    return sql.read(c -> CaseRows.load(c, "(channel = ? AND user_id = ?) OR id IN (SELECT case_id FROM case_followers "
        + "WHERE channel = ? AND user_id = ?)", List.of(channel, userId, channel, userId), "created_at DESC, id DESC", 0));
  }

  public List<CaseRecord> list(CaseFilter f) {
    List<String> where = new ArrayList<>();
    List<Object> params = new ArrayList<>();
    Instant now = now();
    if (f.status() != null) {
      where.add("status = ?");
      params.add(f.status().code());
    }
    if (f.category() != null) {
      where.add("category = ?");
      params.add(taxonomy.canonical(f.category()));
    }
    if (f.star() != null) {
      String star = f.star().strip();
      if (!taxonomy.stars().contains(star)) {
        throw CaseException.invalid("未知的星「" + clip(star) + "」。可用的星：" + String.join("、", taxonomy.stars()) + "。");
      }
      where.add("star = ?");
      params.add(star);
    }
    if (f.assignee() != null) {
      where.add("assignee = ?");
      params.add(f.assignee().strip());
    }
    if (f.overdue()) {
      where.add("status IN " + AWAITING + " AND due_at < ?");
      params.add(now.toEpochMilli());
    }
    if (f.dueSoon()) {
      where.add("status IN " + AWAITING + " AND due_at >= ? AND due_at <= ?");
      params.add(now.toEpochMilli());
      params.add(calendar.deadline(now, 1, ZONE).toEpochMilli());
    }
    if (f.openOnly()) where.add("status IN " + OPEN);
    if (f.from() != null) {
      where.add("created_at >= ?");
      params.add(startOf(f.from()));
    }
    if (f.to() != null) {
      where.add("created_at < ?");
      params.add(startOf(f.to().plusDays(1)));
    }
    String clause = where.isEmpty() ? "1 = 1" : String.join(" AND ", where);
    String order = f.overdue() || f.dueSoon() ? "due_at, id" : "created_at DESC, id DESC";
    return sql.read(c -> CaseRows.load(c, clause, params, order, Math.max(0, f.limit())));
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
   * Open cases that look like the same problem: the same or a similar place and similar text (character
   * bigrams, see {@link Similarity}), most similar first. Used at intake to offer a merge.
   */
  public List<CaseRecord> findSimilarOpen(String text, String location, int max) {
    String t = CaseInput.clean(text, true);
    if (t == null || t.isEmpty() || max <= 0) return List.of();
    String loc = CaseInput.clean(location, false);
    Similarity.Prepared qText = Similarity.text(t);
    Similarity.Prepared qPlace = Similarity.place(loc);
    if (qText.isEmpty()) return List.of();
    Map<String, Double> scores = new HashMap<>();
    sql.read(c -> {
      try (PreparedStatement ps = c.prepareStatement("SELECT id, text, location FROM cases WHERE status IN " + OPEN);
           ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          String caseLoc = rs.getString(3);
          double s = Similarity.score(qText, qPlace, Similarity.text(rs.getString(2)),
              Similarity.place(caseLoc));
          if (s >= 0) scores.put(rs.getString(1), s);
        }
      }
      return null;
    });
    List<String> ids = scores.entrySet().stream()
        .sorted(Map.Entry.<String, Double>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
        .limit(max).map(Map.Entry::getKey).toList();
    if (ids.isEmpty()) return List.of();
    String in = ids.stream().map(x -> "?").collect(Collectors.joining(", "));
    List<CaseRecord> found = sql.read(c -> CaseRows.load(c, "id IN (" + in + ")", new ArrayList<>(ids), "id", 0));
    return found.stream().sorted(Comparator.comparing(r -> ids.indexOf(r.id()))).toList();
  }

  /** The append-only history of a case, oldest first. */
  public List<CaseHistoryEntry> history(String id) {
    String key = existingId(id);
    return sql.read(c -> CaseRows.history(c, key));
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

  public Stats stats(LocalDate from, LocalDate to) {
    if (from != null && to != null && from.isAfter(to)) throw CaseException.invalid("开始日期不能晚于结束日期。");
    Instant now = now();
    return sql.read(c -> CaseStats.compute(c, from, to, now, from == null ? null : startOf(from),
        to == null ? null : startOf(to.plusDays(1))));
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
    String by = CaseInput.line(u.by(), "操作人", CaseInput.MAX_NAME, true);
    String note = CaseInput.text(u.note(), "备注", CaseInput.MAX_TEXT, u.note() != null && u.status() == null);
    String reply = CaseInput.text(u.reply(), "答复内容", CaseInput.MAX_TEXT, u.reply() != null);
    String assignee = CaseInput.line(u.assignee(), "承办人", CaseInput.MAX_NAME, u.assignee() != null);
    String category = u.category() == null ? null : taxonomy.canonical(u.category());
    CaseStatus explicit = u.status();
    if (explicit == null && note == null && reply == null && assignee == null && category == null) {
      throw CaseException.invalid("没有要修改的内容：请给出新状态、答复、备注、承办人或分类。");
    }
    String key = existingId(id);
    Instant now = now();
    List<CaseEvent> events = new ArrayList<>();
    CaseRecord result = sql.write(c -> {
      CaseRecord cur = CaseRows.byId(c, key).orElseThrow(() -> CaseException.notFound(key));
      if (cur.status() == MERGED) {
        throw CaseException.illegal("诉求 " + key + " 已合并到 " + cur.mergedInto() + "，请在 " + cur.mergedInto() + " 中办理。");
      }
      Working w = new Working(cur);
      List<Draft> drafts = new ArrayList<>();
      boolean changed = false;
      if (category != null && !category.equals(w.category)) {
        String star = taxonomy.starFor(category, cur.village()).orElse(null);
        exec(c, "UPDATE cases SET category = ?, star = ?, updated_at = ? WHERE id = ?", category, star,
            now.toEpochMilli(), key);
        history(c, key, now, by, Action.RECATEGORIZED, w.status, w.status, w.category + " → " + category);
        w.category = category;
        changed = true;
      }
      if (assignee != null && !assignee.equals(w.assignee)) {
        if (w.status == CLOSED) throw CaseException.illegal("诉求 " + key + " 已办结，不能再派单。");
        exec(c, "UPDATE cases SET assignee = ?, updated_at = ? WHERE id = ?", assignee, now.toEpochMilli(), key);
        history(c, key, now, by, Action.ASSIGNED, w.status, w.status,
            w.assignee == null ? "承办人：" + assignee : "改派：" + w.assignee + " → " + assignee);
        w.assignee = assignee;
        changed = true;
      }
      if (assignee != null && explicit == null && (w.status == RECEIVED || w.status == RETURNED)) {
        move(c, key, w, ASSIGNED, by, null, now, drafts);
        changed = true;
      }
      if (reply != null) {
        if (w.status == RETURNED) {
          throw CaseException.illegal("诉求 " + key + " 已退回待重新派单，请先派单再答复。");
        }
        exec(c, "INSERT INTO case_messages (case_id, at, author, visibility, body) VALUES (?, ?, ?, 'reply', ?)",
            key, now.toEpochMilli(), by, reply);
        exec(c, "UPDATE cases SET updated_at = ? WHERE id = ?", now.toEpochMilli(), key);
        history(c, key, now, by, Action.REPLIED, w.status, w.status, reply);
        drafts.add(new Draft(CaseEvent.Type.REPLIED, null, null, by, reply));
        changed = true;
        boolean answers = explicit == null || explicit == CLOSED;  // "reply and close" = answer, then close
        if (answers && (w.status == RECEIVED || w.status == ASSIGNED || w.status == IN_PROGRESS)) {
          move(c, key, w, ANSWERED, by, null, now, drafts);
        }
      }
      if (explicit != null && !(explicit == w.status && changed)) {
        move(c, key, w, explicit, by, note, now, drafts);
        changed = true;
      } else if (note != null) {
        exec(c, "INSERT INTO case_messages (case_id, at, author, visibility, body) VALUES (?, ?, ?, 'note', ?)",
            key, now.toEpochMilli(), by, note);
        exec(c, "UPDATE cases SET updated_at = ? WHERE id = ?", now.toEpochMilli(), key);
        history(c, key, now, by, Action.NOTE, w.status, w.status, note);
      }
      CaseRecord after = CaseRows.byId(c, key).orElseThrow();
      List<Recipient> to = recipients(after);
      for (Draft d : drafts) events.add(new CaseEvent(d.type, after, d.from, d.to, d.actor, d.text, to));
      return after;
    });
    for (CaseEvent e : events) {
      if (e.type() == CaseEvent.Type.STATUS_CHANGED) {
        log.info("case {}: {} → {} by {}", key, e.from().code(), e.to().code(), PersonalData.mask(e.actor()));
      } else {
        log.info("case {}: reply by {}", key, PersonalData.mask(e.actor()));
      }
    }
    fire(events);
    return result;
  }

  /** Status change inside an update transaction: checks the table and the extra rules, writes history. */
  private void move(Connection c, String id, Working w, CaseStatus to, String by, String note, Instant now,
                    List<Draft> drafts) throws SQLException {
    CaseStatus from = w.status;
    if (to == from) throw CaseException.illegal("诉求 " + id + " 已经是「" + to.label() + "」状态。");
    if (to == MERGED) {
      throw CaseException.illegal("合并请用合并功能（命令行：cases merge " + id + " 目标编号），这样双方都会收到通知。");
    }
    if (!from.canMoveTo(to)) {
      throw CaseException.illegal("不能把诉求 " + id + " 从「" + from.label() + "」改为「" + to.label() + "」："
          + (from.next().isEmpty() ? "「" + from.label() + "」是最终状态。"
              : "「" + from.label() + "」只能改为 " + CaseStatus.labels(from.next()) + "。"));
    }
    String assignee = w.assignee;
    if (to == ASSIGNED && assignee == null) throw CaseException.invalid("派单需要指定承办人（命令行加 --assign 姓名）。");
    if (to == RETURNED && note == null) throw CaseException.invalid("退回需要说明原因（命令行加 --note 原因）。");
    if (to == IN_PROGRESS && assignee == null) assignee = by;
    if (to == RETURNED) assignee = null;
    long t = now.toEpochMilli();
    exec(c, "UPDATE cases SET status = ?, assignee = ?, updated_at = ?, first_response_at = COALESCE(first_response_at, ?), "
        + "closed_at = COALESCE(?, closed_at) WHERE id = ?", to.code(), assignee, t, from == RECEIVED ? t : null,
        to == CLOSED ? t : null, id);
    history(c, id, now, by, Action.STATUS, from, to, note);
    w.status = to;
    w.assignee = assignee;
    drafts.add(new Draft(CaseEvent.Type.STATUS_CHANGED, from, to, by, note));
  }

  /**
   * Merges a duplicate into another open case: the duplicate becomes merged (final) and its reporter and followers
   * follow the target, so later news about the target reaches everyone who reported the problem.
   */
  public CaseRecord merge(String id, String intoId, String by) {
    String actor = CaseInput.line(by, "操作人", CaseInput.MAX_NAME, true);
    String src = existingId(id);
    String dst = existingId(intoId);
    if (src.equals(dst)) throw CaseException.invalid("不能把诉求合并到它自己。");
    Instant now = now();
    List<CaseEvent> events = new ArrayList<>();
    CaseRecord result = sql.write(c -> {
      CaseRecord s = CaseRows.byId(c, src).orElseThrow(() -> CaseException.notFound(src));
      CaseRecord d = CaseRows.byId(c, dst).orElseThrow(() -> CaseException.notFound(dst));
      if (s.status() == MERGED) throw CaseException.illegal("诉求 " + src + " 已经合并到 " + s.mergedInto() + "。");
      if (!s.status().canMoveTo(MERGED)) {
        throw CaseException.illegal("诉求 " + src + " 当前为「" + s.status().label() + "」，不能再合并。");
      }
      if (d.status() == MERGED) {
        throw CaseException.illegal("目标诉求 " + dst + " 已合并到 " + d.mergedInto() + "，请改为合并到 " + d.mergedInto() + "。");
      }
      if (d.status() == CLOSED) {
        throw CaseException.illegal("目标诉求 " + dst + " 已办结，不能再合并进去；问题再次出现的，请单独办理。");
      }
      long t = now.toEpochMilli();
      exec(c, "UPDATE cases SET status = 'merged', merged_into = ?, updated_at = ?, "
          + "first_response_at = COALESCE(first_response_at, ?) WHERE id = ?", dst, t, t, src);
      history(c, src, now, actor, Action.STATUS, s.status(), MERGED, "合并到 " + dst);
      List<Recipient> movers = new ArrayList<>();
      movers.add(new Recipient(s.channel(), s.userId(), s.chatId(), true));
      movers.addAll(s.followers());
      int added = 0;
      for (Recipient r : movers) {
        if (r.channel().equals(d.channel()) && r.userId().equals(d.userId())) continue;
        added += exec(c, "INSERT INTO case_followers (case_id, channel, user_id, chat_id, since) VALUES (?, ?, ?, ?, ?) "
            + "ON CONFLICT(case_id, channel, user_id) DO NOTHING", dst, r.channel(), r.userId(), r.chatId(), t);
      }
      exec(c, "UPDATE cases SET updated_at = ? WHERE id = ?", t, dst);
      history(c, dst, now, actor, Action.MERGED_IN, d.status(), d.status(),
          "并入 " + src + "（新增关注人 " + added + " 位）");
      CaseRecord after = CaseRows.byId(c, src).orElseThrow();
      events.add(new CaseEvent(CaseEvent.Type.MERGED, after, s.status(), MERGED, actor, "合并到 " + dst,
          recipients(after)));
      return after;
    });
    log.info("case {} merged into {} by {}", src, dst, PersonalData.mask(actor));
    fire(events);
    return result;
  }

  /**
   * Someone asks to be kept informed (e.g. a neighbour reporting the same problem). A merged case is followed
   * through the case it was merged into; the reporter never becomes their own follower. Returns the followed case.
   */
  public CaseRecord follow(String id, String channel, String userId, String chatId) {
    String ch = CaseInput.line(channel, "渠道", 32, true);
    String user = CaseInput.line(userId, "用户标识", CaseInput.MAX_ID, true);
    String chat = CaseInput.line(chatId, "会话标识", CaseInput.MAX_ID, false);
    String key = existingId(id);
    Instant now = now();
    return sql.write(c -> {
      CaseRecord r = CaseRows.byId(c, key).orElseThrow(() -> CaseException.notFound(key));
      while (r.status() == MERGED) {
        String next = r.mergedInto();
        r = CaseRows.byId(c, next).orElseThrow(() -> CaseException.notFound(next));
      }
      if (r.channel().equals(ch) && r.userId().equals(user)) return r;
      for (Recipient f : r.followers()) {
        if (f.channel().equals(ch) && f.userId().equals(user) && Objects.equals(f.chatId(), chat)) return r;
      }
      exec(c, "INSERT INTO case_followers (case_id, channel, user_id, chat_id, since) VALUES (?, ?, ?, ?, ?) "
          + "ON CONFLICT(case_id, channel, user_id) DO UPDATE SET chat_id = excluded.chat_id", r.id(), ch, user, chat,
          now.toEpochMilli());
      exec(c, "UPDATE cases SET updated_at = ? WHERE id = ?", now.toEpochMilli(), r.id());
      history(c, r.id(), now, ch + ":" + user, Action.FOLLOWED, r.status(), r.status(), "关注渠道：" + ch);
      return CaseRows.byId(c, r.id()).orElseThrow();
    });
  }

  /**
   * The place of a case registered without one (an urgent report filed at once), given afterwards by the reporter;
   * a case that has a place keeps it.
   */
  public CaseRecord addLocation(String id, String location, String by) {
    String where = CaseInput.line(location, "地点", CaseInput.MAX_LINE, true);
    String who = CaseInput.line(by, "操作人", CaseInput.MAX_NAME, true);
    String key = existingId(id);
    Instant now = now();
    return sql.write(c -> {
      CaseRecord r = CaseRows.byId(c, key).orElseThrow(() -> CaseException.notFound(key));
      if (r.location() != null) return r;
      exec(c, "UPDATE cases SET location = ?, updated_at = ? WHERE id = ?", where, now.toEpochMilli(), key);
      history(c, key, now, who, Action.NOTE, r.status(), r.status(), "补充地点：" + where);
      return CaseRows.byId(c, key).orElseThrow();
    });
  }

  /**
   * Handles a closed case again (重办): the resident says the problem is not solved, or staff decide so. Closed →
   * in progress with the same handler and a new deadline counted from now; the reason goes into the history.
   */
  public CaseRecord reopen(String id, String by, String reason) {
    String who = CaseInput.line(by, "操作人", CaseInput.MAX_NAME, true);
    String why = CaseInput.text(reason, "重办原因", CaseInput.MAX_TEXT, true);
    String key = existingId(id);
    Instant now = now();
    List<CaseEvent> events = new ArrayList<>();
    CaseRecord result = sql.write(c -> {
      CaseRecord r = CaseRows.byId(c, key).orElseThrow(() -> CaseException.notFound(key));
      if (r.status() != CLOSED) {
        throw CaseException.illegal("诉求 " + key + " 目前是「" + r.status().label() + "」，办结后才能重办。");
      }
      Instant due = calendar.deadline(now, r.kind().workingDays(), ZONE);
      exec(c, "UPDATE cases SET status = ?, due_at = ?, closed_at = NULL, updated_at = ? WHERE id = ?",
          IN_PROGRESS.code(), due.toEpochMilli(), now.toEpochMilli(), key);
      history(c, key, now, who, Action.REOPENED, CLOSED, IN_PROGRESS, why);
      CaseRecord after = CaseRows.byId(c, key).orElseThrow();
      events.add(new CaseEvent(CaseEvent.Type.REOPENED, after, CLOSED, IN_PROGRESS, who, why, recipients(after)));
      return after;
    });
    log.info("case {} reopened by {}", key, PersonalData.mask(who));
    fire(events);
    return result;
  }

  /** The reporter rates a closed case (1–5, ≥ 4 counts as satisfied); a later rating replaces the earlier one. */
  public CaseRecord rate(String id, String channel, String userId, int score, String comment) {
    if (score < 1 || score > 5) throw CaseException.invalid("评分请在 1 到 5 之间（5 分最满意）。");
    String text = CaseInput.text(comment, "评价", CaseInput.MAX_COMMENT, false);
    String key = existingId(id);
    Instant now = now();
    CaseRecord result = sql.write(c -> {
      CaseRecord r = CaseRows.byId(c, key).orElseThrow(() -> CaseException.notFound(key));
      if (!r.channel().equals(channel) || !r.userId().equals(userId)) {
        throw CaseException.notAllowed("只有诉求 " + key + " 的反映人可以评价。");
      }
      if (r.status() != CLOSED) {
        throw CaseException.illegal("诉求 " + key + " 办结后才能评价，目前是「" + r.status().label() + "」。");
      }
      exec(c, "UPDATE cases SET rating = ?, rating_comment = ?, rated_at = ?, updated_at = ? WHERE id = ?", score, text,
          now.toEpochMilli(), now.toEpochMilli(), key);
      history(c, key, now, channel + ":" + userId, Action.RATED, CLOSED, CLOSED,
          score + " 分" + (text == null ? "" : "：" + text));
      return CaseRows.byId(c, key).orElseThrow();
    });
    log.info("case {} rated {}", key, score);
    return result;
  }

  @Override
  public void close() {
    sql.close();
  }

  // ---------------------------------------------------------------- helpers

  /** The status, assignee and category as an update goes along. */
  private static final class Working {
    CaseStatus status;
    String assignee;
    String category;

    Working(CaseRecord r) {
      status = r.status();
      assignee = r.assignee();
      category = r.category();
    }
  }

  private record Draft(CaseEvent.Type type, CaseStatus from, CaseStatus to, String actor, String text) {}

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

  private long startOf(LocalDate d) {
    return d.atStartOfDay(ZONE).toInstant().toEpochMilli();
  }

  private static String reporterActor(CaseRecord r) {
    return r.channel() + ":" + r.userId();
  }

  /** The canonical form of a typed tracking number (full-width digits, '#', missing dash), or null if blank. */
  static String normalizeId(String id) {
    if (id == null || id.isBlank()) return null;
    String s = Normalizer.normalize(id, Normalizer.Form.NFKC).strip().replace("#", "").replace('—', '-').replace('－', '-');
    if (s.matches("\\d{12,}")) s = s.substring(0, 8) + "-" + s.substring(8);
    return s;
  }

  /** A well-formed id or NOT_FOUND (without touching the database). */
  private static String existingId(String id) {
    String key = normalizeId(id);
    if (key == null) throw CaseException.invalid("请提供诉求编号（形如 20260105-0001）。");
    if (!ID.matcher(key).matches()) throw CaseException.notFound(clip(id));
    return key;
  }

  private static String clip(String s) {
    if (s == null) return "";
    String one = CaseInput.clean(s, false);
    return one.length() > 24 ? one.substring(0, 24) + "…" : one;
  }

  private static int exec(Connection c, String sqlText, Object... params) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sqlText)) {
      CaseRows.bind(ps, java.util.Arrays.asList(params));
      return ps.executeUpdate();
    }
  }

  private static void history(Connection c, String id, Instant at, String actor, Action action, CaseStatus from,
                              CaseStatus to, String note) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(INSERT_HISTORY)) {
      history(ps, id, at, actor, action, from, to, note);
    }
  }

  private static void history(PreparedStatement ps, String id, Instant at, String actor, Action action,
                              CaseStatus from, CaseStatus to, String note) throws SQLException {
    ps.setString(1, id);
    ps.setLong(2, at.toEpochMilli());
    ps.setString(3, actor);
    ps.setString(4, action.code());
    ps.setString(5, from == null ? null : from.code());
    ps.setString(6, to == null ? null : to.code());
    ps.setString(7, note);
    ps.executeUpdate();
  }
}
