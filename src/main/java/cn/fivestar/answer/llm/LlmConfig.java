package cn.fivestar.answer.llm;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Which chat model to call, read from the environment:
 * <ul>
 *   <li>{@code FIVESTAR_LLM_BASE_URL} (required) — e.g. {@code http://localhost:11434} (Ollama) or
 *       {@code https://api.deepseek.com/v1}; a trailing {@code /chat/completions} is dropped.</li>
 *   <li>{@code FIVESTAR_LLM_MODEL} (required) — e.g. {@code qwen2.5:7b}.</li>
 *   <li>{@code FIVESTAR_LLM_API_KEY} (optional) — sent as a bearer token; local servers need none.</li>
 *   <li>{@code FIVESTAR_LLM_PROVIDER} (optional) — {@code openai} or {@code ollama}. When unset: a base URL whose
 *       path carries an API version segment ({@code /v1}, {@code /api/v3}, {@code /v1beta/openai}…) is an
 *       OpenAI-compatible endpoint — this includes Ollama's own {@code http://localhost:11434/v1}; any other URL
 *       (a bare host such as {@code http://localhost:11434}) is Ollama's native API.</li>
 *   <li>{@code FIVESTAR_LLM_TIMEOUT_SECONDS} (optional, default 20) — per request; decimals allowed.</li>
 * </ul>
 * Missing base URL or model means "no LLM" (empty). Values that are present but wrong fail loudly with an
 * {@link IllegalArgumentException} naming the variable, so a typo is not silently ignored.
 */
public record LlmConfig(Provider provider, String baseUrl, String model, String apiKey, Duration timeout) {
  public enum Provider { OPENAI, OLLAMA }

  public static final String BASE_URL = "FIVESTAR_LLM_BASE_URL";
  public static final String MODEL = "FIVESTAR_LLM_MODEL";
  public static final String API_KEY = "FIVESTAR_LLM_API_KEY";
  public static final String PROVIDER = "FIVESTAR_LLM_PROVIDER";
  public static final String TIMEOUT_SECONDS = "FIVESTAR_LLM_TIMEOUT_SECONDS";
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(20);

  private static final Pattern VERSION_SEGMENT = Pattern.compile("(^|/)v\\d+(?:(?:alpha|beta)\\d*)?(/|$)");

  public LlmConfig {
    if (provider == null || baseUrl == null || baseUrl.isBlank() || model == null || model.isBlank()) {
      throw new IllegalArgumentException("LLM provider, base URL and model are required");
    }
    if (timeout == null || timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("LLM timeout must be positive");
    }
    apiKey = apiKey == null || apiKey.isBlank() ? null : apiKey.strip();
  }

  public static Optional<LlmConfig> fromEnv(Map<String, String> env) {
    String url = value(env, BASE_URL);
    String model = value(env, MODEL);
    if (url == null || model == null) return Optional.empty();
    String baseUrl = normalizeUrl(url);
    Provider provider = provider(value(env, PROVIDER), baseUrl);
    return Optional.of(new LlmConfig(provider, baseUrl, model, value(env, API_KEY), timeout(value(env, TIMEOUT_SECONDS))));
  }

  /** The provider rule described in the class comment, for a URL already normalized. */
  static Provider guessProvider(String baseUrl) {
    String path = URI.create(baseUrl).getPath();
    return path != null && VERSION_SEGMENT.matcher(path).find() ? Provider.OPENAI : Provider.OLLAMA;
  }

  private static Provider provider(String given, String baseUrl) {
    if (given == null) return guessProvider(baseUrl);
    return switch (given.toLowerCase(Locale.ROOT)) {
      case "openai" -> Provider.OPENAI;
      case "ollama" -> Provider.OLLAMA;
      default -> throw new IllegalArgumentException(PROVIDER + " must be openai or ollama, not: " + given);
    };
  }

  private static String normalizeUrl(String url) {
    String u = url.replaceAll("/+$", "");
    if (u.endsWith("/chat/completions")) u = u.substring(0, u.length() - "/chat/completions".length());
    try {
      URI uri = new URI(u);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
        throw new IllegalArgumentException(BASE_URL + " must be an http(s) URL with a host, not: " + url);
      }
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException(BASE_URL + " is not a valid URL: " + url);
    }
    return u;
  }

  private static Duration timeout(String given) {
    if (given == null) return DEFAULT_TIMEOUT;
    try {
      double seconds = Double.parseDouble(given);
      if (seconds > 0 && seconds <= 3600) return Duration.ofMillis(Math.max(1, Math.round(seconds * 1000)));
    } catch (NumberFormatException ignored) {
      // reported below
    }
    throw new IllegalArgumentException(TIMEOUT_SECONDS + " must be a number of seconds between 0 and 3600, not: " + given);
  }

  private static String value(Map<String, String> env, String name) {
    String v = env.get(name);
    return v == null || v.isBlank() ? null : v.strip();
  }

  /** Never prints the API key. */
  @Override
  public String toString() {
    return provider.name().toLowerCase(Locale.ROOT) + " " + model + " at " + baseUrl + (apiKey == null ? "" : " (with API key)")
        + ", timeout " + timeout.toMillis() / 1000.0 + " s";
  }
}
