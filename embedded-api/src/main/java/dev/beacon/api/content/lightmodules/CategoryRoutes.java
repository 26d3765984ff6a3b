package dev.beacon.api.content.lightmodules;

import dev.beacon.api.core.Body;
import dev.beacon.api.core.Db;
import dev.beacon.api.core.Http;
import dev.beacon.api.core.Routes;
import io.vertx.core.json.JsonArray;
import io.vertx.ext.web.RoutingContext;

/**
 * Light-module categories: the admin's {@code /v1/admin/sdk/lightmodule/category[/{id}]} and the
 * public list {@code GET /v1/sdk/lightmodule/category} (the seed's curl reads it under
 * {@code /v1/admin/...}: served there too, for admins).
 */
final class CategoryRoutes {
  private final Db db;
  private final CategoriesService categories;

  CategoryRoutes(Db db, CategoriesService categories) {
    this.db = db;
    this.categories = categories;
  }

  void mount(Routes routes) {
    routes.get("/v1/sdk/lightmodule/category").open(this::list);
    routes.get("/v1/admin/sdk/lightmodule/category").admin(this::list);
    routes.post("/v1/admin/sdk/lightmodule/category").admin(this::create);
    routes.put("/v1/admin/sdk/lightmodule/category/:moduleCategoryId").admin(this::update);
    routes.delete("/v1/admin/sdk/lightmodule/category/:moduleCategoryId").admin(this::delete);
  }

  private void list(RoutingContext ctx) {
    Http.reply(ctx, db.tx(categories::all).map(all -> Http.ok()
        .put("moduleCategoryList", new JsonArray(all.stream().map(CategoryJson::of).toList()))));
  }

  private void create(RoutingContext ctx) {
    CategoryPatch patch = CategoryPatch.forCreate(Body.of(ctx));
    Http.reply(ctx, db.tx(s -> categories.create(s, patch)).map(c -> Http.ok()
        .put("moduleCategoryId", c.categoryId).put("moduleCategory", CategoryJson.of(c))));
  }

  private void update(RoutingContext ctx) {
    CategoryPatch patch = CategoryPatch.forUpdate(Body.of(ctx));
    Http.reply(ctx, db.tx(s -> categories.update(s, ctx.pathParam("moduleCategoryId"), patch))
        .map(c -> Http.ok().put("moduleCategory", CategoryJson.of(c))));
  }

  /** 4007 while light modules are in the category; the message names them. */
  private void delete(RoutingContext ctx) {
    Http.reply(ctx, db.tx(s -> {
      categories.delete(s, ctx.pathParam("moduleCategoryId"));
      return Http.ok();
    }));
  }
}
