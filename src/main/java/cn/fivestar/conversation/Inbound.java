package cn.fivestar.conversation;

import java.util.List;

/**
 * One incoming message from any channel. {@code callbackData} is set when the person pressed a button
 * (then {@code text} may be empty); {@code photoIds} are channel file ids of attached photos.
 */
public record Inbound(
    String channel,
    String chatId,
    String userId,
    String displayName,
    Role role,
    String text,
    String callbackData,
    List<String> photoIds) {

  public Inbound {
    text = text == null ? "" : text;
    photoIds = photoIds == null ? List.of() : List.copyOf(photoIds);
    role = role == null ? Role.RESIDENT : role;
  }

  /** A plain text message (console channel, tests). */
  public static Inbound text(String channel, String userId, Role role, String text) {
    return new Inbound(channel, userId, userId, userId, role, text, null, List.of());
  }
}
