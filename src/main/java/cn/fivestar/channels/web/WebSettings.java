package cn.fivestar.channels.web;

import cn.fivestar.infra.UserException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;

/**
 * Where the dashboard listens and the token that guards it. Without a token it only listens on loopback (the
 * supervisor's own machine); anywhere else the token is required, because the pages show residents' requests.
 */
public record WebSettings(InetSocketAddress address, String token) {
  public static final String TOKEN_ENV = "FIVESTAR_WEB_TOKEN";
  static final int MIN_TOKEN = 16;

  /** Checks the options and the token; bad combinations are usage errors (exit code 2). */
  public static WebSettings resolve(String bind, int port, String token) {
    return resolve(bind, port, token, false);
  }

  /** The same; with accounts (users add) the dashboard requires a login and may listen beyond loopback. */
  public static WebSettings resolve(String bind, int port, String token, boolean accounts) {
    if (port < 0 || port > 65535) throw UserException.usage("--port must be between 0 and 65535");
    InetAddress address;
    try {
      address = InetAddress.getByName(bind == null || bind.isBlank() ? "127.0.0.1" : bind.strip());
    } catch (UnknownHostException e) {
      throw UserException.usage("--bind: unknown address '" + bind + "'");
    }
    String t = token == null || token.isBlank() ? null : token.strip();
    if (t == null && !accounts && !address.isLoopbackAddress()) {
      throw UserException.usage(TOKEN_ENV + " is not set: refusing to listen on " + address.getHostAddress()
          + " (without a token the dashboard only listens on 127.0.0.1 / ::1); set " + TOKEN_ENV
          + " to a long random string, e.g. `openssl rand -hex 16`, or add an account with `users add`");
    }
    if (t != null && t.length() < MIN_TOKEN) {
      throw UserException.usage(TOKEN_ENV + " is too short: use at least " + MIN_TOKEN + " characters");
    }
    return new WebSettings(new InetSocketAddress(address, port), t);
  }
}
