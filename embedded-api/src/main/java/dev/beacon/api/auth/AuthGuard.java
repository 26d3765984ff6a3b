package dev.beacon.api.auth;

import dev.beacon.api.core.Access;
import dev.beacon.api.core.ApiException;
import dev.beacon.api.core.ServerContext;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

/**
 * Header authentication ({@code X-Auth-Token} + {@code X-Openid}) as the contract says: a token
 * that does not belong to the openId is a 4001; an openId in the path other than the caller's is
 * a 4003; admin routes need an admin (4003). The auth feature provides it to the server as the
 * guard of developer and admin routes; routes open to anyone use {@link #optional} to tell a
 * signed-in caller.
 */
public final class AuthGuard implements Access {
  public static final String TOKEN_HEADER = "X-Auth-Token";
  public static final String OPENID_HEADER = "X-Openid";

  private final ServerContext sc;
  private final AuthService auth;

  public AuthGuard(ServerContext sc) {
    this.sc = sc;
    this.auth = new AuthService(sc);
  }

  /** Any signed-in developer. */
  @Override
  public Handler<RoutingContext> developer() {
    return ctx -> check(ctx, false);
  }

  /** A signed-in admin. */
  @Override
  public Handler<RoutingContext> admin() {
    return ctx -> check(ctx, true);
  }

  /** The principal if the request carries credentials (checked), {@code null} if it carries none. */
  public Future<Principal> optional(RoutingContext ctx) {
    if (ctx.request().getHeader(TOKEN_HEADER) == null && ctx.request().getHeader(OPENID_HEADER) == null) {
      return Future.succeededFuture(null);
    }
    return authenticate(ctx);
  }

  private void check(RoutingContext ctx, boolean needAdmin) {
    if (Principal.optional(ctx) != null) {
      finish(ctx, Principal.optional(ctx), needAdmin);
      return;
    }
    authenticate(ctx).onComplete(ar -> {
      if (ar.failed()) {
        ctx.fail(ar.cause());
      } else {
        finish(ctx, ar.result(), needAdmin);
      }
    });
  }

  private void finish(RoutingContext ctx, Principal p, boolean needAdmin) {
    if (needAdmin && !p.admin()) {
      ctx.fail(ApiException.forbidden("this needs an admin account"));
      return;
    }
    String pathOpenId = pathOpenId(ctx.request().path());
    if (pathOpenId != null && !pathOpenId.equals(p.openId())) {
      ctx.fail(ApiException.forbidden("the openId in the path is not the caller's (X-Openid)"));
      return;
    }
    ctx.next();
  }

  private Future<Principal> authenticate(RoutingContext ctx) {
    String token = ctx.request().getHeader(TOKEN_HEADER);
    String openId = ctx.request().getHeader(OPENID_HEADER);
    if (token == null || token.isBlank() || openId == null || openId.isBlank()) {
      return Future.failedFuture(ApiException.authFailed("X-Auth-Token and X-Openid headers are required"));
    }
    if (token.length() > 256 || openId.length() > 64) {
      return Future.failedFuture(ApiException.authFailed("the token is not valid for this openId; sign in again"));
    }
    // map, not onSuccess: a listener added to the same future by the caller could run first
    // (when the db worker completes it in between) and route on without the principal
    return sc.db().tx(s -> auth.authenticate(s, token.trim(), openId.trim())).map(p -> {
      ctx.put(Principal.KEY, p);
      return p;
    });
  }

  /** The {@code {openId}} segment of {@code /v1/user/{openId}/...}, or {@code null} for other paths. */
  static String pathOpenId(String path) {
    String prefix = "/v1/user/";
    if (!path.startsWith(prefix)) {
      return null;
    }
    String rest = path.substring(prefix.length());
    int slash = rest.indexOf('/');
    String segment = slash < 0 ? rest : rest.substring(0, slash);
    if (segment.isEmpty() || segment.equals("uploadfile")) {
      return null;
    }
    return segment;
  }
}
