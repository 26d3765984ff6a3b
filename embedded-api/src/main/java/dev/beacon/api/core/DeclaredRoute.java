package dev.beacon.api.core;

import io.vertx.core.Handler;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import java.util.function.Function;

/**
 * One route as a feature declared it ({@link Routes}): method, path, who may call it, how its body
 * is read, and the handler that answers. The server mounts the guard, the limits and the body
 * handler from this, wherever the feature sits in the list.
 *
 * @param keyField for a {@link Kind#CLIENT} route, the body field that carries the app key
 * @param keyReader for a {@link Kind#CLIENT} route without {@code keyField}, what finds the app key
 *     outside the body (a header, the query), {@code null} when absent
 * @param bodyLimit the largest body in bytes, or 0 for {@link Config#jsonBodyLimit()}
 * @param failures the route's own failure answer, or {@code null} for the server's
 */
public record DeclaredRoute(HttpMethod method, String path, Kind kind, String keyField,
    Function<RoutingContext, String> keyReader, boolean streamedBody, int bodyLimit, Handler<RoutingContext> failures,
    Handler<RoutingContext> handler) {

  /** Who may call a route, from the least to the most guarded. */
  public enum Kind {
    /** Anyone; the route checks what it needs itself. */
    OPEN,
    /** Installed clients, by an app key (in the body, or a header): rate limited per address and per key. */
    CLIENT,
    /** A signed-in developer; an {@code {openId}} in the path must be the caller's. */
    DEVELOPER,
    /** A signed-in admin. */
    ADMIN;

    /** Whether this kind guards at least as much as {@code other}. */
    boolean atLeast(Kind other) {
      return ordinal() >= other.ordinal();
    }
  }

  /** {@code METHOD /path/{param}}, as {@code openapi.yaml} writes it. */
  public String endpoint() {
    return method.name() + " " + path.replaceAll(":([A-Za-z0-9_]+)", "{$1}");
  }

  @Override
  public String toString() {
    return kind + " " + endpoint();
  }
}
