package dev.beacon.api.alerts;

import com.sun.net.httpserver.HttpServer;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;

/**
 * A real local HTTP server (the JDK's) standing in for webhooks: it records every request per
 * path and answers each with the next status queued for its path (200 when none is left).
 */
final class Hooks implements AutoCloseable {
  /** One request as it arrived. */
  record Hit(String path, Map<String, List<String>> headers, String body) {
    JsonObject json() {
      return new JsonObject(body);
    }

    String header(String name) {
      return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
          .map(e -> e.getValue().get(0)).findFirst().orElse(null);
    }
  }

  private final HttpServer server;
  private final Map<String, List<Hit>> hits = new ConcurrentHashMap<>();
  private final Map<String, Deque<Integer>> answers = new ConcurrentHashMap<>();
  private final Map<String, CountDownLatch> held = new ConcurrentHashMap<>();

  Hooks() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", exchange -> {
      String path = exchange.getRequestURI().getPath();
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      hits.computeIfAbsent(path, p -> new CopyOnWriteArrayList<>()).add(new Hit(path, Map.copyOf(exchange.getRequestHeaders()), body));
      CountDownLatch hold = held.get(path);
      if (hold != null) {
        try {
          hold.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      Deque<Integer> queued = answers.get(path);
      Integer status;
      synchronized (this) {
        status = queued == null || queued.isEmpty() ? 200 : queued.poll();
      }
      byte[] out = (status == 200 ? "ok" : "status " + status).getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(status, out.length);
      try (OutputStream o = exchange.getResponseBody()) {
        o.write(out);
      }
    });
    server.setExecutor(Executors.newCachedThreadPool());
    server.start();
  }

  /** Leaves the requests to {@code path} unanswered until {@link #release}. */
  void hold(String path) {
    held.put(path, new CountDownLatch(1));
  }

  void release(String path) {
    CountDownLatch l = held.remove(path);
    if (l != null) {
      l.countDown();
    }
  }

  /** Answers the next requests to {@code path} with these statuses, in order. */
  synchronized void answer(String path, Integer... statuses) {
    answers.computeIfAbsent(path, p -> new ArrayDeque<>()).addAll(List.of(statuses));
  }

  String url(String path) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + path;
  }

  List<Hit> hits(String path) {
    return hits.getOrDefault(path, List.of());
  }

  @Override
  public void close() {
    held.values().forEach(CountDownLatch::countDown);
    server.stop(0);
  }
}
