package dev.beacon.api.content.sdks;

import dev.beacon.api.core.Body;
import dev.beacon.api.core.Db;
import dev.beacon.api.core.Http;
import dev.beacon.api.core.Paging;
import dev.beacon.api.core.Params;
import dev.beacon.api.core.Routes;
import io.vertx.core.json.JsonArray;
import io.vertx.ext.web.RoutingContext;

/** SDKs: {@code /v1/admin/sdk[/{sdkId}]}. The admin guard runs first. */
final class SdkRoutes {
  private final Db db;
  private final SdksService sdks;
  private final ResourcesService resources;

  SdkRoutes(Db db, SdksService sdks, ResourcesService resources) {
    this.db = db;
    this.sdks = sdks;
    this.resources = resources;
  }

  void mount(Routes routes) {
    routes.post("/v1/admin/sdk").admin(this::create);
    routes.get("/v1/admin/sdk").admin(this::list);
    routes.get("/v1/admin/sdk/:sdkId").admin(this::get);
    routes.put("/v1/admin/sdk/:sdkId").admin(this::update);
    routes.delete("/v1/admin/sdk/:sdkId").admin(this::delete);
  }

  private void create(RoutingContext ctx) {
    SdkPatch patch = SdkPatch.forCreate(Body.of(ctx));
    Http.reply(ctx, db.tx(s -> sdks.create(s, patch)).map(k -> Http.ok().put("sdkId", k.sdkId).put("sdkinfo", SdkJson.info(k))));
  }

  private void update(RoutingContext ctx) {
    SdkPatch patch = SdkPatch.forUpdate(Body.of(ctx));
    Http.reply(ctx, db.tx(s -> sdks.update(s, ctx.pathParam("sdkId"), patch)).map(k -> Http.ok().put("sdkinfo", SdkJson.info(k))));
  }

  /** 4007 while something still belongs to the SDK; the message names it. */
  private void delete(RoutingContext ctx) {
    Http.reply(ctx, db.tx(s -> {
      sdks.delete(s, ctx.pathParam("sdkId"));
      return Http.ok();
    }));
  }

  /** The list (an addition the seed lacks a sample for): {@code type} filter, paging, {@code orderBy} name or create_date. */
  private void list(RoutingContext ctx) {
    Params p = Params.of(ctx);
    Integer type = Sdk.TYPES.checkOptional(p.getInt("type"));
    Paging paging = Paging.from(p, SdksService.ORDER);
    Http.reply(ctx, db.tx(s -> sdks.list(s, type, paging)).map(page -> Http.ok()
        .put("totalCount", page.totalCount())
        .put("sdkList", new JsonArray(page.map(SdkJson::info).items()))));
  }

  /**
   * The SDK with one page of its resources ({@code type} filters them by resource type, oldest
   * first); the seed's sample answers {@code message}, so both {@code msg} and {@code message}
   * are sent.
   */
  private void get(RoutingContext ctx) {
    Params p = Params.of(ctx);
    Integer type = SdkResource.TYPES.checkOptional(p.getInt("type"));
    Paging paging = Paging.from(p, ResourcesService.SDK_DETAIL_ORDER);
    String sdkId = ctx.pathParam("sdkId");
    Http.reply(ctx, db.tx(s -> {
      Sdk k = sdks.find(s, sdkId);
      var page = resources.list(s, type, sdkId, paging);
      return Http.okWithMessage()
          .put("sdkinfo", SdkJson.info(k))
          .put("resourceList", resources.json(s, page.items()))
          .put("resourceTotal", page.totalCount());
    }));
  }
}
