package cn.fivestar.conversation;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A channel's notifier that keeps what it was asked to send, so tests can read it. */
final class RecordingNotifier implements Notifier {
  record Sent(String channel, String chatId, Outbound message) {}

  final List<Sent> sent = new CopyOnWriteArrayList<>();
  final List<Outbound> staff = new CopyOnWriteArrayList<>();

  @Override
  public void toChat(String channel, String chatId, Outbound message) {
    sent.add(new Sent(channel, chatId, message));
  }

  @Override
  public void toStaff(Outbound message) {
    staff.add(message);
  }

  List<Outbound> to(String chatId) {
    return sent.stream().filter(s -> s.chatId().equals(chatId)).map(Sent::message).toList();
  }
}
