package cn.fivestar.conversation;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The engine's one Notifier: hands each message to the live notifier of its channel (the running Telegram bot,
 * the console session) and queues it in the {@link Outbox} when that channel is not running in this process.
 */
public final class Notifiers implements Notifier {
  private final Outbox outbox;
  private final Map<String, Notifier> live = new ConcurrentHashMap<>();

  public Notifiers(Outbox outbox) {
    this.outbox = outbox;
  }

  /** From now on, messages for this channel go to the given notifier. */
  public void attach(String channel, Notifier notifier) {
    live.put(channel, notifier);
  }

  public void detach(String channel) {
    live.remove(channel);
  }

  @Override
  public void toChat(String channel, String chatId, Outbound message) {
    Notifier n = live.get(channel);
    if (n != null) n.toChat(channel, chatId, message);
    else outbox.add(channel, chatId, message);
  }

  @Override
  public void toStaff(Outbound message) {
    live.values().forEach(n -> n.toStaff(message));
  }
}
