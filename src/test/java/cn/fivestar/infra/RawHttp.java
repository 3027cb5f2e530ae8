package cn.fivestar.infra;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Misbehaving HTTP clients on raw sockets, for the slow-client tests of the dashboard and the webhook. Only ever
 * connects to 127.0.0.1; every wait is bounded.
 */
public final class RawHttp implements AutoCloseable {
  private final List<Socket> sockets = new ArrayList<>();
  private final int port;

  public RawHttp(int port) {
    this.port = port;
  }

  /** A connection that has sent text (e.g. half a request header) and then says nothing more. */
  public Socket halfOpen(String text) throws IOException {
    Socket s = connect();
    OutputStream out = s.getOutputStream();
    out.write(text.getBytes(StandardCharsets.UTF_8));
    out.flush();
    return s;
  }

  /**
   * Sends text one byte each pause, and returns how many bytes went out before the server closed the connection,
   * or -1 when it was still open after all of them.
   */
  public int dribble(String text, Duration pause) throws IOException {
    return dribble("", text, pause);
  }

  /** Like {@link #dribble(String, Duration)} after sending prefix at once; counts the bytes of text only. */
  public int dribble(String prefix, String text, Duration pause) throws IOException {
    Socket s = connect();
    s.setSoTimeout((int) pause.toMillis());
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    OutputStream out = s.getOutputStream();
    out.write(prefix.getBytes(StandardCharsets.UTF_8));
    InputStream in = s.getInputStream();
    for (int i = 0; i < bytes.length; i++) {
      try {
        out.write(bytes[i]);
        out.flush();
        if (in.read() != -1) {
          in.readAllBytes();  // an answer (408) before the close is fine too
        }
        return i + 1;         // end of stream: the server closed it
      } catch (SocketTimeoutException stillOpen) {
        // the pause: nothing from the server, go on with the next byte
      } catch (IOException reset) {
        return i + 1;         // broken pipe or connection reset: closed
      }
    }
    return -1;
  }

  /** Sends a whole raw request and returns the status code of the answer (reads at most 30 s). */
  public int send(String head, byte[] body) throws IOException {
    Socket s = connect();
    s.setSoTimeout(30_000);
    OutputStream out = s.getOutputStream();
    out.write(head.getBytes(StandardCharsets.UTF_8));
    if (body != null) out.write(body);
    out.flush();
    return status(s.getInputStream());
  }

  /** Sends a whole raw request with Connection: close and returns the whole answer as text (reads at most 30 s). */
  public String fetch(String head) throws IOException {
    Socket s = connect();
    s.setSoTimeout(30_000);
    OutputStream out = s.getOutputStream();
    out.write(head.getBytes(StandardCharsets.UTF_8));
    out.flush();
    return new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
  }

  private static int status(InputStream in) throws IOException {
    StringBuilder line = new StringBuilder();
    for (int c = in.read(); c != -1 && c != '\n'; c = in.read()) line.append((char) c);
    String[] parts = line.toString().split(" ");
    if (parts.length < 2) throw new IOException("no status line: " + line);
    return Integer.parseInt(parts[1]);
  }

  private Socket connect() throws IOException {
    Socket s = new Socket();
    sockets.add(s);
    s.connect(new InetSocketAddress("127.0.0.1", port), 10_000);
    return s;
  }

  @Override
  public void close() {
    for (Socket s : sockets) {
      try {
        s.close();
      } catch (IOException ignored) {
        // closing anyway
      }
    }
  }
}
