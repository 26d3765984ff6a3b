package dev.beacon.api.content.sdks;

import dev.beacon.api.core.Body;
import dev.beacon.api.core.Db;
import dev.beacon.api.core.Http;
import dev.beacon.api.core.Paging;
import dev.beacon.api.core.Params;
import dev.beacon.api.core.Routes;
import io.vertx.ext.web.RoutingContext;

/**
 * Resources: {@code /v1/admin/resource[/{resourceId}]}. The seed answers a resource as
 * {@code result}. The list is an addition: resources without an SDK (html pages, doc packages)
 * are otherwise nowhere to be found. The admin guard runs first.
 */
final class ResourceRoutes {
  private final Db db;
  private final ResourcesService resources;

  ResourceRoutes(Db db, ResourcesService resources) {
    this.db = db;
    this.resources = resources;
  }

  void mount(Routes routes) {
    routes.post("/v1/admin/resource").admin(this::create);
    routes.get("/v1/admin/resource").admin(this::list);
    routes.get("/v1/admin/resource/:resourceId").admin(this::get);
    routes.put("/v1/admin/resource/:resourceId").admin(this::update);
    routes.delete("/v1/admin/resource/:resourceId").admin(this::delete);
  }

  private void create(RoutingContext ctx) {
    ResourcePatch patch = ResourcePatch.forCreate(Body.of(ctx));
    Http.reply(ctx, db.tx(s -> {
      SdkResource r = resources.create(s, patch);
      return Http.ok().put("resourceId", r.resourceId).put("result", resources.json(s, r));
    }));
  }

  private void update(RoutingContext ctx) {
    ResourcePatch patch = ResourcePatch.forUpdate(Body.of(ctx));
    Http.reply(ctx, db.tx(s -> Http.ok().put("result", resources.json(s, resources.update(s, ctx.pathParam("resourceId"), patch)))));
  }

  private void get(RoutingContext ctx) {
    Http.reply(ctx, db.tx(s -> Http.ok().put("result", resources.json(s, resources.find(s, ctx.pathParam("resourceId"))))));
  }

  private void delete(RoutingContext ctx) {
    Http.reply(ctx, db.tx(s -> {
      resources.delete(s, ctx.pathParam("resourceId"));
      return Http.ok();
    }));
  }

  /** Filters {@code type} and {@code sdkId}, paging, {@code orderBy} name or create_date (default create_date:desc). */
  private void list(RoutingContext ctx) {
    Params p = Params.of(ctx);
    Integer type = SdkResource.TYPES.checkOptional(p.getInt("type"));
    Paging paging = Paging.from(p, ResourcesService.ORDER);
    Http.reply(ctx, db.tx(s -> {
      var page = resources.list(s, type, p.get("sdkId"), paging);
      return Http.ok().put("totalCount", page.totalCount()).put("resourceList", resources.json(s, page.items()));
    }));
  }
}
