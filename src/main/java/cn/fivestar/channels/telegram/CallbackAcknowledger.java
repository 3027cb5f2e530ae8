package cn.fivestar.channels.telegram;

import cn.fivestar.conversation.Inbound;
import cn.fivestar.conversation.Outbound;
import java.util.List;
import org.telegram.telegrambots.meta.api.methods.AnswerCallbackQuery;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.EditMessageText;
import org.telegram.telegrambots.meta.api.objects.CallbackQuery;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardRow;

/**
 * Answers a button press (callback query) once the engine has handled it. Telegram shows a spinner on the button
 * until the press is answered, so every press gets an answer; both calls are optional, as a press that could not
 * be acknowledged was still carried out.
 */
final class CallbackAcknowledger {
  /** Telegram shows at most 200 characters in a button press notice. */
  static final int CALLBACK_NOTICE_LIMIT = 200;
  static final String NOT_DONE = "这个按钮没有生效，请看我的回复。";

  private final BotApi api;

  CallbackAcknowledger(BotApi api) {
    this.api = api;
  }

  /**
   * Answers the press and returns the replies still to send. A press the engine carried out uses the buttons up
   * ({@link #acknowledgeChoice}); a refused one leaves the message as it was and tells the presser why in a notice.
   * In a group that notice replaces the reply, so a resident pressing 接办 does not post to the staff.
   */
  List<Outbound> answer(CallbackQuery q, Inbound in, List<Outbound> replies) {
    Outbound refusal = replies.stream().filter(Outbound::refused).findFirst().orElse(null);
    if (refusal == null) {
      api.optional(AnswerCallbackQuery.builder().callbackQueryId(q.getId()).build());
      acknowledgeChoice(q, in);
      return replies;
    }
    boolean group = RateLimiter.isGroup(in.chatId());
    boolean fits = refusal.text().length() <= CALLBACK_NOTICE_LIMIT;
    api.optional(AnswerCallbackQuery.builder().callbackQueryId(q.getId())
        .text(fits ? refusal.text() : NOT_DONE).showAlert(group).build());
    if (!group || !fits) return replies;
    return replies.stream().filter(o -> !o.refused()).toList();
  }

  /**
   * A pressed button is used up: its message loses the buttons and shows what was chosen (in a group, by whom), so
   * nobody confirms a report twice or takes a case someone else already took.
   */
  private void acknowledgeChoice(CallbackQuery q, Inbound in) {
    if (!(q.getMessage() instanceof Message m) || m.getText() == null || m.getReplyMarkup() == null) return;
    String label = null;
    for (InlineKeyboardRow row : m.getReplyMarkup().getKeyboard()) {
      for (InlineKeyboardButton b : row) {
        if (q.getData().equals(b.getCallbackData())) label = b.getText();
      }
    }
    if (label == null) return;
    String who = RateLimiter.isGroup(in.chatId()) ? in.displayName() + " 选择了：" : "您选择了：";
    String text = m.getText() + "\n\n✅ " + who + label;
    if (text.length() > TextSplitter.TELEGRAM_LIMIT) return;
    api.optional(EditMessageText.builder().chatId(in.chatId()).messageId(m.getMessageId()).text(text).build());
  }
}
