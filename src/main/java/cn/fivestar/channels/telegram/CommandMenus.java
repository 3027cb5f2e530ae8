package cn.fivestar.channels.telegram;

import cn.fivestar.conversation.Role;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.telegram.telegrambots.meta.api.methods.commands.SetMyCommands;
import org.telegram.telegrambots.meta.api.objects.commands.BotCommand;
import org.telegram.telegrambots.meta.api.objects.commands.scope.BotCommandScopeChat;
import org.telegram.telegrambots.meta.api.objects.commands.scope.BotCommandScopeDefault;

/**
 * The "/" command menu Telegram shows: residents' menu for everybody, and in the private chat of each staff member
 * or supervisor (and the staff group) the menu of their role, set the first time they write (BotCommandScopeChat).
 * A server without setMyCommands just means no menu.
 */
public final class CommandMenus {
  private final BotApi api;
  private final UpdateStore store;
  private final Map<Role, List<BotCommand>> menus;
  private final Map<String, String> known = new ConcurrentHashMap<>();

  public CommandMenus(BotApi api, UpdateStore store, Map<Role, List<BotCommand>> menus) {
    this.api = api;
    this.store = store;
    this.menus = menus;
  }

  /** The menus of the three roles; the texts they stand for are understood by the conversation engine. */
  public static Map<Role, List<BotCommand>> standard() {
    List<BotCommand> resident = List.of(
        command("start", "主菜单"),
        command("help", "使用说明"));
    List<BotCommand> staff = List.of(
        command("start", "主菜单"),
        command("help", "使用说明"));
    return Map.of(Role.RESIDENT, resident, Role.STAFF, staff, Role.SUPERVISOR, staff);
  }

  static BotCommand command(String name, String description) {
    return BotCommand.builder().command(name).description(description).build();
  }

  public void setDefault() {
    api.optional(SetMyCommands.builder().commands(menus.get(Role.RESIDENT))
        .scope(BotCommandScopeDefault.builder().build()).build());
  }

  /** Makes sure this private chat (or the staff group) shows the menu of {@code role}. */
  public void ensure(String chatId, Role role) {
    String had = known.computeIfAbsent(chatId, id -> {
      String stored = store.menuRole(id);
      return stored == null ? Role.RESIDENT.name() : stored;
    });
    if (had.equals(role.name()) || api.isUnsupported("setMyCommands")) return;
    boolean ok = api.optional(SetMyCommands.builder().commands(menus.get(role))
        .scope(BotCommandScopeChat.builder().chatId(chatId).build()).build());
    if (ok) {
      store.rememberMenu(chatId, role.name());
      known.put(chatId, role.name());
    }
  }
}
