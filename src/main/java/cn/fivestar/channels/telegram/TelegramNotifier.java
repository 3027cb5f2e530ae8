package cn.fivestar.channels.telegram;

import cn.fivestar.conversation.Notifier;
import cn.fivestar.conversation.Outbound;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pushes from the engine (a staff reply reaching a resident, a status change, a new case for the staff group).
 * Each push is queued behind the target chat's own work, so it keeps that chat's order and never makes the engine
 * wait on the network.
 */
final class TelegramNotifier implements Notifier {
  private static final Logger log = LoggerFactory.getLogger(TelegramNotifier.class);

  interface Dispatch {
    void push(String chatId, Outbound message);
  }

  private final Dispatch dispatch;
  private final Long staffChatId;

  TelegramNotifier(Dispatch dispatch, Long staffChatId) {
    this.dispatch = dispatch;
    this.staffChatId = staffChatId;
  }

  @Override
  public void toChat(String channel, String chatId, Outbound message) {
    if (!UpdateMapper.CHANNEL.equals(channel)) {
      log.debug("push for channel {} ignored by Telegram", channel);
      return;
    }
    dispatch.push(chatId, message);
  }

  @Override
  public void toStaff(Outbound message) {
    if (staffChatId == null) {
      log.info("no staff group configured ({}); staff notice not sent", TelegramSettings.STAFF_CHAT_ENV);
      return;
    }
    dispatch.push(staffChatId.toString(), message);
  }
}
