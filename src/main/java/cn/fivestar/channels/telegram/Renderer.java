package cn.fivestar.channels.telegram;

import cn.fivestar.conversation.Button;
import cn.fivestar.conversation.Outbound;
import java.util.ArrayList;
import java.util.List;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.objects.ReplyParameters;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.ReplyKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardRow;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.KeyboardRow;

/**
 * Turns the engine's channel-neutral replies into Telegram messages. Texts are sent as plain text (no parse mode),
 * so nothing a resident typed or a document contains can break the formatting. A long text becomes several
 * messages; the reply keyboard rides on the first, inline buttons on the last (next to the question they answer).
 */
public final class Renderer {
  private final int maxLength;

  public Renderer() {
    this(TextSplitter.TELEGRAM_LIMIT);
  }

  Renderer(int maxLength) {
    this.maxLength = maxLength;
  }

  public List<OutMessage> render(String chatId, Outbound out, Integer replyTo) {
    boolean group = RateLimiter.isGroup(chatId);
    // A reply keyboard in a group would pop up for every member; groups get inline buttons only.
    List<List<String>> keyboard = group ? List.of() : out.keyboard();
    String text = out.text().isBlank() && !(out.buttons().isEmpty() && keyboard.isEmpty()) ? "请选择：" : out.text();
    List<String> parts = TextSplitter.split(text, maxLength);
    List<OutMessage> messages = new ArrayList<>();
    for (int i = 0; i < parts.size(); i++) {
      boolean first = i == 0;
      boolean last = i == parts.size() - 1;
      List<List<Button>> buttons = last ? out.buttons() : List.of();
      // Telegram allows one markup per message: with a single message, inline buttons win over the keyboard.
      List<List<String>> kb = first && (buttons.isEmpty()) ? keyboard : List.of();
      messages.add(new OutMessage(chatId, parts.get(i), buttons, kb, first && group ? replyTo : null));
    }
    return messages;
  }

  /** The Bot API request for one message. */
  static SendMessage toRequest(OutMessage m) {
    SendMessage.SendMessageBuilder<?, ?> b = SendMessage.builder().chatId(m.chatId()).text(m.text());
    if (!m.buttons().isEmpty()) {
      List<InlineKeyboardRow> rows = new ArrayList<>();
      for (List<Button> row : m.buttons()) {
        InlineKeyboardRow r = new InlineKeyboardRow();
        for (Button button : row) {
          r.add(InlineKeyboardButton.builder().text(button.label()).callbackData(button.data()).build());
        }
        rows.add(r);
      }
      b.replyMarkup(new InlineKeyboardMarkup(rows));
    } else if (!m.keyboard().isEmpty()) {
      List<KeyboardRow> rows = new ArrayList<>();
      for (List<String> row : m.keyboard()) {
        KeyboardRow r = new KeyboardRow();
        row.forEach(r::add);
        rows.add(r);
      }
      ReplyKeyboardMarkup markup = new ReplyKeyboardMarkup(rows);
      markup.setResizeKeyboard(true);
      markup.setIsPersistent(true);
      b.replyMarkup(markup);
    }
    if (m.replyTo() != null) {
      b.replyParameters(ReplyParameters.builder().messageId(m.replyTo()).allowSendingWithoutReply(true).build());
    }
    return b.build();
  }
}
