package cn.fivestar.conversation.intent;

import java.util.Locale;

/** What a message wants: report a problem or ask for help, ask a question, check a case, or small talk. */
public enum Intent {
  REPORT, QUESTION, STATUS, CHITCHAT;

  /** The lower-case code used in JSON and in the examples file. */
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Intent parse(String code) {
    return valueOf(code.trim().toUpperCase(Locale.ROOT));
  }
}
