package dev.beacon.bench;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;

/**
 * The yardstick of {@link StartupBench}: the smallest Vert.x 5 web server, one constant JSON route
 * ({@code GET /health}), on the port given as the first argument. It prints a "listening" line
 * once it listens.
 */
public final class MinimalServer {
  private MinimalServer() {}

  public static void main(String[] args) {
    int port = Integer.parseInt(args[0]);
    Vertx vertx = Vertx.vertx();
    Router router = Router.router(vertx);
    String body = new JsonObject().put("status", "up").encode();
    router.get("/health").handler(ctx -> ctx.response().putHeader("Content-Type", "application/json").end(body));
    vertx.createHttpServer().requestHandler(router).listen(port, "127.0.0.1")
        .onSuccess(s -> System.out.println("minimal server listening on http://127.0.0.1:" + s.actualPort()))
        .onFailure(e -> {
          e.printStackTrace();
          System.exit(1);
        });
  }
}
