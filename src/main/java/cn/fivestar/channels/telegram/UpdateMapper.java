package cn.fivestar.channels.telegram;

import cn.fivestar.conversation.Inbound;
import cn.fivestar.conversation.Role;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.telegram.telegrambots.meta.api.objects.CallbackQuery;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.User;
import org.telegram.telegrambots.meta.api.objects.message.MaybeInaccessibleMessage;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.api.objects.photo.PhotoSize;

/**
 * Decides what an update means for the bot: a message for the conversation engine, a short answer the channel
 * gives itself (unsupported content, the /id helper), or nothing (edits, service messages, group chatter not
 * addressed to the bot).
 */
public final class UpdateMapper {
  public static final String CHANNEL = "telegram";
  /** The kinds of update asked for (getUpdates, setWebhook): the ones {@link #map} understands. */
  static final List<String> ALLOWED_UPDATES = List.of("message", "callback_query");

  static final String UNSUPPORTED = "抱歉，我目前只能看懂文字和照片。请用文字描述您的问题，需要时也可以直接发送照片。";

  /** What to do with one update. */
  public sealed interface Incoming {}

  /** Hand to the engine; {@code messageId} is the message answered, {@code callback} the pressed button if any. */
  public record ToEngine(Inbound inbound, Integer messageId, CallbackQuery callback) implements Incoming {}

  /** Answer directly, without the engine. */
  public record Reply(String chatId, String text, Integer replyTo) implements Incoming {}

  public record Ignore(String why) implements Incoming {}

  private final String botUsername;
  private final Pattern mention;
  private final Function<String, Role> roleOfUser;

  /** {@code roleOfUser} maps a Telegram user id to the person's role (from the roles file). */
  public UpdateMapper(String botUsername, Function<String, Role> roleOfUser) {
    this.botUsername = botUsername == null ? "" : botUsername;
    this.mention = Pattern.compile("@" + Pattern.quote(this.botUsername) + "\\b", Pattern.CASE_INSENSITIVE);
    this.roleOfUser = roleOfUser;
  }

  /** The key updates are ordered by: their chat (a callback belongs to the chat of its message). */
  public static String chatKey(Update u) {
    if (u.getMessage() != null && u.getMessage().getChat() != null) return u.getMessage().getChatId().toString();
    CallbackQuery q = u.getCallbackQuery();
    if (q != null && (q.getFrom() != null || q.getMessage() != null && q.getMessage().getChat() != null)) {
      return callbackChat(q);
    }
    if (u.getEditedMessage() != null && u.getEditedMessage().getChat() != null) {
      return u.getEditedMessage().getChatId().toString();
    }
    return "update-" + u.getUpdateId(); // nothing to order it by (and nothing the bot will answer)
  }

  public Incoming map(Update u) {
    if (u.getCallbackQuery() != null) return callback(u.getCallbackQuery());
    if (u.getMessage() != null) return message(u.getMessage());
    if (u.getEditedMessage() != null) return new Ignore("edited message");
    return new Ignore("update type the bot does not use");
  }

  private Incoming callback(CallbackQuery q) {
    if (q.getData() == null || q.getFrom() == null) return new Ignore("callback without data");
    User from = q.getFrom();
    String userId = from.getId().toString();
    Inbound in = new Inbound(CHANNEL, callbackChat(q), userId, displayName(from), roleOfUser.apply(userId), "",
        q.getData(), List.of());
    MaybeInaccessibleMessage m = q.getMessage();
    return new ToEngine(in, m == null ? null : m.getMessageId(), q);
  }

  private static String callbackChat(CallbackQuery q) {
    MaybeInaccessibleMessage m = q.getMessage();
    if (m != null && m.getChat() != null && m.getChatId() != null) return m.getChatId().toString();
    return q.getFrom().getId().toString();
  }

  private Incoming message(Message m) {
    if (m.getChat() == null || "channel".equals(m.getChat().getType())) return new Ignore("channel post");
    if (m.getFrom() == null || Boolean.TRUE.equals(m.getFrom().getIsBot())) return new Ignore("not from a person");
    boolean group = !"private".equals(m.getChat().getType());
    String chatId = m.getChatId().toString();
    String text = m.hasText() ? m.getText() : m.getCaption() == null ? "" : m.getCaption();

    if (group) {
      String addressed = addressedText(text);
      if (addressed == null) return new Ignore("group message not addressed to the bot");
      text = addressed;
    } else if (text.startsWith("/")) {
      text = stripCommandSuffix(text);
    }

    if (text.equals("/id") || text.startsWith("/id ")) {
      return new Reply(chatId, "您的 Telegram 用户编号：" + m.getFrom().getId() + "\n本聊天的编号：" + chatId,
          group ? m.getMessageId() : null);
    }

    String photo = photoId(m);
    if (!m.hasText() && photo == null) {
      if (hasUnsupportedContent(m)) {
        return group ? new Ignore("unsupported content in a group") : new Reply(chatId, UNSUPPORTED, null);
      }
      if (m.getCaption() == null) return new Ignore("service message");
    }
    String userId = m.getFrom().getId().toString();
    Inbound in = new Inbound(CHANNEL, chatId, userId, displayName(m.getFrom()), roleOfUser.apply(userId),
        text.strip(), null, photo == null ? List.of() : List.of(photo));
    return new ToEngine(in, m.getMessageId(), null);
  }

  /**
   * In a group, the text meant for the bot: a command (for us or for every bot), or a message mentioning
   * {@code @botname} with the mention removed. Null when the message is not for the bot.
   */
  String addressedText(String text) {
    if (text.startsWith("/")) {
      String command = text.split("\\s", 2)[0];
      int at = command.indexOf('@');
      if (at >= 0 && !command.substring(at + 1).equalsIgnoreCase(botUsername)) return null;
      return stripCommandSuffix(text);
    }
    if (botUsername.isEmpty()) return null;
    Matcher matcher = mention.matcher(text);
    if (!matcher.find()) return null;
    return matcher.replaceAll("").replaceAll("\\s{2,}", " ").strip();
  }

  /** "/start@fivestar_bot abc" → "/start abc". */
  private static String stripCommandSuffix(String text) {
    String[] parts = text.split("\\s", 2);
    String command = parts[0];
    int at = command.indexOf('@');
    if (at >= 0) command = command.substring(0, at);
    return parts.length > 1 ? command + " " + parts[1] : command;
  }

  /** The largest photo's file id (or an image sent as a file), else null. */
  static String photoId(Message m) {
    if (m.hasPhoto() && !m.getPhoto().isEmpty()) {
      return m.getPhoto().stream()
          .max(Comparator.comparingLong(UpdateMapper::area).thenComparingLong(UpdateMapper::size))
          .map(PhotoSize::getFileId)
          .orElse(null);
    }
    if (m.hasDocument() && m.getDocument().getMimeType() != null
        && m.getDocument().getMimeType().toLowerCase(Locale.ROOT).startsWith("image/")) {
      return m.getDocument().getFileId();
    }
    return null;
  }

  private static long area(PhotoSize p) {
    return (long) nz(p.getWidth()) * nz(p.getHeight());
  }

  private static long size(PhotoSize p) {
    return nz(p.getFileSize());
  }

  private static int nz(Integer i) {
    return i == null ? 0 : i;
  }

  private static boolean hasUnsupportedContent(Message m) {
    return m.hasSticker() || m.hasVoice() || m.hasVideo() || m.hasVideoNote() || m.hasDocument() || m.hasLocation()
        || m.getAudio() != null || m.getContact() != null || m.getAnimation() != null;
  }

  static String displayName(User u) {
    String name = (nzs(u.getFirstName()) + " " + nzs(u.getLastName())).strip();
    if (!name.isEmpty()) return name;
    return u.getUserName() != null ? u.getUserName() : u.getId().toString();
  }

  private static String nzs(String s) {
    return s == null ? "" : s;
  }
}
