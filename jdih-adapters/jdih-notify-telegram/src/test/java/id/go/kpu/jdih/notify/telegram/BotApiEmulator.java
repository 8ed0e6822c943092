package id.go.kpu.jdih.notify.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local emulation of the Bot API's {@code sendMessage} on 127.0.0.1: it checks the token in the path, keeps
 * every request, and answers {@code ok} unless a scripted answer (status and body, optionally late) is queued.
 */
final class BotApiEmulator implements AutoCloseable {

  record Request(String path, String contentType, JsonNode body) {}

  private record Answer(int status, String body, Duration delay) {}

  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpServer server;
  private final ExecutorService pool = Executors.newFixedThreadPool(4, r -> {
    Thread t = new Thread(r, "bot-api-emulator");
    t.setDaemon(true);
    return t;
  });
  private final String token;
  private final Deque<Answer> script = new ConcurrentLinkedDeque<>();
  final List<Request> requests = new CopyOnWriteArrayList<>();
  final List<Request> delivered = new CopyOnWriteArrayList<>();
  private final AtomicInteger messageIds = new AtomicInteger(100);

  BotApiEmulator(String token) throws IOException {
    this.token = token;
    this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::handle);
    server.setExecutor(pool);
    server.start();
  }

  URI base() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  /** Answers the next request with {@code status} and {@code body}. */
  BotApiEmulator then(int status, String body) {
    script.add(new Answer(status, body, Duration.ZERO));
    return this;
  }

  /** Answers the next request ok, but only after {@code delay}. */
  BotApiEmulator late(Duration delay) {
    script.add(new Answer(200, null, delay));
    return this;
  }

  private void handle(HttpExchange x) throws IOException {
    try (x) {
      byte[] in = x.getRequestBody().readAllBytes();
      JsonNode body = in.length == 0 ? JSON.nullNode() : JSON.readTree(in);
      Request r = new Request(x.getRequestURI().getPath(), x.getRequestHeaders().getFirst("Content-Type"), body);
      requests.add(r);
      if (!x.getRequestMethod().equals("POST") || !r.path().equals("/bot" + token + "/sendMessage")) {
        reply(x, 401, "{\"ok\":false,\"error_code\":401,\"description\":\"Unauthorized\"}");
        return;
      }
      Answer a = script.poll();
      if (a != null && !a.delay().isZero()) {
        try {
          Thread.sleep(a.delay().toMillis());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
      if (a == null || a.body() == null) {
        delivered.add(r);
        reply(x, 200, "{\"ok\":true,\"result\":{\"message_id\":" + messageIds.incrementAndGet()
            + ",\"chat\":{\"id\":" + body.path("chat_id") + "},\"text\":" + body.path("text") + "}}");
        return;
      }
      reply(x, a.status(), a.body());
    }
  }

  private static void reply(HttpExchange x, int status, String body) throws IOException {
    byte[] out = body.getBytes(StandardCharsets.UTF_8);
    x.getResponseHeaders().set("Content-Type", body.startsWith("{") ? "application/json" : "text/html");
    x.sendResponseHeaders(status, out.length);
    try (OutputStream o = x.getResponseBody()) {
      o.write(out);
    }
  }

  @Override
  public void close() {
    server.stop(0);
    pool.shutdownNow();
  }
}
