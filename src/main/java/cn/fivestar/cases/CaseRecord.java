package cn.fivestar.cases;

import cn.fivestar.infra.PersonalData;
import java.time.Instant;
import java.util.List;

/**
 * A case as stored. phone and text are in clear: show them only to staff who open the case; use
 * {@link #maskedPhone()} and {@link #summary()} everywhere else. star is null for 其他; village tells which star
 * set applies. dueAt is the last instant of the last working day allowed; respondBy the same for the first working
 * day after intake (the 响应 window). rating is null until the reporter rates the closed case.
 */
public record CaseRecord(
    String id, CaseStatus status, CaseKind kind,
    String channel, String userId, String chatId, String displayName, String phone,
    String text, String location, String category, String star, boolean village, List<String> photoIds,
    Instant createdAt, Instant updatedAt, Instant dueAt, Instant respondBy, Instant firstResponseAt, Instant closedAt,
    String assignee, String mergedInto, Integer rating, String ratingComment,
    List<CaseMessage> replies, List<CaseMessage> notes, List<Recipient> followers) {

  public boolean isOpen() {
    return status.isOpen();
  }

  /** Waiting on staff and past its deadline. */
  public boolean isOverdue(Instant now) {
    return status.awaitsStaff() && now.isAfter(dueAt);
  }

  /** The phone with its middle digits hidden (null when none). */
  public String maskedPhone() {
    return maskPhone(phone);
  }

  /** The first 40 characters of the text on one line, phone/ID numbers masked: for lists, logs and exports. */
  public String summary() {
    return summarize(text, 40);
  }

  /** The latest resident-visible reply, if any. */
  public CaseMessage lastReply() {
    return replies.isEmpty() ? null : replies.get(replies.size() - 1);
  }

  public static String summarize(String text, int max) {
    // mask before cutting: a number cut in half would no longer look like a phone number and escape the mask
    String one = PersonalData.mask(text.replaceAll("\\s+", " ").strip());
    if (one.codePointCount(0, one.length()) > max) one = one.substring(0, one.offsetByCodePoints(0, max)) + "…";
    return one;
  }

  static String maskPhone(String phone) {
    if (phone == null || phone.isEmpty()) return phone;
    String masked = PersonalData.mask(phone);
    if (!masked.equals(phone)) return masked;
    // Not a recognised mainland number: keep the first 3 and last 2 digits at most.
    StringBuilder sb = new StringBuilder();
    int digits = (int) phone.chars().filter(Character::isDigit).count();
    int seen = 0;
    for (char ch : phone.toCharArray()) {
      if (!Character.isDigit(ch)) {
        sb.append(ch);
        continue;
      }
      seen++;
      boolean keep = digits >= 7 ? seen <= 3 || seen > digits - 2 : seen > digits - 2;
      sb.append(keep ? ch : '*');
    }
    return sb.toString();
  }
}
