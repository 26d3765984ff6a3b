package dev.beacon.api.modules;

import dev.beacon.api.auth.Principal;
import dev.beacon.api.core.Body;
import dev.beacon.api.core.Db;
import dev.beacon.api.core.Http;
import dev.beacon.api.core.Paging;
import dev.beacon.api.core.Params;
import dev.beacon.api.core.Routes;
import dev.beacon.api.files.FileRef;
import dev.beacon.api.releases.PackagePatch;
import dev.beacon.api.releases.ReleaseAction;
import dev.beacon.api.releases.VersionStore;
import io.vertx.ext.web.RoutingContext;

/**
 * A developer's module versions: {@code .../module/{moduleId}/version[/{versionId}[/action]]};
 * release and disable by {@code PUT} (as the seed) or {@code POST} (as app versions) on
 * {@code action}. The auth guard runs first.
 */
final class ModuleVersionRoutes {
  private static final String BASE = ModuleRoutes.BASE + "/:moduleId/version";

  private final Db db;
  private final ModuleVersionsService versions;

  ModuleVersionRoutes(Db db, ModuleVersionsService versions) {
    this.db = db;
    this.versions = versions;
  }

  void mount(Routes routes) {
    routes.post(BASE).developer(this::create);
    routes.get(BASE).developer(this::list);
    routes.get(BASE + "/:versionId").developer(this::get);
    routes.put(BASE + "/:versionId").developer(this::update);
    routes.delete(BASE + "/:versionId").developer(this::delete);
    routes.put(BASE + "/:versionId/action").developer(this::action);
    routes.post(BASE + "/:versionId/action").developer(this::action);
    routes.get(BASE + "/:versionId/history").developer(this::history);
  }

  /** The seed's create needs name, code and url (md5 may follow by edit, before releasing). */
  private void create(RoutingContext ctx) {
    String openId = Principal.of(ctx).openId();
    Body b = Body.of(ctx);
    PackagePatch patch = PackagePatch.forCreate(b, FileRef.of(ctx, b), false);
    Http.reply(ctx, db.tx(s -> {
      ModuleVersion v = versions.create(s, openId, ctx.pathParam("appId"), ctx.pathParam("moduleId"), patch);
      s.flush();
      return Http.ok().put("versionId", v.versionId).put("version", versions.json(s, v));
    }));
  }

  private void update(RoutingContext ctx) {
    String openId = Principal.of(ctx).openId();
    Body b = Body.of(ctx);
    PackagePatch patch = PackagePatch.forUpdate(b, FileRef.of(ctx, b));
    Http.reply(ctx, db.tx(s -> {
      ModuleVersion v = versions.update(s, openId, ctx.pathParam("appId"), ctx.pathParam("moduleId"), ctx.pathParam("versionId"), patch);
      s.flush();
      return Http.ok().put("version", versions.json(s, v));
    }));
  }

  private void delete(RoutingContext ctx) {
    String openId = Principal.of(ctx).openId();
    Http.reply(ctx, db.tx(s -> {
      versions.delete(s, openId, ctx.pathParam("appId"), ctx.pathParam("moduleId"), ctx.pathParam("versionId"));
      return Http.ok();
    }));
  }

  private void get(RoutingContext ctx) {
    String openId = Principal.of(ctx).openId();
    Http.reply(ctx, db.tx(s -> Http.ok().put("version",
        versions.json(s, versions.get(s, openId, ctx.pathParam("appId"), ctx.pathParam("moduleId"), ctx.pathParam("versionId"))))));
  }

  private void list(RoutingContext ctx) {
    String openId = Principal.of(ctx).openId();
    Paging paging = Paging.from(Params.of(ctx), VersionStore.ORDER);
    Http.reply(ctx, db.tx(s -> {
      var page = versions.list(s, openId, ctx.pathParam("appId"), ctx.pathParam("moduleId"), paging);
      return Http.ok().put("totalCount", page.totalCount()).put("version", versions.json(s, page.items()));
    }));
  }

  private void action(RoutingContext ctx) {
    String openId = Principal.of(ctx).openId();
    ReleaseAction action = ReleaseAction.of(Body.of(ctx));
    Http.reply(ctx, db.tx(s -> {
      ModuleVersion v = versions.act(s, openId, ctx.pathParam("appId"), ctx.pathParam("moduleId"), ctx.pathParam("versionId"), action);
      s.flush();
      return Http.ok().put("version", versions.json(s, v));
    }));
  }

  private void history(RoutingContext ctx) {
    String openId = Principal.of(ctx).openId();
    Http.reply(ctx, db.tx(s -> Http.ok().put("history", versions.history(s,
        versions.get(s, openId, ctx.pathParam("appId"), ctx.pathParam("moduleId"), ctx.pathParam("versionId"))))));
  }
}
