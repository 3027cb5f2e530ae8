package cn.fivestar.app;

import cn.fivestar.infra.*;
import cn.fivestar.channels.telegram.*;
import cn.fivestar.app.Services;
import cn.fivestar.conversation.remind.ReminderSchedule;
import cn.fivestar.infra.UserException;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code serve}: the conversation engine on Telegram (long polling) until SIGTERM/Ctrl-C, which stops polling,
 * lets the messages in progress finish and closes everything.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
    description = "Run the bot on Telegram (long polling, or a webhook with --webhook). Needs TELEGRAM_BOT_TOKEN; "
        + "optional TELEGRAM_API_URL, FIVESTAR_STAFF_CHAT_ID, FIVESTAR_ROLES (default DATA/roles.properties), "
        + "TELEGRAM_WEBHOOK_SECRET, FIVESTAR_REMIND_AT (催办 reminders on working days, default 09:00, off to "
        + "disable), FIVESTAR_RELOAD_SECONDS (re-index changed documents in the background, default 30, 0 = off). "
        + "See docs/telegram.md.")
public final class ServeCommand extends DataCommand implements Callable<Integer> {
  private static final Logger log = LoggerFactory.getLogger(ServeCommand.class);


  @Option(names = "--webhook", paramLabel = "URL",
      description = "Webhook mode: the public https:// address Telegram posts updates to (e.g. your reverse proxy). "
          + "Without it the bot long-polls.")
  String webhookUrl;

  @Option(names = "--listen", paramLabel = "[HOST:]PORT",
      description = "Where the webhook listens (default 8080 on all interfaces); only with --webhook.")
  String listen;

  @Override
  public Integer call() throws InterruptedException {
    TelegramSettings settings = TelegramSettings.fromEnv(System.getenv());
    if (listen != null && webhookUrl == null) throw UserException.usage("--listen only makes sense with --webhook");
    WebhookSettings hook = webhookUrl == null ? null
        : WebhookSettings.parse(webhookUrl, listen, System.getenv(WebhookSettings.SECRET_ENV));
    java.time.LocalTime remindAt = ReminderSchedule.parseTime(System.getenv(ReminderSchedule.ENV));
    Services services = Services.open(dataDir());
    TelegramBot bot;
    try {
      bot = open(settings, services, hook);
    } catch (RuntimeException e) {
      services.close();
      throw e;
    }
    ReminderSchedule reminders = remindAt == null ? null
        : new ReminderSchedule(services.reminders(), remindAt, services.cases().clock());
    if (reminders != null) reminders.start(java.time.Duration.ofSeconds(30));
    services.watchKnowledge(System.err::println);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      if (reminders != null) reminders.close();
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
    return open(settings, services, null);
  }

  /** As {@link #open(TelegramSettings, Services)}, in webhook mode when {@code hook} is given. */
  public static TelegramBot open(TelegramSettings settings, Services services, WebhookSettings hook) {
    TelegramBot bot = new TelegramBot(settings, services.database(),
        userId -> services.roles().roleOf(UpdateMapper.CHANNEL, userId));
    try {
      bot.useBacklog(services.backlog());
      services.notifiers().attach(UpdateMapper.CHANNEL, bot.notifier());
      if (hook == null) bot.start(services.engine());
      else bot.startWebhook(services.engine(), hook);
      return bot;
    } catch (RuntimeException e) {
      services.notifiers().detach(UpdateMapper.CHANNEL);
      bot.close();
      log.debug("serve failed to start", e);
      throw e;
    }
  }
}
