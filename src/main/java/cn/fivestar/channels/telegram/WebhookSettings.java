package cn.fivestar.channels.telegram;

import cn.fivestar.infra.UserException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.security.SecureRandom;

/**
 * Webhook mode: Telegram POSTs updates to {@code publicUrl} (usually an HTTPS reverse proxy in front of the bot),
 * which forwards them to {@code listen}. Every request must carry {@code secret} in the
 * X-Telegram-Bot-Api-Secret-Token header, so nobody else can inject updates.
 */
public record WebhookSettings(URI publicUrl, InetSocketAddress listen, String secret) {
  public static final String SECRET_ENV = "TELEGRAM_WEBHOOK_SECRET";

  /** From the command line (--webhook URL, --listen [HOST:]PORT) and TELEGRAM_WEBHOOK_SECRET (random if unset). */
  public static WebhookSettings parse(String url, String listen, String secret) {
    URI uri;
    try {
      uri = URI.create(url.strip());
    } catch (IllegalArgumentException e) {
      throw UserException.usage("--webhook is not a URL: " + url);
    }
    if (uri.getHost() == null || !("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))) {
      throw UserException.usage("--webhook must be the public https:// address Telegram posts to, got " + url);
    }
    String hostPort = listen == null ? "8080" : listen.strip();
    int colon = hostPort.lastIndexOf(':');
    String host = colon < 0 ? "0.0.0.0" : hostPort.substring(0, colon);
    int port;
    try {
      port = Integer.parseInt(hostPort.substring(colon + 1));
    } catch (NumberFormatException e) {
      throw UserException.usage("--listen must be PORT or HOST:PORT, got " + listen);
    }
    if (port < 0 || port > 65535) throw UserException.usage("--listen port out of range: " + port);
    String token = secret == null || secret.isBlank() ? randomSecret() : secret.strip();
    if (!token.matches("[A-Za-z0-9_-]{1,256}")) {
      throw UserException.usage(SECRET_ENV + " may only hold A-Z, a-z, 0-9, _ and - (1-256 characters)");
    }
    return new WebhookSettings(uri, new InetSocketAddress(host, port), token);
  }

  /** The path requests arrive on (the public URL's path, as the proxy forwards it). */
  public String path() {
    String p = publicUrl.getRawPath();
    return p == null || p.isEmpty() ? "/" : p;
  }

  private static String randomSecret() {
    String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    SecureRandom random = new SecureRandom();
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < 40; i++) sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
    return sb.toString();
  }

  @Override
  public String toString() {
    return "WebhookSettings[url=" + publicUrl + ", listen=" + listen + "]"; // never the secret
  }
}
