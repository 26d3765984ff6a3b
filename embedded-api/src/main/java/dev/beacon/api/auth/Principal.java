package dev.beacon.api.auth;

import dev.beacon.api.core.ApiException;
import io.vertx.ext.web.RoutingContext;

/** The signed-in developer of a request, put there by the auth guard. */
public record Principal(String openId, boolean admin, boolean internal) {
  static final String KEY = "beacon.principal";

  /** The principal of an authenticated route; a 4001 if the guard did not run (a wiring bug). */
  public static Principal of(RoutingContext ctx) {
    Principal p = ctx.get(KEY);
    if (p == null) {
      throw ApiException.authFailed("X-Auth-Token and X-Openid headers are required");
    }
    return p;
  }

  /** The principal if the request carried valid credentials, else {@code null}. */
  public static Principal optional(RoutingContext ctx) {
    return ctx.get(KEY);
  }
}
