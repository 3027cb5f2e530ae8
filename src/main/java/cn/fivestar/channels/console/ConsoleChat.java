package cn.fivestar.channels.console;

import cn.fivestar.conversation.Button;
import cn.fivestar.conversation.ConversationEngine;
import cn.fivestar.conversation.Inbound;
import cn.fivestar.conversation.Notifier;
import cn.fivestar.conversation.Outbound;
import cn.fivestar.conversation.ChannelBacklog;
import cn.fivestar.conversation.Role;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The console channel: one message per input line, replies on the output, so it can be scripted or used in a
 * terminal. Inline buttons are shown as "[确认] [取消]"; typing a label (with or without brackets) presses it.
 * Notifications for this user are printed at once; those for other console users wait in the backlog and are
 * printed when that user next chats.
 */
public final class ConsoleChat implements Notifier {
  public static final String CHANNEL = "console";

  private final ConversationEngine engine;
  private final ChannelBacklog backlog;
  private final String userId;
  private final Role role;
  private final PrintWriter out;
  /** Labels of the buttons shown last → their data. */
  private final Map<String, String> buttons = new HashMap<>();

  public ConsoleChat(ConversationEngine engine, ChannelBacklog backlog, String userId, Role role, PrintWriter out) {
    this.engine = engine;
    this.backlog = backlog;
    this.userId = userId;
    this.role = role;
    this.out = out;
  }

  /** Reads lines until end of input. With {@code interactive}, greets and shows a prompt before each line. */
  public void run(BufferedReader in, boolean interactive) {
    if (interactive) {
      out.println("社区助手 · 控制台（用户 " + userId + "，身份：" + roleLabel(role) + "）。输入消息后回车发送；/help 查看帮助；"
          + "Ctrl-D 退出。");
    }
    deliverQueued();
    try {
      while (true) {
        if (interactive) {
          out.print("> ");
          out.flush();
        }
        String line = in.readLine();
        if (line == null) break;
        send(line);
        deliverQueued();
        if (interactive) out.println();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    out.flush();
  }

  /** Hands one typed line to the engine and prints the replies. */
  public synchronized void send(String line) {
    String typed = line.strip();
    String label = typed.startsWith("[") && typed.endsWith("]") ? typed.substring(1, typed.length() - 1).strip() : typed;
    String data = buttons.get(label);
    buttons.clear();
    Inbound in = new Inbound(CHANNEL, userId, userId, userId, role, data != null ? label : line, data, List.of());
    for (Outbound o : engine.handle(in)) print(o, "");
    out.flush();
  }

  @Override
  public synchronized void toChat(String channel, String chatId, Outbound message) {
    if (CHANNEL.equals(channel) && userId.equals(chatId)) {
      print(message, "【通知】");
      out.flush();
    } else {
      backlog.add(channel, chatId, message);
    }
  }

  @Override
  public synchronized void toStaff(Outbound message) {
    if (role.isStaff()) {
      print(message, "【工作提醒】");
      out.flush();
    }
  }

  private synchronized void deliverQueued() {
    for (Outbound o : backlog.take(CHANNEL, userId)) print(o, "【通知】");
    out.flush();
  }

  private void print(Outbound o, String prefix) {
    out.println(prefix + o.text());
    for (List<Button> row : o.buttons()) {
      out.println(row.stream().map(b -> "[" + b.label() + "]").collect(Collectors.joining(" ")));
      for (Button b : row) buttons.put(b.label(), b.data());
    }
    for (List<String> row : o.keyboard()) {
      out.println(row.stream().map(k -> "[" + k + "]").collect(Collectors.joining(" ")));
    }
  }

  static String roleLabel(Role role) {
    return switch (role) {
      case RESIDENT -> "居民";
      case STAFF -> "工作人员";
      case SUPERVISOR -> "督办人员";
    };
  }
}
