package dev.beacon.api.core;

import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * A body limit other than {@link Config#jsonBodyLimit()} for the routes declared with one
 * ({@link Routes.Declaring#bodyLimit}: error reports with long stacks). The route's own body
 * step ({@link RequestBodies}) runs first; the server-wide one then sees the body read and steps
 * aside. A body over the limit is answered like any other (413 / 4000), with this route's limit in
 * the message.
 */
final class BodyLimits {
  private static final String KEY = "beacon.bodyLimit";

  private BodyLimits() {}

  /**
   * Lets {@code method path} take bodies of up to {@code limit} bytes: mount it ahead of the
   * server-wide body handler.
   */
  static void raise(Router root, HttpMethod method, String path, int limit) {
    // two routes: the body handler goes first on its route, and the limit must be known
    // to the failure handler when the body handler refuses
    root.route(method, path).handler(ctx -> {
      ctx.put(KEY, limit);
      ctx.next();
    });
    root.route(method, path).handler(RequestBodies.handler(limit));
  }

  /** The body limit in force for the request. */
  static int of(RoutingContext ctx, int serverWide) {
    Integer limit = ctx.get(KEY);
    return limit == null ? serverWide : limit;
  }
}
