package cn.fivestar.conversation;

import java.util.Locale;

/** How the engine took a message, as scripts and dialogue tests see it ({@code handled_as} of {@code chat --json}). */
public enum HandledAs {
  /** a knowledge answer or a refusal */
  ANSWER,
  /** any step of reporting: started, detail asked or filled, edited, confirmed, cancelled */
  REPORT,
  STATUS,
  RATING,
  CHITCHAT,
  /** a staff or supervisor command */
  COMMAND;

  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }
}
