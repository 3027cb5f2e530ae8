package cn.fivestar.channels.telegram;

import cn.fivestar.app.Main;
import cn.fivestar.app.Services;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/**
 * {@code serve}: the conversation engine on Telegram (long polling) until SIGTERM/Ctrl-C, which stops polling,
 * lets the messages in progress finish and closes everything.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
    description = "Run the bot on Telegram (long polling). Needs TELEGRAM_BOT_TOKEN; optional TELEGRAM_API_URL, "
        + "FIVESTAR_STAFF_CHAT_ID, FIVESTAR_ROLES (default DATA/roles.properties). See docs/telegram.md.")
public final class ServeCommand implements Callable<Integer> {
  private static final Logger log = LoggerFactory.getLogger(ServeCommand.class);

  @ParentCommand Main main;

  @Override
  public Integer call() throws InterruptedException {
    TelegramSettings settings = TelegramSettings.fromEnv(System.getenv());
    Services services = Services.open(main.dataDir());
    TelegramBot bot;
    try {
      bot = open(settings, services);
    } catch (RuntimeException e) {
      services.close();
      throw e;
    }
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      bot.close();
      services.close();
    }, "telegram-shutdown"));
    System.err.println("Telegram bot @" + bot.username() + " is running; stop it with Ctrl-C or SIGTERM.");
    bot.awaitStopped();
    return 0;
  }

  /**
   * Starts the bot on everything {@code services} holds: its engine, roles and database; the engine's pushes for
   * Telegram go to the bot, and messages queued for Telegram while no bot ran are delivered. The caller closes the
   * bot, then the services.
   */
  public static TelegramBot open(TelegramSettings settings, Services services) {
    TelegramBot bot = new TelegramBot(settings, services.database(),
        userId -> services.roles().roleOf(UpdateMapper.CHANNEL, userId));
    try {
      bot.useBacklog(services.outbox());
      services.notifiers().attach(UpdateMapper.CHANNEL, bot.notifier());
      bot.start(services.engine());
      return bot;
    } catch (RuntimeException e) {
      services.notifiers().detach(UpdateMapper.CHANNEL);
      bot.close();
      log.debug("serve failed to start", e);
      throw e;
    }
  }
}
