package cn.fivestar.cases;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Where a case stands (12345 / 接诉即办: 受理 → 派单 → 办理 → 答复 → 办结). Codes are used in code, on the command
 * line and in JSON; labels are shown to people and accepted as input too.
 *
 * <p>Legal moves ({@link #canMoveTo}):
 * <pre>
 * from            to
 * received     →  assigned (派单), in_progress (staff takes it directly), answered (answered on the spot), merged
 * assigned     →  in_progress, answered, returned (handler sends it back to dispatch), merged
 * in_progress  →  answered, returned, merged
 * answered     →  closed (办结), in_progress (resident not satisfied: handle again)
 * returned     →  assigned (dispatched again), merged
 * closed       →  (final; a recurring problem is a new case)
 * merged       →  (final; the case lives on in the one it was merged into)
 * </pre>
 * Extra rules enforced by {@link CaseRules}: assigned needs an assignee, returned needs a reason, merged only
 * through merge(), in_progress without an assignee makes the actor the assignee, returned clears the assignee.
 */
public enum CaseStatus {
  RECEIVED("received", "已受理"),
  ASSIGNED("assigned", "已派单"),
  IN_PROGRESS("in_progress", "办理中"),
  ANSWERED("answered", "已答复"),
  CLOSED("closed", "已办结"),
  MERGED("merged", "已合并"),
  RETURNED("returned", "退回");

  private final String code;
  private final String label;

  CaseStatus(String code, String label) {
    this.code = code;
    this.label = label;
  }

  public String code() {
    return code;
  }

  public String label() {
    return label;
  }

  /** Statuses this one may move to. */
  public Set<CaseStatus> next() {
    return switch (this) {
      case RECEIVED -> EnumSet.of(ASSIGNED, IN_PROGRESS, ANSWERED, MERGED);
      case ASSIGNED -> EnumSet.of(IN_PROGRESS, ANSWERED, RETURNED, MERGED);
      case IN_PROGRESS -> EnumSet.of(ANSWERED, RETURNED, MERGED);
      case ANSWERED -> EnumSet.of(CLOSED, IN_PROGRESS);
      case RETURNED -> EnumSet.of(ASSIGNED, MERGED);
      case CLOSED, MERGED -> EnumSet.noneOf(CaseStatus.class);
    };
  }

  public boolean canMoveTo(CaseStatus to) {
    return next().contains(to);
  }

  /** Not yet closed or merged: residents may still expect news, duplicates may be merged into it. */
  public boolean isOpen() {
    return this != CLOSED && this != MERGED;
  }

  /** Waiting on staff: these count against the deadline (answered means the handling deadline was met). */
  public boolean awaitsStaff() {
    return this == RECEIVED || this == ASSIGNED || this == IN_PROGRESS || this == RETURNED;
  }

  /** Parses a code (received, in_progress, in-progress…) or a Chinese label (已受理…). */
  public static CaseStatus parse(String input) {
    if (input == null || input.isBlank()) throw CaseException.invalid("请指定状态。可用的状态：" + choices() + "。");
    String s = input.strip();
    String code = s.toLowerCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
    for (CaseStatus st : values()) {
      if (st.code.equals(code) || st.label.equals(s)) return st;
    }
    if (s.equals("已退回")) return RETURNED;
    throw CaseException.invalid("未知的状态「" + clip(s) + "」。可用的状态：" + choices() + "。");
  }

  static String choices() {
    return java.util.Arrays.stream(values()).map(st -> st.code + "（" + st.label + "）").collect(Collectors.joining("、"));
  }

  static String labels(Set<CaseStatus> set) {
    if (set.isEmpty()) return "（无）";
    return set.stream().map(st -> "「" + st.label + "」").collect(Collectors.joining("、"));
  }

  private static String clip(String s) {
    return s.length() > 20 ? s.substring(0, 20) + "…" : s;
  }
}
