package cn.fivestar.conversation;

/**
 * Pushes messages that are not direct replies: a staff answer reaching a resident, a new case reaching the
 * staff group. Each channel implements it; the engine calls it.
 */
public interface Notifier {
  /** Sends to a chat on the given channel (the one the person used). */
  void toChat(String channel, String chatId, Outbound message);

  /** Tells staff about something new (e.g. a Telegram staff group). Channels without one ignore it. */
  default void toStaff(Outbound message) {}
}
