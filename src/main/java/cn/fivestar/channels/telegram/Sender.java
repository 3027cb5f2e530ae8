package cn.fivestar.channels.telegram;

import cn.fivestar.infra.PersonalData;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers messages: rate-limited, retried by {@link BotApi#call}, and when Telegram still will not take one it is
 * parked in the {@link SendRetryQueue} and retried later. Nothing is dropped without a log line (personal data masked).
 */
public final class Sender {
  private static final Logger log = LoggerFactory.getLogger(Sender.class);
  /** A message undeliverable for a day is given up (kept in the retry queue as dead). */
  static final Duration GIVE_UP_AFTER = Duration.ofHours(24);

  private final BotApi api;
  private final SendRetryQueue retryQueue;
  private final Clock clock;
  private final Duration retryEvery;
  /** Groups upgraded to supergroups get a new id; Telegram tells us once, we remember it. */
  private final Map<String, String> movedChats = new ConcurrentHashMap<>();

  public Sender(BotApi api, SendRetryQueue retryQueue, Clock clock, Duration retryEvery) {
    this.api = api;
    this.retryQueue = retryQueue;
    this.clock = clock;
    this.retryEvery = retryEvery;
  }

  public void sendAll(List<OutMessage> messages) {
    messages.forEach(this::send);
  }

  /** Sends now, or queues in the retryQueue. Never throws. */
  public void send(OutMessage message) {
    OutMessage m = message.toChat(movedChats.getOrDefault(message.chatId(), message.chatId()));
    try {
      if (retryQueue.hasQueued(m.chatId())) {
        retryQueue.add(m, "queued behind an undelivered message", 0);
        return;
      }
      deliver(m);
    } catch (ApiFailure f) {
      if (f.retryable()) {
        long delay = Math.max(retryEvery.toMillis(), f.retryAfterSeconds() * 1000);
        retryQueue.add(m, PersonalData.mask(f.getMessage()), delay);
        log.warn("message to chat {} queued for a later retry: {}", m.chatId(), PersonalData.mask(f.getMessage()));
      } else {
        log.error("message to chat {} not delivered: {}; text was: {}", m.chatId(),
            PersonalData.mask(f.getMessage()), PersonalData.mask(m.text()));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      retryQueue.add(m, "interrupted while sending", 0);
    } catch (RuntimeException e) {
      log.error("message to chat {} not delivered: {}; text was: {}", m.chatId(), PersonalData.mask(e.toString()),
          PersonalData.mask(m.text()));
    }
  }

  private void deliver(OutMessage m) throws ApiFailure, InterruptedException {
    try {
      api.call(Renderer.toRequest(m), m.chatId());
    } catch (ApiFailure f) {
      if (f.kind() != ApiFailure.Kind.REJECTED) throw f;
      if (f.migrateToChatId() != null) {
        String moved = f.migrateToChatId().toString();
        movedChats.put(m.chatId(), moved);
        log.warn("chat {} became {} (group upgraded); update the configuration if it is the staff group",
            m.chatId(), moved);
        api.call(Renderer.toRequest(m.toChat(moved)), moved);
      } else if ((!m.buttons().isEmpty() || !m.keyboard().isEmpty()) && !Integer.valueOf(403).equals(f.errorCode())) {
        // Rather the text without its buttons than nothing at all.
        log.error("message to chat {} refused with its buttons ({}); sending the text alone", m.chatId(),
            PersonalData.mask(f.getMessage()));
        api.call(Renderer.toRequest(new OutMessage(m.chatId(), m.text(), null, null, m.replyTo())), m.chatId());
      } else {
        throw f;
      }
    }
  }

  /**
   * One pass over the retry queue: sends what is due, in order per chat (a chat whose oldest message is not due or fails
   * again waits for the next pass). Returns how many were delivered.
   */
  public int retryQueued() {
    int delivered = 0;
    Set<String> stuck = new HashSet<>();
    for (SendRetryQueue.Entry e : retryQueue.queued(500)) {
      OutMessage m = e.message();
      if (stuck.contains(m.chatId())) continue;
      if (e.nextAt() > clock.millis()) {
        stuck.add(m.chatId());
        continue;
      }
      try {
        deliver(m);
        retryQueue.delivered(e);
        delivered++;
      } catch (ApiFailure f) {
        String error = PersonalData.mask(f.getMessage());
        boolean tooOld = clock.millis() - e.createdAt() > GIVE_UP_AFTER.toMillis();
        if (!f.retryable() || tooOld) {
          retryQueue.dead(e, error);
          log.error("gave up on a message to chat {} after {} attempts: {}; text was: {}", m.chatId(),
              e.attempts(), error, PersonalData.mask(m.text()));
        } else {
          long wait = Math.min(retryEvery.toMillis() << Math.min(e.attempts() - 1, 10), Duration.ofHours(1).toMillis());
          retryQueue.failed(e, error, Math.max(wait, f.retryAfterSeconds() * 1000));
          stuck.add(m.chatId());
        }
      } catch (InterruptedException ex) {
        Thread.currentThread().interrupt();
        return delivered;
      } catch (RuntimeException ex) {
        log.error("retry failed for chat {}: {}", m.chatId(), PersonalData.mask(ex.toString()));
        stuck.add(m.chatId());
      }
    }
    return delivered;
  }
}
