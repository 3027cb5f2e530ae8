package cn.fivestar.accounts;

import java.util.Locale;

/** What a web account may do: staff work cases; supervisors also assign, press for progress (催办) and see figures. */
public enum AccountRole {
  STAFF("staff", "工作人员"),
  SUPERVISOR("supervisor", "督办人员");

  private final String code;
  private final String label;

  AccountRole(String code, String label) {
    this.code = code;
    this.label = label;
  }

  public String code() {
    return code;
  }

  public String label() {
    return label;
  }

  /** staff or supervisor (any case); null for anything else. */
  public static AccountRole parse(String s) {
    if (s == null) return null;
    String v = s.strip().toLowerCase(Locale.ROOT);
    for (AccountRole r : values()) if (r.code.equals(v)) return r;
    return null;
  }
}
