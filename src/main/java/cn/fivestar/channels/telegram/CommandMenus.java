package cn.fivestar.channels.telegram;

import cn.fivestar.conversation.Role;
import java.util.ArrayList;
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

  /** The menus of the three roles: the slash commands the conversation engine understands. */
  public static Map<Role, List<BotCommand>> standard() {
    List<BotCommand> resident = List.of(
        command("start", "开始，看看我能做什么"),
        command("help", "使用说明"),
        command("cancel", "取消正在填写的内容"));
    List<BotCommand> staff = new ArrayList<>(resident);
    staff.addAll(List.of(
        command("new", "新受理、待派单的诉求"),
        command("mine", "我承办的诉求"),
        command("take", "接办：/take 编号"),
        command("reply", "答复居民：/reply 编号 答复内容"),
        command("status", "改状态：/status 编号 状态 [说明]"),
        command("note", "内部备注：/note 编号 内容"),
        command("show", "查看详情：/show 编号")));
    List<BotCommand> supervisor = new ArrayList<>(staff);
    supervisor.addAll(List.of(
        command("overdue", "超期未办结的诉求"),
        command("stats", "响应率、解决率、满意率"),
        command("remind", "立即发送今天的催办提醒")));
    return Map.of(Role.RESIDENT, resident, Role.STAFF, List.copyOf(staff), Role.SUPERVISOR, List.copyOf(supervisor));
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
