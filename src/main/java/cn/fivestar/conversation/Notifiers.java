package cn.fivestar.conversation;

import java.util.List;
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

  /**
   * Sends what waited in the outbox for a channel through its live notifier (messages queued while it was down, or
   * by another process such as a console staff session); returns how many. Call it after attaching, and now and
   * then while running. Without a live notifier nothing is taken.
   */
  public int deliverQueued(String channel) {
    Notifier n = live.get(channel);
    if (n == null) return 0;
    List<Outbox.Pending> queued = outbox.takeAll(channel);
    for (Outbox.Pending p : queued) n.toChat(p.channel(), p.chatId(), p.message());
    return queued.size();
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
