package dev.beacon.api.content.lightmodules;

import dev.beacon.api.auth.AuthGuard;
import dev.beacon.api.content.Viewer;
import dev.beacon.api.core.Body;
import dev.beacon.api.core.Db;
import dev.beacon.api.core.Http;
import dev.beacon.api.core.Paging;
import dev.beacon.api.core.Params;
import dev.beacon.api.core.Routes;
import io.vertx.ext.web.RoutingContext;

/**
 * Light modules: the admin's {@code /v1/admin/sdk/lightmodule[/{id}]} (the admin guard runs
 * first) and the public {@code GET /v1/sdk/lightmodule/list}, {@code /{id}} and
 * {@code /{id}/download}. Mounted after the categories so that "category" and "list" are not
 * taken for module ids.
 */
final class LightModuleRoutes {
  private final Db db;
  private final LightModulesService modules;
  private final AuthGuard guard;

  LightModuleRoutes(Db db, LightModulesService modules, AuthGuard guard) {
    this.db = db;
    this.modules = modules;
    this.guard = guard;
  }

  void mount(Routes routes) {
    routes.post("/v1/admin/sdk/lightmodule").admin(this::create);
    routes.put("/v1/admin/sdk/lightmodule/:lightModuleId").admin(this::update);
    routes.delete("/v1/admin/sdk/lightmodule/:lightModuleId").admin(this::delete);
    routes.get("/v1/sdk/lightmodule/list").open(this::list);
    routes.get("/v1/sdk/lightmodule/:lightModuleId").open(this::detail);
    routes.get("/v1/sdk/lightmodule/:lightModuleId/download").open(this::download);
  }

  private void create(RoutingContext ctx) {
    LightModulePatch patch = LightModulePatch.forCreate(Body.of(ctx));
    Http.reply(ctx, db.tx(s -> modules.create(s, patch)).map(m -> Http.ok().put("lightModuleId", m.lightModuleId)));
  }

  private void update(RoutingContext ctx) {
    LightModulePatch patch = LightModulePatch.forUpdate(Body.of(ctx));
    Http.reply(ctx, db.tx(s -> modules.update(s, ctx.pathParam("lightModuleId"), patch))
        .map(m -> Http.ok().put("lightModuleId", m.lightModuleId)));
  }

  private void delete(RoutingContext ctx) {
    Http.reply(ctx, db.tx(s -> {
      modules.delete(s, ctx.pathParam("lightModuleId"));
      return Http.ok();
    }));
  }

  /** {@code pageNo}, {@code pageSize}, {@code orderAttr} + {@code orderType}, {@code moduleCategoryId}, {@code openId}. */
  private void list(RoutingContext ctx) {
    Params p = Params.of(ctx);
    Paging paging = LightModuleOrder.paging(p);
    String categoryId = p.get("moduleCategoryId");
    Http.reply(ctx, Viewer.of(ctx, guard)
        .compose(v -> db.tx(s -> modules.list(s, v, categoryId, paging)))
        .map(page -> Http.ok().mergeIn(page)));
  }

  private void detail(RoutingContext ctx) {
    String id = ctx.pathParam("lightModuleId");
    Http.reply(ctx, Viewer.of(ctx, guard)
        .compose(v -> db.tx(s -> modules.detail(s, id, v)))
        .map(data -> Http.ok().put("data", data)));
  }

  private void download(RoutingContext ctx) {
    String id = ctx.pathParam("lightModuleId");
    Http.reply(ctx, Viewer.of(ctx, guard)
        .compose(v -> db.tx(s -> modules.downloadUrl(s, id, v)))
        .map(url -> Http.ok().put("downLoadUrl", url)));
  }
}
