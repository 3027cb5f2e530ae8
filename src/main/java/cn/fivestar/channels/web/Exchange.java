package cn.fivestar.channels.web;

import cn.fivestar.infra.HttpServers;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * One request and its answer, so the pages need not know Jetty's API. Every answer goes out through {@link #send}
 * with no-store caching and a Content-Security-Policy that allows nothing but inline styles, so even a value that
 * escaped escaping could not run a script or fetch anything.
 */
final class Exchange {
  private static final String CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
      + "form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

  private final Request request;
  private final Response response;
  private final Callback callback;
  private boolean bodyRead;

  Exchange(Request request, Response response, Callback callback) {
    this.request = request;
    this.response = response;
    this.callback = callback;
  }

  String method() {
    return request.getMethod();
  }

  /** The decoded path. */
  String path() {
    String p = request.getHttpURI().getDecodedPath();
    return p == null || p.isEmpty() ? "/" : p;
  }

  /** The path and query as sent, to come back to after logging in. */
  String target() {
    String q = rawQuery();
    return request.getHttpURI().getPath() + (q == null || q.isEmpty() ? "" : "?" + q);
  }

  String rawQuery() {
    return request.getHttpURI().getQuery();
  }

  HttpFields requestHeaders() {
    return request.getHeaders();
  }

  HttpFields.Mutable responseHeaders() {
    return response.getHeaders();
  }

  /** The Host header, null when absent. */
  String hostHeader() {
    return request.getHeaders().get(HttpHeader.HOST);
  }

  /** The host of the request's URI (an absolute request target's, else the Host header's), may be null. */
  String uriHost() {
    String h = request.getHttpURI().getHost();
    if (h == null) return hostHeader();
    return h.indexOf(':') >= 0 && !h.startsWith("[") ? "[" + h + "]" : h;
  }

  String remoteAddress() {
    return Request.getRemoteAddr(request);
  }

  private boolean hasBody() {
    HttpFields headers = request.getHeaders();
    return headers.contains(HttpHeader.TRANSFER_ENCODING) || headers.getLongField(HttpHeader.CONTENT_LENGTH) > 0;
  }

  /** The posted form (UTF-8); a body over maxBytes is a 413 before any of it is parsed. */
  Query form(int maxBytes) throws IOException {
    bodyRead = true;
    try {
      return Query.form(new String(HttpServers.readBody(request, maxBytes), StandardCharsets.UTF_8));
    } catch (HttpServers.BodyTooLarge e) {
      throw new HttpError(413, "提交的内容过大。");
    }
  }

  /** 303 See Other, so that reloading the page it leads to does not post the form again. */
  void redirect(String location) {
    response.getHeaders().put("Location", location);
    send(303, null, new byte[0]);
  }

  void send(int status, String type, byte[] body) {
    var h = response.getHeaders();
    h.put("X-Content-Type-Options", "nosniff");
    h.put("Content-Security-Policy", CSP);
    h.put("X-Frame-Options", "DENY");
    h.put("Referrer-Policy", "no-referrer");
    h.put("Cache-Control", "no-store");
    // Answered before its body was read (a POST without a session, a wrong method): the unread body would be
    // left on the connection, which the server then drops while the client may already reuse it for the next
    // request. Saying so lets the client open a fresh one.
    if (!bodyRead && hasBody()) h.put(HttpHeader.CONNECTION, "close");
    HttpServers.send(response, callback, status, type, body);
  }
}
