package dev.beacon.api.releases;

import dev.beacon.api.auth.Principal;
import dev.beacon.api.core.Body;
import dev.beacon.api.core.Db;
import dev.beacon.api.core.Http;
import dev.beacon.api.core.Paging;
import dev.beacon.api.core.Params;
import dev.beacon.api.core.Routes;
import dev.beacon.api.files.FileRef;
import io.vertx.ext.web.RoutingContext;

/**
 * A developer's app versions: {@code /v1/user/{openId}/app/{appId}/version[/{versionId}[/action]]}.
 * The seed's curls say {@code versions}: every route is served under both spellings. The auth
 * guard runs first.
 */
final class VersionRoutes {
  private final Db db;
  private final VersionsService versions;

  VersionRoutes(Db db, VersionsService versions) {
    this.db = db;
    this.versions = versions;
  }

  void mount(Routes routes) {
    for (String segment : new String[] {"version", "versions"}) {
      String base = "/v1/user/:openId/app/:appId/" + segment;
      routes.post(base).developer(this::create);
      routes.get(base).developer(this::list);
      routes.get(base + "/:versionId").developer(this::get);
      routes.put(base + "/:versionId").developer(this::update);
      routes.delete(base + "/:versionId").developer(this::delete);
      routes.post(base + "/:versionId/action").developer(this::action);
      routes.get(base + "/:versionId/history").developer(this::history);
    }
  }

  private void create(RoutingContext ctx) {
    String openId = Principal.of(ctx).openId();
    String appId = ctx.pathParam("appId");
    Body b = Body.of(ctx);
    VersionPatch patch = VersionPatch.forCreate(b, FileRef.of(ctx, b));
    Http.reply(ctx, db.tx(s -> {
      AppVersion v = versions.create(s, openId, appId, patch);
      s.flush();
      return Http.ok().put("versionId", v.versionId).put("appVersion", versions.json(s, v));
    }));
  }

  private void update(RoutingContext ctx) {
    String openId = Principal.of(ctx).openId();
    Body b = Body.of(ctx);
    VersionPatch patch = VersionPatch.forUpdate(b, FileRef.of(ctx, b));
    Http.reply(ctx, db.tx(s -> {
      AppVersion v = versions.update(s, openId, ctx.pathParam("appId"), ctx.pathParam("versionId"), patch);
      s.flush();
      return Http.ok().put("appVersion", versions.json(s, v));
    }));
  }

  private void delete(RoutingContext ctx) {
    String openId = Principal.of(ctx).openId();
    Http.reply(ctx, db.tx(s -> {
      versions.delete(s, openId, ctx.pathParam("appId"), ctx.pathParam("versionId"));
      return Http.ok();
    }));
  }

  private void get(RoutingContext ctx) {
    String openId = Principal.of(ctx).openId();
    Http.reply(ctx, db.tx(s -> Http.ok().put("appVersion",
        versions.json(s, versions.get(s, openId, ctx.pathParam("appId"), ctx.pathParam("versionId"))))));
  }

  private void list(RoutingContext ctx) {
    String openId = Principal.of(ctx).openId();
    Paging paging = Paging.from(Params.of(ctx), VersionStore.ORDER);
    Http.reply(ctx, db.tx(s -> {
      var page = versions.list(s, openId, ctx.pathParam("appId"), paging);
      return Http.ok().put("totalCount", page.totalCount()).put("version", versions.json(s, page.items()));
    }));
  }

  /** The seed's {@code {"release":null}} / {@code {"disable":null}} and the rollout actions ({@link ReleaseAction}). */
  private void action(RoutingContext ctx) {
    String openId = Principal.of(ctx).openId();
    ReleaseAction action = ReleaseAction.of(Body.of(ctx));
    Http.reply(ctx, db.tx(s -> {
      AppVersion v = versions.act(s, openId, ctx.pathParam("appId"), ctx.pathParam("versionId"), action);
      s.flush();
      return Http.ok().put("appVersion", versions.json(s, v));
    }));
  }

  /** The version's release history, oldest first. */
  private void history(RoutingContext ctx) {
    String openId = Principal.of(ctx).openId();
    Http.reply(ctx, db.tx(s -> {
      AppVersion v = versions.get(s, openId, ctx.pathParam("appId"), ctx.pathParam("versionId"));
      return Http.ok().put("history", VersionDetails.load(s, java.util.List.of(v)).historyJson(v.versionId));
    }));
  }
}
