package dev.beacon.api.core;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

/**
 * The guards of {@link DeclaredRoute.Kind#DEVELOPER} and {@link DeclaredRoute.Kind#ADMIN} routes,
 * which a feature provides ({@link Routes#provide}): each handler lets the request on with
 * {@code ctx.next()} or fails it (401 without valid credentials, 403 for the wrong caller).
 */
public interface Access {
  /** Any signed-in developer; an openId in the path must be the caller's. */
  Handler<RoutingContext> developer();

  /** A signed-in admin. */
  Handler<RoutingContext> admin();
}
