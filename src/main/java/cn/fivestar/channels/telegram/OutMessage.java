package cn.fivestar.channels.telegram;

import cn.fivestar.conversation.Button;
import java.util.List;

/**
 * One Telegram message to send, in our own terms so it can be stored in the outbox as JSON and rebuilt later.
 *
 * @param replyTo message id to answer in groups (so people see what the bot answers), or null
 */
public record OutMessage(
    String chatId, String text, List<List<Button>> buttons, List<List<String>> keyboard, Integer replyTo) {

  public OutMessage {
    buttons = buttons == null ? List.of() : List.copyOf(buttons);
    keyboard = keyboard == null ? List.of() : List.copyOf(keyboard);
  }

  public static OutMessage text(String chatId, String text) {
    return new OutMessage(chatId, text, List.of(), List.of(), null);
  }

  public OutMessage toChat(String otherChatId) {
    return new OutMessage(otherChatId, text, buttons, keyboard, replyTo);
  }
}
