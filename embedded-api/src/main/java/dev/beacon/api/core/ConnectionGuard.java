package dev.beacon.api.core;

import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps slow and numerous clients from holding the server. At most {@link Config#maxConnections()}
 * connections are open: one more is closed as soon as it is accepted. A connection must deliver a
 * request line and headers within {@link Config#requestHeadTimeout()} of opening (a slowloris that
 * drips its head a byte at a time is cut off then); between requests of a kept-alive connection
 * the next head must come within the idle timeout. Bodies are not timed as a whole (a 2 GiB upload
 * may take an hour): the server's idle timeout closes a connection that stops sending.
 */
public final class ConnectionGuard {
  private static final Logger LOG = LoggerFactory.getLogger(ConnectionGuard.class);

  private final Vertx vertx;
  private final int max;
  private final long headMillis;
  private final long idleMillis;
  private final AtomicInteger open = new AtomicInteger();
  private final AtomicInteger refused = new AtomicInteger();
  /** The head deadline timer of each connection waiting for a request head. */
  private final Map<HttpConnection, Long> deadlines = new ConcurrentHashMap<>();

  public ConnectionGuard(Vertx vertx, Config config) {
    this.vertx = vertx;
    this.max = config.maxConnections();
    this.headMillis = Math.max(1, config.requestHeadTimeout().toMillis());
    this.idleMillis = Math.max(1, config.idleTimeout().toMillis());
  }

  /** Installs the guard on the server: connections counted and timed, requests passed to {@code next}. */
  public HttpServer install(HttpServer server, Handler<HttpServerRequest> next) {
    return server.connectionHandler(this::opened).requestHandler(req -> {
      HttpConnection conn = req.connection();
      disarm(conn);
      // the head of the next request on this connection, once this one is answered
      req.response().endHandler(v -> arm(conn, idleMillis));
      next.handle(req);
    });
  }

  private void opened(HttpConnection conn) {
    int now = open.incrementAndGet();
    conn.closeHandler(v -> {
      open.decrementAndGet();
      disarm(conn);
    });
    if (max > 0 && now > max) {
      int n = refused.incrementAndGet();
      if (n == 1 || n % 1000 == 0) {
        LOG.warn("{} connections open, the limit is {}: closing new ones ({} so far)", now - 1, max, n);
      }
      conn.close();
      return;
    }
    arm(conn, headMillis);
  }

  private void arm(HttpConnection conn, long millis) {
    long timer = vertx.setTimer(millis, id -> {
      if (deadlines.remove(conn, id)) {
        conn.close();
      }
    });
    Long old = deadlines.put(conn, timer);
    if (old != null) {
      vertx.cancelTimer(old);
    }
  }

  private void disarm(HttpConnection conn) {
    Long timer = deadlines.remove(conn);
    if (timer != null) {
      vertx.cancelTimer(timer);
    }
  }

  /** Connections open now. */
  public int open() {
    return open.get();
  }

  /** Connections closed on arrival because the limit was reached. */
  public int refused() {
    return refused.get();
  }
}
