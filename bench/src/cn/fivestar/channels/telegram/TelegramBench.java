package cn.fivestar.channels.telegram;

import cn.fivestar.infra.Database;
import cn.fivestar.app.Services;
import cn.fivestar.app.ServeCommand;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Updates per second end to end through the Telegram channel: a fake Bot API on 127.0.0.1 queues resident
 * questions, the real `serve` wiring (OkHttp client, SQLite bookkeeping, worker pool, conversation engine with the
 * extractive answerer over the default knowledge base) polls and answers them, and the clock stops when the fake
 * server has received every reply. Run with bench/TelegramBench.sh from the project folder.
 *
 * <p>Arguments: [real|scripted] [chats] [messagesPerChat] [workers]. "scripted" swaps the engine for the echo test
 * double, to see the transport's own ceiling. Rate limiting is off: the fake server has no limits and the point is
 * the bot's capacity (against the real Telegram the limiter caps sends at 30 messages/s).
 */
public final class TelegramBench {
  private static final List<String> QUESTIONS = List.of(
      "平安法治星的标准是什么？", "怎么争创共建共享星", "社区有没有助老食堂？", "什么是一长三员",
      "幸福和谐星要做哪些事", "支部过硬星怎么评", "村里怎么争创产业兴旺星", "红色物业是什么意思");

  public static void main(String[] args) throws Exception {
    boolean real = args.length == 0 || !args[0].equals("scripted");
    int chats = args.length > 1 ? Integer.parseInt(args[1]) : 400;
    int perChat = args.length > 2 ? Integer.parseInt(args[2]) : 5; // the engine throttles a user at 20 in a burst
    int workers = args.length > 3 ? Integer.parseInt(args[3]) : 8;
    Path data = Files.createTempDirectory("telegram-bench");

    try (FakeBotApi api = new FakeBotApi()) {
      TelegramSettings settings = TelegramSettings.defaults(FakeBotApi.TOKEN, TelegramSettings.parseApiUrl(api.url()))
          .withWorkers(workers)
          .withLimits(RateLimiter.Limits.none())
          .withTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(10));
      Services services = real ? Services.open(data) : null;
      TelegramBot bot;
      if (real) {
        bot = ServeCommand.open(settings, services);
      } else {
        bot = new TelegramBot(settings, Database.configured(data), BotHarness.roles());
        bot.start(new ScriptedEngine(bot.notifier()));
      }
      try {
        run(api, 200, 3, "warm-up"); // JIT-compiles the answering path first
        long t0 = System.nanoTime();
        run(api, chats, perChat, "measured");
        double seconds = (System.nanoTime() - t0) / 1e9;
        int updates = chats * perChat;
        System.out.printf("engine: %s; workers %d; %d chats x %d questions = %d updates%n",
            real ? "DialogEngine + extractive answerer" : "scripted echo (test double)", workers, chats, perChat,
            updates);
        System.out.printf("%.2f s, %.0f updates/s end to end%n", seconds, updates / seconds);
      } finally {
        bot.close();
        if (services != null) services.close();
      }
    }
  }

  /** Queues perChat questions in each of `chats` chats and waits until every one has its reply. */
  private static void run(FakeBotApi api, int chats, int perChat, String what) throws InterruptedException {
    int target = api.sentCount() + chats * perChat;
    for (int i = 0; i < perChat; i++) {
      for (int c = 0; c < chats; c++) {
        long chat = 10_000 + c + (what.equals("warm-up") ? 1_000_000 : 0);
        api.enqueue(api.text(chat, "居民" + c, QUESTIONS.get((c + i) % QUESTIONS.size())));
      }
    }
    long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
    while (api.sentCount() < target) {
      if (System.nanoTime() > deadline) throw new IllegalStateException(what + ": replies missing");
      Thread.sleep(5);
    }
  }
}
