package cn.fivestar.conversation;

import java.util.Locale;

/** Who is talking: residents report and ask; staff work cases; supervisors review everything. */
public enum Role {
  RESIDENT, STAFF, SUPERVISOR;

  /** Parses resident|staff|supervisor (case-insensitive); null for anything else. */
  public static Role parse(String s) {
    if (s == null) return null;
    try {
      return valueOf(s.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  public boolean isStaff() {
    return this != RESIDENT;
  }
}
