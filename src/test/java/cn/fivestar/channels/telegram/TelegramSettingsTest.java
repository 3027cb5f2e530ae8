package cn.fivestar.channels.telegram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.fivestar.infra.UserException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.meta.TelegramUrl;

class TelegramSettingsTest {

  @Test
  void theTokenIsRequiredWithAHelpfulMessage() {
    UserException e = assertThrows(UserException.class, () -> TelegramSettings.fromEnv(Map.of()));
    assertEquals(2, e.exitCode());
    assertTrue(e.getMessage().contains("TELEGRAM_BOT_TOKEN") && e.getMessage().contains("BotFather"));
    assertThrows(UserException.class, () -> TelegramSettings.fromEnv(Map.of("TELEGRAM_BOT_TOKEN", "  ")));
    assertThrows(UserException.class, () -> TelegramSettings.fromEnv(Map.of("TELEGRAM_BOT_TOKEN", "12 34")));
  }

  @Test
  void defaultsToTheRealTelegram() {
    TelegramSettings s = TelegramSettings.fromEnv(Map.of("TELEGRAM_BOT_TOKEN", "1:abc"));
    assertEquals(TelegramUrl.DEFAULT_URL, s.apiUrl());
    assertNull(s.staffChatId());
    assertFalse(s.toString().contains("1:abc"), "the token never shows up in logs");
  }

  @Test
  void readsAnotherServerAndTheStaffGroup() {
    TelegramSettings s = TelegramSettings.fromEnv(Map.of("TELEGRAM_BOT_TOKEN", "1:abc",
        "TELEGRAM_API_URL", "http://127.0.0.1:8081/", "FIVESTAR_STAFF_CHAT_ID", "-1001234", "TELEGRAM_WORKERS", "3",
        "TELEGRAM_MAX_MESSAGES_PER_SECOND", "0"));
    assertEquals(new TelegramUrl("http", "127.0.0.1", 8081, false), s.apiUrl());
    assertEquals(-1001234L, s.staffChatId());
    assertEquals(3, s.workers());
    assertEquals(RateLimiter.Limits.none(), s.limits());
    assertEquals(443, TelegramSettings.parseApiUrl("https://bots.example.org").getPort());
  }

  @Test
  void malformedValuesAreUsageErrors() {
    for (Map<String, String> env : new Map[] {
        Map.of("TELEGRAM_BOT_TOKEN", "1:a", "TELEGRAM_API_URL", "127.0.0.1:8081"),
        Map.of("TELEGRAM_BOT_TOKEN", "1:a", "TELEGRAM_API_URL", "http://host/bot1:a"),
        Map.of("TELEGRAM_BOT_TOKEN", "1:a", "TELEGRAM_API_URL", "ftp://host"),
        Map.of("TELEGRAM_BOT_TOKEN", "1:a", "FIVESTAR_STAFF_CHAT_ID", "工作群"),
        Map.of("TELEGRAM_BOT_TOKEN", "1:a", "TELEGRAM_WORKERS", "0")}) {
      UserException e = assertThrows(UserException.class, () -> TelegramSettings.fromEnv(env), env.toString());
      assertEquals(2, e.exitCode());
    }
  }
}
