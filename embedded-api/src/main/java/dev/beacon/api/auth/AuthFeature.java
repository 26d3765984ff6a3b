package dev.beacon.api.auth;

import dev.beacon.api.core.ApiException;
import dev.beacon.api.core.Body;
import dev.beacon.api.core.DeclaredRoute.Kind;
import dev.beacon.api.core.Feature;
import dev.beacon.api.core.Http;
import dev.beacon.api.core.Routes;
import dev.beacon.api.core.ServerContext;
import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Sign-in, sign-out, registration, and the guards of developer and admin routes ({@link AuthGuard},
 * provided to the server), which also fence every path below {@code /v1/user/} and
 * {@code /v1/admin/}.
 */
public final class AuthFeature implements Feature {
  private AuthService auth;
  private AuthGuard guard;
  private ServerContext sc;
  /** Ends when the first admin's account is stored (once the server listens). */
  private Future<Void> adminStored = Future.succeededFuture();

  @Override
  public List<Class<?>> entities() {
    return List.of(Developer.class, AuthToken.class);
  }

  @Override
  public void start(ServerContext ctx) throws Exception {
    adminStored = AdminBootstrap.prepare(ctx.config()).ensureAdmin(auth(ctx), ctx);
  }

  @Override
  public void close(ServerContext ctx) throws Exception {
    // a stop right after a first start: the admin's account is stored before the database closes
    try {
      adminStored.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      // logged where it failed; the next start creates the account again
    }
  }

  /** The one accounts service of this server, for the admin's start and the routes. */
  private AuthService auth(ServerContext ctx) {
    if (auth == null) {
      auth = new AuthService(ctx);
    }
    return auth;
  }

  /** {@code work} once the first admin's account is stored (at once after that), whether or not that worked. */
  private <T> Future<T> afterAdmin(Supplier<Future<T>> work) {
    return adminStored.transform(done -> work.get());
  }

  @Override
  public void mount(Routes routes, ServerContext ctx) {
    this.sc = ctx;
    auth(ctx);
    this.guard = new AuthGuard(ctx);
    routes.provide(guard);
    // every path below these is a developer's or an admin's, also the ones no route serves (they
    // answer 401/403 before 404/405); the Q&A community's account sync (POST|PUT /v1/user/) is
    // declared open and so left out
    routes.area("/v1/user/", Kind.DEVELOPER);
    routes.area("/v1/admin/", Kind.ADMIN);
    routes.post("/v1/auth/login").open(this::login);
    routes.post("/v1/auth/logout").open(this::logout);
    routes.post("/v1/auth/register").open(this::register);
    new AdminDeveloperRoutes(ctx).mount(routes);
  }

  private void login(RoutingContext ctx) {
    Body b = Body.of(ctx);
    String account = b.requiredString("account", 255).trim();
    String password = b.requiredString("password", AuthService.MAX_PASSWORD);
    String address = dev.beacon.api.core.ClientLimits.clientAddress(ctx, sc.config().trustProxy());
    Http.reply(ctx, afterAdmin(() -> auth.login(account, password, address)).map(l -> Http.ok()
        .put("openId", l.openId())
        .put("token", l.token())
        .put("admin", l.admin())
        .put("expiresAt", dev.beacon.api.core.Dates.format(l.expiresAt()))));
  }

  private void logout(RoutingContext ctx) {
    String token = ctx.request().getHeader(AuthGuard.TOKEN_HEADER);
    String openId = ctx.request().getHeader(AuthGuard.OPENID_HEADER);
    if (token == null || openId == null) {
      ctx.fail(ApiException.authFailed("X-Auth-Token and X-Openid headers are required"));
      return;
    }
    Http.reply(ctx, sc.db().tx(s -> auth.logout(s, token.trim(), openId.trim())).map(done -> {
      if (!done) {
        throw ApiException.authFailed("the token is not valid for this openId");
      }
      return Http.ok();
    }));
  }

  private void register(RoutingContext ctx) {
    // who is asking comes first: a caller who may not register learns nothing about the body
    Http.reply(ctx, guard.optional(ctx).compose(p -> {
      boolean callerIsAdmin = p != null && p.admin();
      if (!callerIsAdmin && !sc.config().selfRegistration()) {
        throw p == null
            ? ApiException.authFailed("registration needs an admin's X-Auth-Token and X-Openid (self-registration is off)")
            : ApiException.forbidden("only an admin can register accounts (self-registration is off)");
      }
      Body b = Body.of(ctx);
      String type = b.requiredString("type", 16).trim().toLowerCase();
      String account = b.requiredString("account", 255).trim();
      String password = b.requiredString("password", AuthService.MAX_PASSWORD);
      boolean makeAdmin = Boolean.TRUE.equals(b.optionalBoolean("admin"));
      if (makeAdmin && !callerIsAdmin) {
        throw ApiException.forbidden("only an admin can create another admin");
      }
      return afterAdmin(() -> auth.register(type, account, password, makeAdmin));
    }).map(d -> Http.ok().put("openId", d.openId).put("account", d.account)));
  }
}
