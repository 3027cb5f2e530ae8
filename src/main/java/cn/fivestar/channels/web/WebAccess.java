package cn.fivestar.channels.web;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.jetty.http.HttpFields;

/**
 * The token check and the login sessions. A request is let in by {@code Authorization: Bearer TOKEN} (scripts) or
 * by the session cookie that the login form sets. The cookie never holds the token: it holds a random session id,
 * its expiry and an HMAC of both under a key made at start-up, and the session must still be known to the server
 * (logout forgets it; so does a restart). Sessions last {@link #SESSION} and at most {@link #MAX_SESSIONS} are
 * kept. Comparisons are constant-time. With no token configured (loopback only) everyone is let in.
 */
final class WebAccess {
  static final String COOKIE = "fivestar_web";
  static final Duration SESSION = Duration.ofHours(12);
  static final int MAX_SESSIONS = 1000;
  private static final Pattern PORT = Pattern.compile(":\\d{1,5}");
  private static final Pattern LOOPBACK_V4 = Pattern.compile("127(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
  private static final SecureRandom RANDOM = new SecureRandom();

  private final byte[] token;
  private final Clock clock;
  private final byte[] key = new byte[32];
  private final Map<String, Session> sessions = new ConcurrentHashMap<>();
  private final LoginThrottle throttle;

  /**
   * A login session: account is the web account's name, or null for a read-only session opened with the old token;
   * csrf is the token every form of this session must send back.
   */
  record Session(String id, String account, Instant created, Instant expires, String csrf) {}

  WebAccess(String token, Clock clock) {
    this.token = token == null ? null : token.getBytes(StandardCharsets.UTF_8);
    this.clock = clock;
    this.throttle = new LoginThrottle(clock);
    RANDOM.nextBytes(key);
  }

  /** No token configured (with no accounts either, the dashboard is open on loopback). */
  boolean noToken() {
    return token == null;
  }

  LoginThrottle throttle() {
    return throttle;
  }

  /** Whether a given token (from the login form or a header) is the right one. */
  boolean matches(String given) {
    return token != null && given != null && MessageDigest.isEqual(token, given.strip().getBytes(StandardCharsets.UTF_8));
  }

  /** The token of an {@code Authorization: Bearer} header, or null. */
  static String bearer(HttpFields headers) {
    String auth = headers.get("Authorization");
    return auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7) ? auth.substring(7) : null;
  }

  /** Whether the request carries a live session cookie. */
  boolean hasSession(HttpFields headers) {
    return session(headers) != null;
  }

  /** The request's live session, or null. */
  Session session(HttpFields headers) {
    String sid = sessionId(headers);
    return sid == null ? null : sessions.get(sid);
  }

  /** A new read-only session (the old token): the Set-Cookie value to send (12 hours, HttpOnly, SameSite=Strict). */
  String newSession() {
    return newSession(null);
  }

  /** A new session for a web account (null: read-only token session); the Set-Cookie value to send. */
  String newSession(String account) {
    Instant now = clock.instant();
    if (sessions.size() >= MAX_SESSIONS) {
      sessions.values().removeIf(x -> now.isAfter(x.expires()));
      while (sessions.size() >= MAX_SESSIONS) {  // the ones closest to expiry make room
        sessions.values().stream().min(Comparator.comparing(Session::expires))
            .ifPresent(x -> sessions.remove(x.id()));
      }
    }
    String sid = random();
    Instant expires = now.plus(SESSION);
    sessions.put(sid, new Session(sid, account, now, expires, random()));
    String payload = sid + "." + expires.getEpochSecond();
    return COOKIE + "=" + payload + "." + sign(payload) + "; Path=/; Max-Age=" + SESSION.toSeconds()
        + "; HttpOnly; SameSite=Strict";
  }

  private static String random() {
    byte[] id = new byte[24];
    RANDOM.nextBytes(id);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(id);
  }

  /** Whether a form's csrf field is this session's (constant-time). */
  static boolean csrfMatches(Session s, String given) {
    return s != null && given != null && MessageDigest.isEqual(s.csrf().getBytes(StandardCharsets.US_ASCII),
        given.getBytes(StandardCharsets.US_ASCII));
  }

  /** Ends one session on the server (e.g. its account was removed or its password changed). */
  void forget(Session s) {
    if (s != null) sessions.remove(s.id());
  }

  /** Forgets the request's session, if any, and returns the Set-Cookie value that clears the cookie. */
  String endSession(HttpFields headers) {
    String sid = sessionId(headers);
    if (sid != null) sessions.remove(sid);
    return COOKIE + "=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict";
  }

  /** The id of a valid, unexpired, known session in the request's cookies, or null. */
  private String sessionId(HttpFields headers) {
    Instant now = clock.instant();
    List<String> cookies = headers.getValuesList("Cookie");
    for (String header : cookies) {
      for (String part : header.split(";")) {
        String p = part.strip();
        if (!p.startsWith(COOKIE + "=")) continue;
        String value = p.substring(COOKIE.length() + 1);
        int lastDot = value.lastIndexOf('.');
        if (lastDot < 0) continue;
        String payload = value.substring(0, lastDot);
        if (!MessageDigest.isEqual(sign(payload).getBytes(StandardCharsets.US_ASCII),
            value.substring(lastDot + 1).getBytes(StandardCharsets.US_ASCII))) {
          continue;
        }
        int dot = payload.indexOf('.');
        String sid = payload.substring(0, Math.max(dot, 0));
        Session live = sessions.get(sid);
        Instant known = live == null ? null : live.expires();
        if (known == null || !now.isBefore(known)) continue;
        if (!payload.substring(dot + 1).equals(Long.toString(known.getEpochSecond()))) continue;
        return sid;
      }
    }
    return null;
  }

  private String sign(String payload) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException(e);
    }
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
    return host.equals("localhost") || host.equals("[::1]") || LOOPBACK_V4.matcher(host).matches();
  }
}
