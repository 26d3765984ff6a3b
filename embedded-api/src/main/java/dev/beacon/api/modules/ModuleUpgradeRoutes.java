package dev.beacon.api.modules;

import dev.beacon.api.apps.App;
import dev.beacon.api.apps.AppAccess;
import dev.beacon.api.core.Body;
import dev.beacon.api.core.Db;
import dev.beacon.api.core.Http;
import dev.beacon.api.core.Routes;
import dev.beacon.api.releases.Live;
import dev.beacon.api.releases.UpgradeRequest;
import dev.beacon.api.releases.VersionJson;
import io.vertx.ext.web.RoutingContext;

/**
 * Family B's module upgrade check, {@code POST /v1/app/module/upgrade {appId, appKey, moduleId,
 * deviceId?, channel?, versionCode?}}: the rules of {@code /v1/app/upgrade} for one module of the app. A module of
 * another app is a 4004.
 */
final class ModuleUpgradeRoutes {
  private final Db db;
  private final ModuleVersionsService versions;
  ModuleUpgradeRoutes(Db db, ModuleVersionsService versions) {
    this.db = db;
    this.versions = versions;
  }

  void mount(Routes routes) {
    routes.post("/v1/app/module/upgrade").client("appKey", this::upgrade);
  }

  private void upgrade(RoutingContext ctx) {
    Body b = Body.of(ctx);
    UpgradeRequest req = UpgradeRequest.of(b);
    String moduleId = b.requiredString("moduleId", 64).trim();
    Http.reply(ctx, db.tx(s -> {
      App app = AppAccess.client(s, req.appId(), req.appKey());
      AppModule m = ModulesService.inApp(s, req.appId(), moduleId);
      return new Live<>(app.appId, app.secret, versions.released(s, moduleId)).named(m.name);
    }).compose(live -> db.blocking(() -> {
      // a module's version is not in heartbeats: only the request's versionCode says what it has
      ModuleVersion v = req.choose(live.versions(), "module " + moduleId, req.asker(live.secret(), null));
      return Http.ok().put("module", VersionJson.offer(v, ctx).put("moduleName", live.name()));
    })));
  }
}
