package dev.beacon.api.modules;

import dev.beacon.api.auth.Principal;
import dev.beacon.api.core.Body;
import dev.beacon.api.core.Db;
import dev.beacon.api.core.Http;
import dev.beacon.api.core.Paging;
import dev.beacon.api.core.Params;
import dev.beacon.api.core.Routes;
import io.vertx.core.json.JsonArray;
import io.vertx.ext.web.RoutingContext;

/** A developer's app modules: {@code /v1/user/{openId}/app/{appId}/module[/{moduleId}]}. The auth guard runs first. */
final class ModuleRoutes {
  static final String BASE = "/v1/user/:openId/app/:appId/module";

  private final Db db;
  private final ModulesService modules;

  ModuleRoutes(Db db, ModulesService modules) {
    this.db = db;
    this.modules = modules;
  }

  void mount(Routes routes) {
    routes.post(BASE).developer(this::create);
    routes.get(BASE).developer(this::list);
    routes.get(BASE + "/:moduleId").developer(this::get);
    routes.put(BASE + "/:moduleId").developer(this::update);
    routes.delete(BASE + "/:moduleId").developer(this::delete);
  }

  private void create(RoutingContext ctx) {
    String openId = Principal.of(ctx).openId();
    ModulePatch patch = ModulePatch.forCreate(Body.of(ctx));
    Http.reply(ctx, db.tx(s -> modules.create(s, openId, ctx.pathParam("appId"), patch))
        .map(m -> Http.ok().put("moduleId", m.moduleId).put("module", ModuleJson.of(m))));
  }

  private void update(RoutingContext ctx) {
    String openId = Principal.of(ctx).openId();
    ModulePatch patch = ModulePatch.forUpdate(Body.of(ctx));
    Http.reply(ctx, db.tx(s -> modules.update(s, openId, ctx.pathParam("appId"), ctx.pathParam("moduleId"), patch))
        .map(m -> Http.ok().put("module", ModuleJson.of(m))));
  }

  private void delete(RoutingContext ctx) {
    String openId = Principal.of(ctx).openId();
    Http.reply(ctx, db.tx(s -> {
      modules.delete(s, openId, ctx.pathParam("appId"), ctx.pathParam("moduleId"));
      return Http.ok();
    }));
  }

  private void get(RoutingContext ctx) {
    String openId = Principal.of(ctx).openId();
    Http.reply(ctx, db.tx(s -> modules.get(s, openId, ctx.pathParam("appId"), ctx.pathParam("moduleId")))
        .map(m -> Http.ok().put("module", ModuleJson.of(m))));
  }

  private void list(RoutingContext ctx) {
    String openId = Principal.of(ctx).openId();
    Paging paging = Paging.from(Params.of(ctx), ModulesService.ORDER);
    Http.reply(ctx, db.tx(s -> modules.list(s, openId, ctx.pathParam("appId"), paging)).map(page -> Http.ok()
        .put("totalCount", page.totalCount())
        .put("module", new JsonArray(page.map(ModuleJson::of).items()))));
  }
}
