package dev.beacon.api.apps;

import dev.beacon.api.auth.Principal;
import dev.beacon.api.core.Body;
import dev.beacon.api.core.Db;
import dev.beacon.api.core.Http;
import dev.beacon.api.core.Paging;
import dev.beacon.api.core.Params;
import dev.beacon.api.core.Routes;
import io.vertx.core.json.JsonArray;
import io.vertx.ext.web.RoutingContext;

/** A developer's own apps: {@code /v1/user/{openId}/app[/{appId}]}. The auth guard runs first. */
final class AppRoutes {
  private final Db db;
  private final AppsService apps;
  private final boolean trustProxy;

  AppRoutes(Db db, AppsService apps, boolean trustProxy) {
    this.db = db;
    this.apps = apps;
    this.trustProxy = trustProxy;
  }

  void mount(Routes routes) {
    routes.post("/v1/user/:openId/app").developer(this::create);
    routes.get("/v1/user/:openId/app").developer(this::list);
    routes.get("/v1/user/:openId/app/:appId").developer(this::get);
    routes.put("/v1/user/:openId/app/:appId").developer(this::update);
    routes.delete("/v1/user/:openId/app/:appId").developer(this::delete);
    routes.post("/v1/user/:openId/app/:appId/dsn/rotate").developer(this::rotateDsn);
  }

  /** A new DSN key for the app; the old one is refused from now on. */
  private void rotateDsn(RoutingContext ctx) {
    String openId = Principal.of(ctx).openId();
    String appId = ctx.pathParam("appId");
    Dsn.Origin origin = Dsn.origin(ctx, trustProxy);
    Http.reply(ctx, db.tx(s -> apps.rotateDsn(s, openId, appId)).map(a -> Http.ok().put("app", AppJson.forOwner(a, origin))));
  }

  private void create(RoutingContext ctx) {
    String openId = Principal.of(ctx).openId();
    AppPatch patch = AppPatch.forCreate(Body.of(ctx));
    Http.reply(ctx, db.tx(s -> apps.create(s, openId, patch)).map(a -> Http.ok().put("app", AppJson.forOwner(a, Dsn.origin(ctx, trustProxy)))));
  }

  private void update(RoutingContext ctx) {
    String openId = Principal.of(ctx).openId();
    String appId = ctx.pathParam("appId");
    AppPatch patch = AppPatch.forUpdate(Body.of(ctx));
    Http.reply(ctx, db.tx(s -> apps.update(s, openId, appId, patch)).map(a -> Http.ok().put("app", AppJson.forOwner(a, Dsn.origin(ctx, trustProxy)))));
  }

  private void delete(RoutingContext ctx) {
    String openId = Principal.of(ctx).openId();
    String appId = ctx.pathParam("appId");
    Http.reply(ctx, db.tx(s -> {
      apps.delete(s, openId, appId);
      return Http.ok();
    }));
  }

  private void get(RoutingContext ctx) {
    String openId = Principal.of(ctx).openId();
    String appId = ctx.pathParam("appId");
    Http.reply(ctx, db.tx(s -> apps.get(s, openId, appId)).map(a -> Http.ok().put("app", AppJson.forOwner(a, Dsn.origin(ctx, trustProxy)))));
  }

  private void list(RoutingContext ctx) {
    String openId = Principal.of(ctx).openId();
    Params p = Params.of(ctx);
    Paging paging = Paging.from(p, AppsService.ORDER);
    AppFilter filter = AppFilter.forOwner(openId, p);
    Dsn.Origin origin = Dsn.origin(ctx, trustProxy);
    Http.reply(ctx, db.tx(s -> apps.list(s, filter, paging)).map(page -> {
      JsonArray items = new JsonArray(page.map(a -> AppJson.forOwner(a, origin)).items());
      return Http.ok().put("totalCount", page.totalCount()).put("apps", items);
    }));
  }
}
