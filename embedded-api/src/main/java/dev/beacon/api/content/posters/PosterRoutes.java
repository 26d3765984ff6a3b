package dev.beacon.api.content.posters;

import dev.beacon.api.content.NumericId;
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
 * Posters: the public {@code GET /v1/poster} and the admin's writes {@code POST /v1/poster},
 * {@code PUT /v1/poster} (by {@code posterid} in the body, else by {@code url}),
 * {@code PUT|DELETE /v1/poster/{posterid}}. The writes live outside {@code /v1/admin}: each is
 * declared an admin route.
 */
final class PosterRoutes {
  private final Db db;
  private final PostersService posters;

  PosterRoutes(Db db, PostersService posters) {
    this.db = db;
    this.posters = posters;
  }

  void mount(Routes routes) {
    routes.get("/v1/poster").open(this::list);
    routes.post("/v1/poster").admin(this::create);
    routes.put("/v1/poster").admin(this::update);
    routes.put("/v1/poster/:posterid").admin(this::updateById);
    routes.delete("/v1/poster/:posterid").admin(this::delete);
  }

  /** {@code {total, result[]}} in sequence order; {@code total} counts every poster. */
  private void list(RoutingContext ctx) {
    Paging paging = Paging.from(Params.of(ctx), PostersService.ORDER);
    Http.reply(ctx, db.tx(s -> posters.list(s, paging)).map(page -> Http.ok()
        .put("total", page.totalCount())
        .put("result", new JsonArray(page.map(PosterJson::of).items()))));
  }

  private void create(RoutingContext ctx) {
    PosterPatch patch = PosterPatch.forCreate(Body.of(ctx));
    Http.reply(ctx, db.tx(s -> posters.create(s, patch)).map(p -> Http.ok().put("posterid", p.posterId).put("poster", PosterJson.of(p))));
  }

  private void update(RoutingContext ctx) {
    Body b = Body.of(ctx);
    PosterPatch patch = PosterPatch.forUpdate(b);
    Integer posterId = b.optionalInt("posterid");
    if (posterId == null && patch.url() == null) {
      throw ApiException.badParameter("posterid or url is required to say which poster to edit");
    }
    Http.reply(ctx, db.tx(s -> posterId != null ? posters.updateById(s, posterId, patch) : posters.updateByUrl(s, patch.url(), patch))
        .map(p -> Http.ok().put("poster", PosterJson.of(p))));
  }

  private void updateById(RoutingContext ctx) {
    long posterId = NumericId.fromPath(ctx, "posterid");
    PosterPatch patch = PosterPatch.forUpdate(Body.of(ctx));
    Http.reply(ctx, db.tx(s -> posters.updateById(s, posterId, patch)).map(p -> Http.ok().put("poster", PosterJson.of(p))));
  }

  private void delete(RoutingContext ctx) {
    long posterId = NumericId.fromPath(ctx, "posterid");
    Http.reply(ctx, db.tx(s -> {
      posters.delete(s, posterId);
      return Http.ok();
    }));
  }
}
