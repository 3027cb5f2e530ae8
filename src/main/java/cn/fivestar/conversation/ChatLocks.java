package cn.fivestar.conversation;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** One lock per (channel, chat, user), so a person's messages and pushes that touch their dialog state take turns. */
final class ChatLocks {
  private final Map<String, Object> locks = new ConcurrentHashMap<>();

  Object of(String channel, String chatId, String userId) {
    return locks.computeIfAbsent(channel + "\u0000" + chatId + "\u0000" + userId, k -> new Object());
  }
}
