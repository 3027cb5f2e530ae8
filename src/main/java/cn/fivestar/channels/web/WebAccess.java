package cn.fivestar.channels.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.eclipse.jetty.http.HttpFields;

/**
 * The token check. A request is let in by {@code Authorization: Bearer TOKEN} or by the login cookie, which a
 * visit with {@code ?token=TOKEN} sets. The cookie holds a hash of the token rather than the token itself, so
 * it is never written to disk by the browser in clear; changing the token logs every browser out.
 * Comparisons are constant-time. With no token configured (loopback only) everyone is let in.
 */
final class WebAccess {
  static final String COOKIE = "fivestar_web";
  private static final Pattern PORT = Pattern.compile(":\\d{1,5}");
  private static final Pattern LOOPBACK_V4 = Pattern.compile("127(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
  private final byte[] token;
  private final String session;

  WebAccess(String token) {
    this.token = token == null ? null : token.getBytes(StandardCharsets.UTF_8);
    this.session = token == null ? null : sha256("fivestar-web-session:" + token);
  }

  boolean open() {
    return token == null;
  }

  /** Whether a given token (from ?token= or a header) is the right one. */
  boolean matches(String given) {
    return token != null && given != null && MessageDigest.isEqual(token, given.strip().getBytes(StandardCharsets.UTF_8));
  }

  /** Bearer header or login cookie. */
  boolean authorized(HttpFields headers) {
    if (open()) return true;
    String auth = headers.get("Authorization");
    if (auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7) && matches(auth.substring(7))) return true;
    List<String> cookies = headers.getValuesList("Cookie");
    byte[] expected = session.getBytes(StandardCharsets.UTF_8);
    for (String header : cookies) {
      for (String part : header.split(";")) {
        String p = part.strip();
        if (p.startsWith(COOKIE + "=")
            && MessageDigest.isEqual(expected, p.substring(COOKIE.length() + 1).getBytes(StandardCharsets.UTF_8))) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * Whether a Host header (or URI host) names this machine by a loopback name: localhost, 127.x.x.x or [::1],
   * with an optional port. Other names are refused when there is no token (see DNS rebinding).
   */
  static boolean loopbackHost(String hostAndPort) {
    if (hostAndPort == null) return false;
    String h = hostAndPort.strip().toLowerCase(Locale.ROOT);
    String host;
    String port;
    if (h.startsWith("[")) {
      int end = h.indexOf(']');
      if (end < 0) return false;
      host = h.substring(0, end + 1);
      port = h.substring(end + 1);
    } else {
      int colon = h.indexOf(':');
      host = colon < 0 ? h : h.substring(0, colon);
      port = colon < 0 ? "" : h.substring(colon);
    }
    if (!port.isEmpty() && !PORT.matcher(port).matches()) return false;
    return host.equals("localhost") || host.equals("[::1]") || host.equals("::1") || LOOPBACK_V4.matcher(host).matches();
  }

  /** The Set-Cookie value after a successful ?token= login (a browser session cookie). */
  String loginCookie() {
    return COOKIE + "=" + session + "; Path=/; HttpOnly; SameSite=Strict";
  }

  private static String sha256(String s) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
