package cn.fivestar.cases;

import static cn.fivestar.cases.CaseStatus.ANSWERED;
import static cn.fivestar.cases.CaseStatus.ASSIGNED;
import static cn.fivestar.cases.CaseStatus.CLOSED;
import static cn.fivestar.cases.CaseStatus.IN_PROGRESS;
import static cn.fivestar.cases.CaseStatus.MERGED;
import static cn.fivestar.cases.CaseStatus.RECEIVED;
import static cn.fivestar.cases.CaseStatus.RETURNED;

import java.text.Normalizer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The rules of a case, without storage: input checks and cleaning, star and village derivation, deadlines
 * (handling and response windows in working days), tracking-number format, which status moves are allowed and
 * what an update does step by step ({@link #plan}), and who may merge, follow or rate. Pure: everything here is
 * decided from its arguments, so it is tested without a database. Refusals are {@link CaseException}s.
 */
final class CaseRules {
  /** Local time for tracking-number days, working days and display. */
  static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd");
  private static final Pattern ID = Pattern.compile("\\d{8}-\\d{4,}");

  private final Taxonomy taxonomy;
  private final WorkCalendar calendar;

  CaseRules(Taxonomy taxonomy, WorkCalendar calendar) {
    this.taxonomy = Objects.requireNonNull(taxonomy);
    this.calendar = Objects.requireNonNull(calendar);
  }

  Taxonomy taxonomy() {
    return taxonomy;
  }

  // ---------------------------------------------------------------- intake

  /** Validates and cleans a request into a record without id and times (status received). */
  CaseRecord draft(NewCase n) {
    if (n == null) throw CaseException.invalid("诉求内容不能为空。");
    String channel = CaseInput.line(n.channel(), "渠道", 32, true);
    String userId = CaseInput.line(n.userId(), "用户标识", CaseInput.MAX_ID, true);
    String chatId = CaseInput.line(n.chatId(), "会话标识", CaseInput.MAX_ID, false);
    String name = CaseInput.line(n.displayName(), "称呼", CaseInput.MAX_NAME, false);
    String phone = CaseInput.phone(n.phone());
    String text = CaseInput.text(n.text(), "诉求内容", CaseInput.MAX_TEXT, true);
    String location = CaseInput.line(n.location(), "地点", CaseInput.MAX_LINE, false);
    String category = taxonomy.canonical(n.category());
    boolean village = isVillage(location, text);
    String star = starFor(category, village);
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
    return new CaseRecord(null, RECEIVED, kindOf(n), channel, userId, chatId, name, phone, text, location, category,
        star, village, List.copyOf(photos), null, null, null, null, null, null, null, null, null, null, List.of(),
        List.of(), List.of());
  }

  /** The draft as stored: its tracking number, intake time and deadlines. */
  CaseRecord stamp(CaseRecord d, String id, Instant now) {
    return new CaseRecord(id, RECEIVED, d.kind(), d.channel(), d.userId(), d.chatId(), d.displayName(), d.phone(),
        d.text(), d.location(), d.category(), d.star(), d.village(), d.photoIds(), now, now, dueAt(now, d.kind()),
        respondBy(now), null, null, null, null, null, null, List.of(), List.of(), List.of());
  }

  /**
   * What the request would become if filed at now, by the same derivation as {@link #draft} and {@link #stamp}.
   * Lenient where intake is not finished yet: an unknown category previews as 其他 and nothing is refused.
   */
  CasePreview preview(NewCase n, Instant now) {
    NewCase c = n == null ? new NewCase(null, null, null, null, null, null, null, null, null, null) : n;
    String category = c.category() != null && taxonomy.contains(c.category().strip())
        ? c.category().strip() : taxonomy.other();
    boolean village = isVillage(CaseInput.clean(c.location(), false), CaseInput.clean(c.text(), true));
    CaseKind kind = kindOf(c);
    return new CasePreview(category, starFor(category, village), village, kind, dueAt(now, kind), respondBy(now));
  }

  private static CaseKind kindOf(NewCase n) {
    return n.kind() == null ? CaseKind.HELP : n.kind();
  }

  /** The place decides village or community; without a place, the text does. */
  boolean isVillage(String location, String text) {
    return taxonomy.isVillage(location != null && !location.isEmpty() ? location : text);
  }

  /** The star a category affects in a village or community; null for 其他. */
  String starFor(String category, boolean village) {
    return taxonomy.starFor(category, village).orElse(null);
  }

  /** End of the last working day allowed for handling (the kind's working days after intake). */
  Instant dueAt(Instant received, CaseKind kind) {
    return calendar.deadline(received, kind.workingDays(), ZONE);
  }

  /** End of the first working day after intake: the response (响应) window. */
  Instant respondBy(Instant received) {
    return calendar.deadline(received, 1, ZONE);
  }

  /** Due-soon lists reach up to the end of the next working day. */
  Instant dueSoonLimit(Instant now) {
    return calendar.deadline(now, 1, ZONE);
  }

  // ---------------------------------------------------------------- tracking numbers

  /** The day part of tracking numbers issued at now (local date). */
  static String day(Instant now) {
    return now.atZone(ZONE).format(DAY);
  }

  /** DAY-NNNN: the local date and the day's sequence number, at least four digits. */
  static String trackingNumber(String day, int seq) {
    return day + "-" + String.format("%04d", seq);
  }

  /** The canonical form of a typed tracking number (full-width digits, '#', missing dash), or null if blank. */
  static String normalizeId(String id) {
    if (id == null || id.isBlank()) return null;
    String s = Normalizer.normalize(id, Normalizer.Form.NFKC).strip().replace("#", "").replace('—', '-').replace('－', '-');
    if (s.matches("\\d{12,}")) s = s.substring(0, 8) + "-" + s.substring(8);
    return s;
  }

  /** A well-formed tracking number, or NOT_FOUND (without looking anything up); blank is invalid input. */
  static String existingId(String id) {
    String key = normalizeId(id);
    if (key == null) throw CaseException.invalid("请提供诉求编号（形如 20260105-0001）。");
    if (!ID.matcher(key).matches()) throw CaseException.notFound(clip(id));
    return key;
  }

  // ---------------------------------------------------------------- listing

  /** The filter with its category made canonical and its star checked (unknown ones are refused). */
  CaseFilter checked(CaseFilter f) {
    CaseFilter out = f;
    if (f.category() != null) out = out.withCategory(taxonomy.canonical(f.category()));
    if (f.star() != null) {
      String star = f.star().strip();
      if (!taxonomy.stars().contains(star)) {
        throw CaseException.invalid("未知的星「" + clip(star) + "」。可用的星：" + String.join("、", taxonomy.stars()) + "。");
      }
      out = out.withStar(star);
    }
    if (f.assignee() != null) out = out.withAssignee(f.assignee().strip());
    return out;
  }

  static void checkPeriod(LocalDate from, LocalDate to) {
    if (from != null && to != null && from.isAfter(to)) throw CaseException.invalid("开始日期不能晚于结束日期。");
  }

  // ---------------------------------------------------------------- changes

  /** An update with its fields cleaned and checked; null fields are left alone. */
  record CheckedUpdate(CaseStatus status, String note, String reply, String assignee, String category, String by) {}

  CheckedUpdate check(CaseUpdate u) {
    String by = actor(u.by());
    String note = CaseInput.text(u.note(), "备注", CaseInput.MAX_TEXT, u.note() != null && u.status() == null);
    String reply = CaseInput.text(u.reply(), "答复内容", CaseInput.MAX_TEXT, u.reply() != null);
    String assignee = CaseInput.line(u.assignee(), "承办人", CaseInput.MAX_NAME, u.assignee() != null);
    String category = u.category() == null ? null : taxonomy.canonical(u.category());
    if (u.status() == null && note == null && reply == null && assignee == null && category == null) {
      throw CaseException.invalid("没有要修改的内容：请给出新状态、答复、备注、承办人或分类。");
    }
    return new CheckedUpdate(u.status(), note, reply, assignee, category, by);
  }

  static String actor(String by) {
    return CaseInput.line(by, "操作人", CaseInput.MAX_NAME, true);
  }

  /**
   * The steps an update makes on the current case, in the order of {@link CaseUpdate}: category, assignee (a
   * received or returned case becomes assigned unless a status is given), reply (answers a received, assigned or
   * in-progress case unless another status is given), status, note. Refuses the whole update if any step is illegal.
   */
  List<CaseChange> plan(CaseRecord cur, CheckedUpdate u) {
    String id = cur.id();
    if (cur.status() == MERGED) {
      throw CaseException.illegal("诉求 " + id + " 已合并到 " + cur.mergedInto() + "，请在 " + cur.mergedInto() + " 中办理。");
    }
    List<CaseChange> out = new ArrayList<>();
    CaseStatus status = cur.status();
    String assignee = cur.assignee();
    CaseStatus explicit = u.status();
    boolean changed = false;
    if (u.category() != null && !u.category().equals(cur.category())) {
      out.add(new CaseChange.Recategorized(status, cur.category(), u.category(), starFor(u.category(), cur.village())));
      changed = true;
    }
    if (u.assignee() != null && !u.assignee().equals(assignee)) {
      if (status == CLOSED) throw CaseException.illegal("诉求 " + id + " 已办结，不能再派单。");
      out.add(new CaseChange.Assigned(status, assignee, u.assignee()));
      assignee = u.assignee();
      changed = true;
    }
    if (u.assignee() != null && explicit == null && (status == RECEIVED || status == RETURNED)) {
      CaseChange.Moved m = move(id, status, ASSIGNED, assignee, u.by(), null);
      out.add(m);
      status = m.to();
      assignee = m.assignee();
      changed = true;
    }
    if (u.reply() != null) {
      if (status == RETURNED) throw CaseException.illegal("诉求 " + id + " 已退回待重新派单，请先派单再答复。");
      out.add(new CaseChange.Replied(status, u.reply()));
      changed = true;
      boolean answers = explicit == null || explicit == CLOSED;  // "reply and close" = answer, then close
      if (answers && (status == RECEIVED || status == ASSIGNED || status == IN_PROGRESS)) {
        CaseChange.Moved m = move(id, status, ANSWERED, assignee, u.by(), null);
        out.add(m);
        status = m.to();
        assignee = m.assignee();
      }
    }
    if (explicit != null && !(explicit == status && changed)) {
      out.add(move(id, status, explicit, assignee, u.by(), u.note()));
    } else if (u.note() != null) {
      out.add(new CaseChange.Noted(status, u.note()));
    }
    return out;
  }

  /**
   * One status move, checked against {@link CaseStatus#canMoveTo} and the extra rules: assigned needs an assignee,
   * returned needs a reason, merged only through merge; in progress without an assignee makes the actor the
   * assignee, returned clears it.
   */
  static CaseChange.Moved move(String id, CaseStatus from, CaseStatus to, String assignee, String by, String note) {
    if (to == from) throw CaseException.illegal("诉求 " + id + " 已经是「" + to.label() + "」状态。");
    if (to == MERGED) {
      throw CaseException.illegal("合并请用合并功能（命令行：cases merge " + id + " 目标编号），这样双方都会收到通知。");
    }
    if (!from.canMoveTo(to)) {
      throw CaseException.illegal("不能把诉求 " + id + " 从「" + from.label() + "」改为「" + to.label() + "」："
          + (from.next().isEmpty() ? "「" + from.label() + "」是最终状态。"
              : "「" + from.label() + "」只能改为 " + CaseStatus.labels(from.next()) + "。"));
    }
    if (to == ASSIGNED && assignee == null) throw CaseException.invalid("派单需要指定承办人（命令行加 --assign 姓名）。");
    if (to == RETURNED && note == null) throw CaseException.invalid("退回需要说明原因（命令行加 --note 原因）。");
    String after = assignee;
    if (to == IN_PROGRESS && after == null) after = by;
    if (to == RETURNED) after = null;
    return new CaseChange.Moved(from, to, after, note);
  }

  /** A duplicate (src) may be merged into another open case (dst) only while both allow it. */
  static void checkMerge(CaseRecord s, CaseRecord d) {
    String src = s.id();
    String dst = d.id();
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
  }

  /** Whether someone already hears about a case: its reporter, or a follower with the same chat. */
  static boolean alreadyInformed(CaseRecord r, String channel, String userId, String chatId) {
    if (r.channel().equals(channel) && r.userId().equals(userId)) return true;
    for (Recipient f : r.followers()) {
      if (f.channel().equals(channel) && f.userId().equals(userId) && Objects.equals(f.chatId(), chatId)) return true;
    }
    return false;
  }

  static void checkScore(int score) {
    if (score < 1 || score > 5) throw CaseException.invalid("评分请在 1 到 5 之间（5 分最满意）。");
  }

  /** Only the reporter rates, and only a closed case. */
  /** Only a closed case is handled again (重办). */
  static void checkReopen(CaseRecord r) {
    if (r.status() != CaseStatus.CLOSED) {
      throw CaseException.illegal("诉求 " + r.id() + " 目前是「" + r.status().label() + "」，办结后才能重办。");
    }
  }

  static void checkRating(CaseRecord r, String channel, String userId) {
    if (!r.channel().equals(channel) || !r.userId().equals(userId)) {
      throw CaseException.notAllowed("只有诉求 " + r.id() + " 的反映人可以评价。");
    }
    if (r.status() != CLOSED) {
      throw CaseException.illegal("诉求 " + r.id() + " 办结后才能评价，目前是「" + r.status().label() + "」。");
    }
  }

  static String clip(String s) {
    if (s == null) return "";
    String one = CaseInput.clean(s, false);
    return one.length() > 24 ? one.substring(0, 24) + "…" : one;
  }
}
