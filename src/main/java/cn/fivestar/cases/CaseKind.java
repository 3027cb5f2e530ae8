package cn.fivestar.cases;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** What the resident wants, with the default handling time in working days (12345 practice). */
public enum CaseKind {
  /** a danger to people (trapped in a lift, gas, fire, violence with injury, a missing person): same or next day */
  URGENT("urgent", "紧急", 1),
  CONSULTATION("consultation", "咨询", 2),
  HELP("help", "求助", 10),
  SUGGESTION("suggestion", "建议", 10),
  COMPLAINT("complaint", "投诉", 15),
  REPORT("report", "举报", 15);

  private final String code;
  private final String label;
  private final int workingDays;

  CaseKind(String code, String label, int workingDays) {
    this.code = code;
    this.label = label;
    this.workingDays = workingDays;
  }

  public String code() {
    return code;
  }

  public String label() {
    return label;
  }

  public int workingDays() {
    return workingDays;
  }

  /** Parses a code or Chinese label. */
  public static CaseKind parse(String input) {
    String s = input == null ? "" : input.strip();
    for (CaseKind k : values()) {
      if (k.code.equals(s.toLowerCase(Locale.ROOT)) || k.label.equals(s)) return k;
    }
    throw CaseException.invalid("未知的诉求类型「" + s + "」。可用的类型："
        + Arrays.stream(values()).map(k -> k.code + "（" + k.label + "）").collect(Collectors.joining("、")) + "。");
  }
}
