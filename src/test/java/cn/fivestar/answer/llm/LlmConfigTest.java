package cn.fivestar.answer.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.fivestar.answer.llm.LlmConfig.Provider;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LlmConfigTest {
  @Test
  void noLlmWithoutBaseUrlOrModel() {
    assertTrue(LlmConfig.fromEnv(Map.of()).isEmpty());
    assertTrue(LlmConfig.fromEnv(Map.of(LlmConfig.BASE_URL, "http://localhost:11434")).isEmpty());
    assertTrue(LlmConfig.fromEnv(Map.of(LlmConfig.MODEL, "qwen2.5:7b")).isEmpty());
    assertTrue(LlmConfig.fromEnv(Map.of(LlmConfig.BASE_URL, "  ", LlmConfig.MODEL, "qwen2.5:7b")).isEmpty());
  }

  @Test
  void defaults() {
    LlmConfig c = config("http://localhost:11434", null, null, null);
    assertEquals(Provider.OLLAMA, c.provider());
    assertEquals("http://localhost:11434", c.baseUrl());
    assertEquals("qwen2.5:7b", c.model());
    assertNull(c.apiKey());
    assertEquals(Duration.ofSeconds(20), c.timeout());
  }

  @Test
  void providerFollowsTheVersionSegmentOfThePath() {
    assertEquals(Provider.OPENAI, config("https://api.deepseek.com/v1", null, null, null).provider());
    assertEquals(Provider.OPENAI, config("http://localhost:11434/v1", null, null, null).provider());
    assertEquals(Provider.OPENAI, config("https://dashscope.aliyuncs.com/compatible-mode/v1", null, null, null).provider());
    assertEquals(Provider.OPENAI, config("https://ark.cn-beijing.volces.com/api/v3/", null, null, null).provider());
    assertEquals(Provider.OLLAMA, config("http://ollama.internal:8080", null, null, null).provider());
    assertEquals(Provider.OLLAMA, config("http://localhost:11434/", null, null, null).provider());
    assertEquals(Provider.OPENAI, config("https://generativelanguage.googleapis.com/v1beta/openai", null, null, null).provider());
    assertEquals(Provider.OLLAMA, config("https://example.com/llm/v1x", null, null, null).provider());
  }

  @Test
  void explicitProviderWins() {
    assertEquals(Provider.OPENAI, config("https://api.deepseek.com", null, "openai", null).provider());
    assertEquals(Provider.OLLAMA, config("http://gateway/llm/v1", null, "Ollama", null).provider());
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> config("http://localhost:11434", null, "gpt", null));
    assertTrue(e.getMessage().contains(LlmConfig.PROVIDER), e.getMessage());
  }

  @Test
  void urlIsNormalized() {
    assertEquals("https://api.example.com/v1", config("https://api.example.com/v1/chat/completions", null, null, null).baseUrl());
    assertEquals("https://api.example.com/v1", config(" https://api.example.com/v1// ", null, null, null).baseUrl());
  }

  @Test
  void badUrlOrTimeoutIsReportedByName() {
    for (String url : new String[] {"localhost:11434", "ftp://host/v1", "http://", "http://bad host/v1"}) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> config(url, null, null, null), url);
      assertTrue(e.getMessage().contains(LlmConfig.BASE_URL), e.getMessage());
    }
    for (String t : new String[] {"abc", "0", "-3", "NaN", "99999"}) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> config("http://h:1", null, null, t), t);
      assertTrue(e.getMessage().contains(LlmConfig.TIMEOUT_SECONDS), e.getMessage());
    }
    assertEquals(Duration.ofMillis(1500), config("http://h:1", null, null, "1.5").timeout());
  }

  @Test
  void apiKeyIsKeptButNeverPrinted() {
    LlmConfig c = config("https://api.example.com/v1", "sk-secret-123", null, "5");
    assertEquals("sk-secret-123", c.apiKey());
    assertFalse(c.toString().contains("sk-secret"), c.toString());
    assertTrue(c.toString().contains("api.example.com"), c.toString());
  }

  private static LlmConfig config(String url, String key, String provider, String timeout) {
    Map<String, String> env = new HashMap<>();
    env.put(LlmConfig.BASE_URL, url);
    env.put(LlmConfig.MODEL, "qwen2.5:7b");
    if (key != null) env.put(LlmConfig.API_KEY, key);
    if (provider != null) env.put(LlmConfig.PROVIDER, provider);
    if (timeout != null) env.put(LlmConfig.TIMEOUT_SECONDS, timeout);
    return LlmConfig.fromEnv(env).orElseThrow();
  }
}
