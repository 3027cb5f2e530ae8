package cn.fivestar.channels.telegram;

import cn.fivestar.infra.TestDatabases;
import cn.fivestar.infra.Database;
import cn.fivestar.conversation.ConversationEngine;
import cn.fivestar.conversation.Notifier;
import cn.fivestar.conversation.Role;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/** A real TelegramBot (real OkHttp client, real SQLite) against a {@link FakeBotApi}, with quick test timings. */
final class BotHarness implements AutoCloseable {
  static final long STAFF_GROUP = -1001234567890L;
  static final long STAFF_USER = 900;
  static final long SUPERVISOR_USER = 901;
  static final Map<String, Role> ROLES =
      Map.of(Long.toString(STAFF_USER), Role.STAFF, Long.toString(SUPERVISOR_USER), Role.SUPERVISOR);

  final FakeBotApi api;
  final Database db;
  final TelegramBot bot;

  BotHarness(FakeBotApi api, Path dataDir, UnaryOperator<TelegramSettings> tweak) {
    this.api = api;
    this.db = TestDatabases.open(dataDir);
    this.bot = new TelegramBot(tweak.apply(testSettings(api)), db, roles(), Clock.systemUTC(),
        RateLimiter.Sleeper.SYSTEM);
  }

  static TelegramSettings testSettings(FakeBotApi api) {
    return TelegramSettings.defaults(FakeBotApi.TOKEN, TelegramSettings.parseApiUrl(api.url()))
        .withStaffChatId(STAFF_GROUP)
        .withWorkers(4)
        .withLimits(RateLimiter.Limits.none())
        .withTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(5))
        .withRetry(new RetryPolicy(4, Duration.ofMillis(50), Duration.ofMillis(400), Duration.ofSeconds(5)),
            Duration.ofMillis(200))
        .withTypingDelay(Duration.ofMillis(300))
        .withShutdownGrace(Duration.ofSeconds(10));
  }

  static Function<String, Role> roles() {
    return id -> ROLES.getOrDefault(id, Role.RESIDENT);
  }

  Notifier notifier() {
    return bot.notifier();
  }

  BotHarness start(ConversationEngine engine) {
    bot.start(engine);
    return this;
  }

  @Override
  public void close() {
    bot.close();
  }
}
