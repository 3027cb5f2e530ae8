package cn.fivestar.conversation;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The engine's one Notifier: hands each message to the live notifier of its channel (the running Telegram bot,
 * the console session) and queues it in the {@link ChannelBacklog} when that channel is not running in this process.
 * Staff notices go to every live channel, and are queued under {@link #STAFF_CHAT} for each staff channel (one
 * with a staff group of its own, like Telegram) that is not running here, so a case logged on the command line
 * still reaches the staff group once {@code serve} drains its queue.
 */
public final class Notifiers implements Notifier {
  /** The chat id under which staff notices wait in the backlog; the channel delivers them to its staff group. */
  public static final String STAFF_CHAT = "staff";

  private final ChannelBacklog backlog;
  private final Set<String> staffChannels;
  private final Map<String, Notifier> live = new ConcurrentHashMap<>();

  /** Without staff channels: staff notices reach only the channels running in this process. */
  public Notifiers(ChannelBacklog backlog) {
    this(backlog, Set.of());
  }

  public Notifiers(ChannelBacklog backlog, Set<String> staffChannels) {
    this.backlog = backlog;
    this.staffChannels = Set.copyOf(staffChannels);
  }

  /** From now on, messages for this channel go to the given notifier. */
  public void attach(String channel, Notifier notifier) {
    live.put(channel, notifier);
  }

  /**
   * Sends what waited in the backlog for a channel through its live notifier (messages queued while it was down, or
   * by another process such as a console staff session); returns how many. Call it after attaching, and now and
   * then while running. Without a live notifier nothing is taken.
   */
  public int deliverQueued(String channel) {
    Notifier n = live.get(channel);
    if (n == null) return 0;
    List<ChannelBacklog.Pending> queued = backlog.takeAll(channel);
    for (ChannelBacklog.Pending p : queued) {
      if (STAFF_CHAT.equals(p.chatId())) n.toStaff(p.message());
      else n.toChat(p.channel(), p.chatId(), p.message());
    }
    return queued.size();
  }

  public void detach(String channel) {
    live.remove(channel);
  }

  @Override
  public void toChat(String channel, String chatId, Outbound message) {
    Notifier n = live.get(channel);
    if (n != null) n.toChat(channel, chatId, message);
    else backlog.add(channel, chatId, message);
  }

  @Override
  public void toStaff(Outbound message) {
    live.values().forEach(n -> n.toStaff(message));
    for (String channel : staffChannels) {
      if (!live.containsKey(channel)) backlog.add(channel, STAFF_CHAT, message);
    }
  }
}
