package cn.fivestar.channels.telegram;

import cn.fivestar.conversation.ChannelBacklog;
import cn.fivestar.conversation.Notifier;
import cn.fivestar.conversation.Notifiers;
import cn.fivestar.conversation.Outbound;
import cn.fivestar.infra.PersonalData;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers what waited, at start and then on a timer: messages the engine queued for Telegram in the
 * {@link ChannelBacklog} (chats no bot could reach, pushes and staff notices from another process such as
 * {@code cases create} or a console staff session), and sends parked in the {@link SendRetryQueue} after a failure.
 * Pushes arriving after the bot stopped are put back in the backlog.
 */
final class QueuedDelivery {
  private static final Logger log = LoggerFactory.getLogger(QueuedDelivery.class);
  /** The backlog is read at least this often, so a notice from another process is not late by much. */
  private static final Duration BACKLOG_AT_MOST_EVERY = Duration.ofSeconds(5);

  private final Sender sender;
  private final BooleanSupplier closing;
  private volatile ChannelBacklog backlog;
  private volatile Notifiers fromBacklog;

  /** Takes nothing from the backlog once {@code closing} is true: it would only go back there. */
  QueuedDelivery(Sender sender, BooleanSupplier closing) {
    this.sender = sender;
    this.closing = closing;
  }

  /**
   * The engine's backlog, delivered through the bot's notifier: {@link Notifiers#deliverQueued} sends staff notices
   * (waiting under {@link Notifiers#STAFF_CHAT}) to the staff group and the rest to their chats.
   */
  void use(ChannelBacklog queue, Notifier bot) {
    Notifiers delivery = new Notifiers(queue);
    delivery.attach(UpdateMapper.CHANNEL, bot);
    this.backlog = queue;
    this.fromBacklog = delivery;
  }

  /** Delivers the backlog now, then both queues every {@code every} (the backlog at least every 5 s). */
  void start(ScheduledExecutorService timers, Duration every) {
    drainBacklog();
    long retryEvery = every.toMillis();
    timers.scheduleWithFixedDelay(this::retrySends, retryEvery, retryEvery, TimeUnit.MILLISECONDS);
    long backlogEvery = Math.min(retryEvery, BACKLOG_AT_MOST_EVERY.toMillis());
    timers.scheduleWithFixedDelay(this::drainBacklog, backlogEvery, backlogEvery, TimeUnit.MILLISECONDS);
  }

  /** A push that came after the workers stopped: back to the backlog, for the next start. */
  void putBack(String chatId, Outbound message) {
    ChannelBacklog queue = backlog;
    if (queue != null) {
      queue.add(UpdateMapper.CHANNEL, chatId, message);
    } else {
      log.error("bot stopped, message to chat {} not sent: {}", chatId, PersonalData.mask(message.text()));
    }
  }

  private void drainBacklog() {
    Notifiers delivery = fromBacklog;
    if (delivery == null || closing.getAsBoolean()) return;
    try {
      int n = delivery.deliverQueued(UpdateMapper.CHANNEL);
      if (n > 0) log.info("delivering {} message(s) queued while the bot was away", n);
    } catch (RuntimeException e) {
      log.error("cannot read queued messages: {}", PersonalData.mask(e.toString()));
    }
  }

  private void retrySends() {
    try {
      int n = sender.retryQueued();
      if (n > 0) log.info("delivered {} message(s) from the retry queue", n);
    } catch (RuntimeException e) {
      log.error("retry of queued sends failed: {}", PersonalData.mask(e.toString()));
    }
  }
}
