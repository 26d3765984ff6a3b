package dev.beacon.api.core;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One request through the server's own handlers on a private loopback port, made while Hibernate
 * still boots and a core is idle, so that the first client's request does not pay for the HTTP
 * path's first run (its classes' initialisation, interpreted code): measured, the first answer
 * came 0.2-0.3 s after the server listened. Nothing depends on it: a warm-up that fails is logged
 * at debug and the start goes on.
 */
final class HttpWarmup {
  private static final Logger LOG = LoggerFactory.getLogger(HttpWarmup.class);

  private HttpWarmup() {}

  /** Serves {@code GET path} once with {@code handler} on a port of its own, then closes that port. */
  static Future<Void> run(Vertx vertx, HttpServerOptions options, Handler<HttpServerRequest> handler, String path) {
    HttpServerOptions own = new HttpServerOptions(options).setHost("127.0.0.1").setPort(0);
    HttpServer server = vertx.createHttpServer(own).requestHandler(handler);
    return server.listen()
        .compose(s -> vertx.<Void>executeBlocking(() -> {
          get(s.actualPort(), path);
          return null;
        }, false))
        .eventually(() -> server.close())
        .recover(e -> {
          LOG.debug("the HTTP warm-up failed (the start goes on): {}", e.toString());
          return Future.succeededFuture();
        });
  }

  /** A plain HTTP/1.1 GET, read to its end. */
  private static void get(int port, String path) throws Exception {
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      out.write(("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: */*\r\nConnection: close\r\n\r\n")
          .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = socket.getInputStream();
      in.readAllBytes();
    }
  }
}
