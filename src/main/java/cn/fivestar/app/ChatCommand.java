package cn.fivestar.app;

import cn.fivestar.infra.*;
import cn.fivestar.channels.console.*;
import cn.fivestar.app.Services;
import cn.fivestar.infra.UserException;
import cn.fivestar.conversation.Role;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code chat [--user ID] [--role resident|staff|supervisor]}: the console channel on stdin/stdout. */
@Command(name = "chat", mixinStandardHelpOptions = true,
    description = "Chat with the bot on the console: one message per stdin line, replies on stdout. "
        + "Buttons appear as [label]; type the label to press one.")
public final class ChatCommand extends DataCommand implements Callable<Integer> {

  @Option(names = "--user", paramLabel = "ID", description = "Who is chatting (default: your login name).")
  String user;

  @Option(names = "--role", paramLabel = "ROLE",
      description = "resident, staff or supervisor (default: from roles.properties, else resident).")
  String role;

  @Option(names = "--json", description = "Scripted use: JSON lines in ({\"user\",\"role\",\"text\"} or "
      + "{\"user\",\"button\"}), one JSON line out for each.")
  boolean json;

  @Override
  public Integer call() {
    if (json) return jsonChat();
    Role forced = null;
    if (role != null) {
      forced = Role.parse(role);
      if (forced == null) throw UserException.usage("--role must be resident, staff or supervisor, got: " + role);
    }
    String who = user != null ? user.strip() : System.getProperty("user.name", "me");
    if (who.isEmpty() || who.length() > 64 || !who.codePoints().allMatch(cp -> Character.isLetterOrDigit(cp) || "-_.@".indexOf(cp) >= 0)) {
      throw UserException.usage("--user must be 1-64 letters, digits or - _ . @");
    }
    try (Services services = Services.open(dataDir())) {
      Role r = forced != null ? forced : services.roles().roleOf(ConsoleChat.CHANNEL, who);
      PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
      ConsoleChat chat = new ConsoleChat(services.engine(), services.backlog(), who, r, out);
      services.notifiers().attach(ConsoleChat.CHANNEL, chat);
      chat.run(new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)), System.console() != null);
    }
    return 0;
  }

  private int jsonChat() {
    try (Services services = Services.open(dataDir())) {
      PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
      JsonChat chat = new JsonChat(services.engine(), services.backlog(), services.roles()::roleOf);
      services.notifiers().attach(ConsoleChat.CHANNEL, chat);
      chat.run(new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)), out);
    }
    return 0;
  }
}
