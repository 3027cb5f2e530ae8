package cn.fivestar.infra;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keeps secrets out of logs and error messages. A Bot API URL carries the bot token in its path
 * ({@code https://api.telegram.org/bot<token>/sendMessage}), and a proxy or a minimal Bot API server may echo that URL
 * in its error description; an exception message may quote it too. {@link #redact} removes the secrets registered
 * at start-up (the token, the webhook secret), anything shaped like {@code bot<digits>:<secret>}, and bare tokens
 * ({@code <bot id>:<30+ character secret>}), plain or URL-encoded. Every log line passes through it (see
 * {@link MaskingConverter}).
 */
public final class Secrets {
  public static final String REDACTED = "<redacted>";

  private static final Set<String> known = ConcurrentHashMap.newKeySet();
  /** "bot123456:AAH…" as in a Bot API path, the colon possibly encoded; not inside a word ("robot12:00"). */
  private static final Pattern BOT_PATH =
      Pattern.compile("(?<![A-Za-z0-9])bot\\d+(?::|%3[Aa])[A-Za-z0-9_\\-%.~]+", Pattern.CASE_INSENSITIVE);
  /** A bare token: a numeric bot id, a colon and a long secret (Telegram's are 35 characters). */
  private static final Pattern BARE_TOKEN =
      Pattern.compile("(?<![A-Za-z0-9_\\-])\\d{5,}(?::|%3[Aa])[A-Za-z0-9_\\-]{30,}");

  private Secrets() {}

  /** Remembers a secret so that it is redacted wherever it appears; short values (under 6 characters) are ignored. */
  public static void register(String secret) {
    if (secret != null && secret.strip().length() >= 6) known.add(secret.strip());
  }

  /** The text with every secret replaced by {@value #REDACTED}. */
  public static String redact(String text) {
    if (text == null || text.isEmpty()) return text;
    String s = text;
    for (String secret : known) {
      s = s.replace(secret, REDACTED);
      String encoded = URLEncoder.encode(secret, StandardCharsets.UTF_8);
      if (!encoded.equals(secret)) s = s.replace(encoded, REDACTED);
    }
    s = BOT_PATH.matcher(s).replaceAll(Matcher.quoteReplacement("bot" + REDACTED));
    return BARE_TOKEN.matcher(s).replaceAll(Matcher.quoteReplacement(REDACTED));
  }
}
