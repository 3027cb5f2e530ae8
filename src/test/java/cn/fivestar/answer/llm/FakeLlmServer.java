package cn.fivestar.answer.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A local stand-in for an OpenAI-compatible server ({@code POST /v1/chat/completions}, non-streaming) and for
 * Ollama's native API ({@code POST /api/chat}), on 127.0.0.1 with an ephemeral port. Records every request and
 * replies with the next scripted response, in the dialect of the endpoint that was called.
 */
final class FakeLlmServer implements AutoCloseable {
  /** One request as received. */
  record Request(String method, String path, Map<String, List<String>> headers, String body) {
    JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    String header(String name) {
      return headers.entrySet().stream()
          .filter(e -> e.getKey().equalsIgnoreCase(name))
          .map(e -> e.getValue().get(0))
          .findFirst().orElse(null);
    }
  }

  private sealed interface Script {}

  private record Reply(String content, Duration delay) implements Script {}

  private record Status(int code, String body) implements Script {}

  private record Raw(String body) implements Script {}

  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpServer server;
  private final ExecutorService executor = Executors.newCachedThreadPool();
  private final Queue<Script> script = new ConcurrentLinkedQueue<>();
  private final List<Request> requests = new CopyOnWriteArrayList<>();

  private FakeLlmServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/v1/chat/completions", ex -> handle(ex, false));
    server.createContext("/api/chat", ex -> handle(ex, true));
    server.setExecutor(executor);
    server.start();
  }

  static FakeLlmServer start() throws IOException {
    return new FakeLlmServer();
  }

  /** Base URL of the OpenAI-compatible API. */
  String openAiUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
  }

  /** Base URL of the Ollama-style API. */
  String ollamaUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** Next call: a normal completion with this assistant text. */
  FakeLlmServer answer(String content) {
    script.add(new Reply(content, Duration.ZERO));
    return this;
  }

  /** Next call: the same, but only after the delay. */
  FakeLlmServer answerAfter(Duration delay, String content) {
    script.add(new Reply(content, delay));
    return this;
  }

  /** Next call: an HTTP error with an OpenAI-style error body containing the message. */
  FakeLlmServer fail(int status, String message) {
    ObjectNode body = JSON.createObjectNode();
    body.putObject("error").put("message", message).put("type", "server_error");
    script.add(new Status(status, body.toString()));
    return this;
  }

  /** Next call: 200 with a body that is not JSON. */
  FakeLlmServer malformed() {
    script.add(new Raw("{\"choices\": [ {\"message\": oops"));
    return this;
  }

  List<Request> requests() {
    return new ArrayList<>(requests);
  }

  private void handle(HttpExchange ex, boolean ollama) throws IOException {
    try (ex) {
      String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      requests.add(new Request(ex.getRequestMethod(), ex.getRequestURI().getPath(), Map.copyOf(ex.getRequestHeaders()), body));
      if (!"POST".equals(ex.getRequestMethod())) {
        send(ex, 405, "{\"error\":{\"message\":\"method not allowed\"}}");
        return;
      }
      Script next = script.poll();
      if (next == null) {
        send(ex, 500, "{\"error\":{\"message\":\"fake server: no scripted response\"}}");
      } else if (next instanceof Reply r) {
        if (!r.delay().isZero()) {
          try {
            Thread.sleep(r.delay().toMillis());
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
          }
        }
        send(ex, 200, ollama ? ollamaReply(r.content()) : openAiReply(r.content()));
      } else if (next instanceof Status s) {
        send(ex, s.code(), s.body());
      } else if (next instanceof Raw raw) {
        send(ex, 200, raw.body());
      }
    } catch (IOException e) {
      // The client gave up (timeout): nothing to answer.
    }
  }

  private static String openAiReply(String content) {
    ObjectNode root = JSON.createObjectNode()
        .put("id", "chatcmpl-fake").put("object", "chat.completion").put("created", 1_700_000_000L).put("model", "fake");
    ObjectNode choice = root.putArray("choices").addObject().put("index", 0).put("finish_reason", "stop");
    choice.putObject("message").put("role", "assistant").put("content", content);
    root.putObject("usage").put("prompt_tokens", 100).put("completion_tokens", 20).put("total_tokens", 120);
    return root.toString();
  }

  private static String ollamaReply(String content) {
    ObjectNode root = JSON.createObjectNode().put("model", "fake").put("created_at", "2025-01-01T00:00:00Z");
    root.putObject("message").put("role", "assistant").put("content", content);
    root.put("done", true).put("done_reason", "stop").put("prompt_eval_count", 100).put("eval_count", 20);
    return root.toString();
  }

  private static void send(HttpExchange ex, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().set("Content-Type", "application/json");
    ex.sendResponseHeaders(status, bytes.length);
    ex.getResponseBody().write(bytes);
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
