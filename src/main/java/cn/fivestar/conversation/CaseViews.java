package cn.fivestar.conversation;

import cn.fivestar.cases.CaseHistoryEntry;
import cn.fivestar.cases.CaseMessage;
import cn.fivestar.cases.CasePublicView;
import cn.fivestar.cases.CaseRecord;
import cn.fivestar.cases.CaseService;
import cn.fivestar.infra.PersonalData;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** How cases read in chat: short for residents (never other people's data), full for staff. */
final class CaseViews {
  private CaseViews() {}

  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("M月d日").withZone(CaseService.ZONE);
  private static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("M月d日 HH:mm").withZone(CaseService.ZONE);

  static String day(Instant t) {
    return t == null ? "—" : DAY.format(t);
  }

  static String dayTime(Instant t) {
    return t == null ? "—" : DAY_TIME.format(t);
  }

  // ---------------------------------------------------------------- what a resident may see

  /**
   * The one visibility rule for residents: the text, place and phone of a case are shown only to its reporter;
   * anyone else (a neighbour following it, someone typing its number) sees at most its number, category, status and
   * the place at street level. Every resident-facing view of a case goes through these three methods.
   */
  static boolean isReporter(CaseRecord r, String channel, String userId) {
    return r.channel().equals(channel) && r.userId().equals(userId);
  }

  /** One line of a resident's list of the cases they reported or follow. */
  static String lineFor(CaseRecord r, String channel, String userId) {
    return isReporter(r, channel, userId) ? residentLine(r) : publicLine(r);
  }

  /** A case in detail for a resident concerned with it (reporter or follower). */
  static String detailFor(CaseRecord r, String channel, String userId) {
    return isReporter(r, channel, userId) ? residentDetail(r) : publicDetail(r);
  }

  /** Number, category, status and street-level place: all a resident may learn of someone else's case. */
  static String publicLine(CaseRecord r) {
    String street = CasePublicView.streetLevelPlace(r.location());
    return r.id() + "｜" + r.status().label() + "｜" + r.category() + (street == null ? "" : "｜" + street + Texts.AROUND);
  }

  private static String publicDetail(CaseRecord r) {
    StringBuilder b = new StringBuilder(Texts.CASE_NUMBER).append(r.id()).append(Texts.FOLLOWED_CASE).append("\n");
    b.append(Texts.LABEL_CATEGORY).append(r.category()).append("\n");
    String street = CasePublicView.streetLevelPlace(r.location());
    if (street != null) b.append(Texts.LABEL_WHERE).append(street).append(Texts.AROUND).append("\n");
    b.append(Texts.LABEL_STATUS).append(r.status().label());
    if (r.status().awaitsStaff()) b.append(Texts.dueBy(day(r.dueAt())));
    CaseMessage last = r.lastReply();
    if (last != null) b.append("\n").append(Texts.latestReply(day(last.at()))).append(PersonalData.mask(last.text()));
    return b.toString();
  }

  /** One line of a reporter's own case. */
  private static String residentLine(CaseRecord r) {
    StringBuilder b = new StringBuilder();
    b.append(r.id()).append("｜").append(r.status().label()).append("｜").append(r.summary());
    CaseMessage last = r.lastReply();
    if (last != null) b.append("\n   ").append(Texts.latestReply(day(last.at()))).append(MessageText.clip(last.text(), 80));
    return b.toString();
  }

  /** A reporter's own case in detail: no phone, no internal notes, no staff names. */
  private static String residentDetail(CaseRecord r) {
    StringBuilder b = new StringBuilder();
    b.append(Texts.CASE_NUMBER).append(r.id()).append("\n");
    b.append(Texts.LABEL_WHAT).append(MessageText.clip(r.text(), 200)).append("\n");
    if (r.location() != null) b.append(Texts.LABEL_WHERE).append(r.location()).append("\n");
    b.append(Texts.LABEL_CATEGORY).append(r.category()).append("\n");
    b.append(Texts.LABEL_STATUS).append(r.status().label());
    if (r.status().awaitsStaff()) b.append(Texts.dueBy(day(r.dueAt())));
    if (r.mergedInto() != null) b.append(Texts.mergedWith(r.mergedInto()));
    CaseMessage last = r.lastReply();
    if (last != null) b.append("\n").append(Texts.latestReply(day(last.at()))).append(last.text());
    if (r.rating() != null) b.append(Texts.yourRating(r.rating()));
    return b.toString();
  }

  /** A line in a staff list. */
  static String staffLine(CaseRecord r) {
    return r.id() + "｜" + r.status().label() + "｜" + r.category() + "｜" + (r.location() == null ? Texts.NO_PLACE : r.location())
        + "｜" + r.summary() + "｜期限 " + day(r.dueAt()) + (r.assignee() == null ? "" : "｜承办 " + r.assignee());
  }

  static String staffList(String title, List<CaseRecord> cases, int max) {
    if (cases.isEmpty()) return Texts.staffListEmpty(title);
    StringBuilder b = new StringBuilder(Texts.staffListHead(title, cases.size()));
    cases.stream().limit(max).forEach(r -> b.append("\n").append(staffLine(r)));
    if (cases.size() > max) b.append(Texts.staffListMore(cases.size() - max));
    return b.toString();
  }

  /** Everything staff need to work a case, including the contact phone and internal notes. */
  static String staffDetail(CaseRecord r, List<CaseHistoryEntry> history) {
    StringBuilder b = new StringBuilder();
    b.append(Texts.CASE_NUMBER).append(r.id()).append("（").append(r.kind().label()).append("，").append(r.status().label()).append("）\n");
    b.append(Texts.LABEL_WHAT).append(r.text()).append("\n");
    b.append(Texts.LABEL_WHERE).append(r.location() == null ? Texts.NO_PLACE_SHORT : r.location()).append("\n");
    b.append(Texts.LABEL_CATEGORY).append(r.category()).append(r.star() == null ? "" : "（" + r.star() + "）").append("\n");
    b.append("反映人：").append(r.displayName() == null ? r.userId() : r.displayName()).append("（").append(r.channel()).append("）");
    if (r.phone() != null) b.append("，电话 ").append(r.phone());
    b.append("\n受理：").append(dayTime(r.createdAt())).append("，期限：").append(day(r.dueAt()));
    if (r.assignee() != null) b.append("，承办：").append(r.assignee());
    if (!r.photoIds().isEmpty()) b.append("\n照片：").append(r.photoIds().size()).append(" 张");
    if (!r.followers().isEmpty()) b.append("\n关注人：").append(r.followers().size()).append(" 位");
    if (r.mergedInto() != null) b.append("\n已合并到：").append(r.mergedInto());
    if (r.rating() != null) {
      b.append("\n评价：").append(r.rating()).append(" 分").append(r.ratingComment() == null ? "" : "，" + r.ratingComment());
    }
    for (CaseMessage m : r.replies()) b.append("\n答复（").append(dayTime(m.at())).append("，").append(m.author()).append("）：").append(m.text());
    for (CaseMessage m : r.notes()) b.append("\n备注（").append(dayTime(m.at())).append("，").append(m.author()).append("）：").append(m.text());
    if (!history.isEmpty()) {
      b.append("\n办理记录：");
      history.stream().skip(Math.max(0, history.size() - 8)).forEach(h -> {
        b.append("\n· ").append(dayTime(h.at())).append(" ").append(h.action().label());
        if (h.from() != null && h.to() != null && h.from() != h.to()) {
          b.append("（").append(h.from().label()).append("→").append(h.to().label()).append("）");
        }
        if (h.note() != null) b.append("：").append(MessageText.clip(h.note(), 60));
      });
    }
    return b.toString();
  }
}
