package dev.beacon.api.apps;

import dev.beacon.api.core.ApiException;
import dev.beacon.api.core.Body;
import dev.beacon.api.core.Db;
import dev.beacon.api.core.Http;
import dev.beacon.api.core.Paging;
import dev.beacon.api.core.Params;
import dev.beacon.api.core.Routes;
import io.vertx.core.json.JsonArray;
import io.vertx.ext.web.RoutingContext;

/**
 * The admin's view of every app: {@code GET /v1/admin/app} (the seed's curl says {@code apps}:
 * both are served) and {@code POST /v1/admin/app/{appId}/action} to freeze or unfreeze. The admin
 * guard runs first.
 */
final class AdminAppRoutes {
  private static final String FREEZE = "freeze";
  private static final String UNFREEZE = "unfreeze";

  private final Db db;
  private final AppsService apps;
  private final boolean trustProxy;

  AdminAppRoutes(Db db, AppsService apps, boolean trustProxy) {
    this.db = db;
    this.apps = apps;
    this.trustProxy = trustProxy;
  }

  void mount(Routes routes) {
    routes.get("/v1/admin/app").admin(this::list);
    routes.get("/v1/admin/apps").admin(this::list);
    routes.post("/v1/admin/app/:appId/action").admin(this::action);
  }

  private void list(RoutingContext ctx) {
    Params p = Params.of(ctx);
    Paging paging = Paging.from(p, AppsService.ORDER);
    AppFilter filter = AppFilter.forAdmin(p);
    Dsn.Origin origin = Dsn.origin(ctx, trustProxy);
    Http.reply(ctx, db.tx(s -> apps.list(s, filter, paging)).map(page -> {
      JsonArray items = new JsonArray(page.map(a -> AppJson.forAdmin(a, origin)).items());
      // the seed's sample names the list "app"; "apps" matches the developer's list
      return Http.ok().put("totalCount", page.totalCount()).put("app", items).put("apps", items.copy());
    }));
  }

  private void action(RoutingContext ctx) {
    String appId = ctx.pathParam("appId");
    Body b = Body.of(ctx);
    boolean freeze = b.has(FREEZE);
    if (b.json().size() != 1 || !(freeze || b.has(UNFREEZE))) {
      throw ApiException.badParameter("the body must be {\"freeze\":null} or {\"unfreeze\":null}");
    }
    int status = freeze ? App.FROZEN : App.ACTIVE;
    Http.reply(ctx, db.tx(s -> apps.setStatus(s, appId, status)).map(a -> Http.ok().put("app", AppJson.forAdmin(a, Dsn.origin(ctx, trustProxy)))));
  }
}
