package cn.fivestar.channels.telegram;

import cn.fivestar.app.Database;
import cn.fivestar.conversation.ConversationEngine;
import cn.fivestar.conversation.Notifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;

/**
 * Updates per second end to end through the Telegram channel: a fake Bot API on 127.0.0.1 queues resident
 * messages, the real TelegramBot (OkHttp client, SQLite bookkeeping, worker pool) polls them, the engine answers,
 * and the clock stops when the fake server has received every reply. Run with bench/TelegramBench.sh.
 *
 * <p>Arguments: [chats] [messagesPerChat] [workers]. Rate limiting is off: the fake server has no limits, and the
 * point is the bot's own capacity (against the real Telegram the limiter caps sends at 30/s).
 */
public final class TelegramBench {

  public static void main(String[] args) throws Exception {
    int chats = args.length > 0 ? Integer.parseInt(args[0]) : 200;
    int perChat = args.length > 1 ? Integer.parseInt(args[1]) : 10;
    int workers = args.length > 2 ? Integer.parseInt(args[2]) : 8;
    Path data = Files.createTempDirectory("telegram-bench");
    Function<Notifier, ConversationEngine> engine = ScriptedEngine::new;
    String engineName = "scripted echo engine (test double)";
    List<String> questions = List.of("你好", "社区几点上班", "怎么办理居住证", "路灯归谁管");

    try (FakeBotApi api = new FakeBotApi()) {
      TelegramSettings settings = TelegramSettings.defaults(FakeBotApi.TOKEN, TelegramSettings.parseApiUrl(api.url()))
          .withWorkers(workers)
          .withLimits(RateLimiter.Limits.none())
          .withTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(10));
      try (TelegramBot bot = new TelegramBot(settings, Database.inDataDir(data), BotHarness.roles())) {
        bot.start(engine.apply(bot.notifier()));
        run(api, 50, 2, questions, "warm-up");
        int before = api.allSent().size();
        long t0 = System.nanoTime();
        run(api, chats, perChat, questions, "measured");
        double seconds = (System.nanoTime() - t0) / 1e9;
        int updates = chats * perChat;
        System.out.printf("engine: %s%nworkers: %d, chats: %d, updates: %d, replies: %d%n", engineName, workers,
            chats, updates, api.allSent().size() - before);
        System.out.printf("%.2f s, %.0f updates/s end to end%n", seconds, updates / seconds);
      }
    }
  }

  /** Queues perChat messages in each of `chats` chats and waits until every one has its reply. */
  private static void run(FakeBotApi api, int chats, int perChat, List<String> questions, String what) {
    int target = api.sentCount() + chats * perChat;
    for (int i = 0; i < perChat; i++) {
      for (int c = 0; c < chats; c++) {
        api.enqueue(api.text(10_000 + c, "居民" + c, questions.get((c + i) % questions.size())));
      }
    }
    long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
    while (api.sentCount() < target) {
      if (System.nanoTime() > deadline) throw new IllegalStateException(what + ": replies missing");
      try {
        Thread.sleep(5);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }
}
