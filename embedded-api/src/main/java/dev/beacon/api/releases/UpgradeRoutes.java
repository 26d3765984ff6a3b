package dev.beacon.api.releases;

import dev.beacon.api.apps.App;
import dev.beacon.api.apps.AppAccess;
import dev.beacon.api.core.Body;
import dev.beacon.api.core.Db;
import dev.beacon.api.core.Http;
import dev.beacon.api.core.Routes;
import io.vertx.ext.web.RoutingContext;

/**
 * Family B's client upgrade check, {@code POST /v1/app/upgrade {appId, appKey, deviceId?}}:
 * authenticated by the app key, no sign-in.
 */
final class UpgradeRoutes {
  private final Db db;
  private final VersionsService versions;

  UpgradeRoutes(Db db, VersionsService versions) {
    this.db = db;
    this.versions = versions;
  }

  void mount(Routes routes) {
    routes.post("/v1/app/upgrade").client("appKey", this::upgrade);
  }

  /** The offer as the seed shows it, plus {@code forceUpdate}. */
  private void upgrade(RoutingContext ctx) {
    UpgradeRequest req = UpgradeRequest.of(Body.of(ctx));
    Http.reply(ctx, db.tx(s -> {
      App app = AppAccess.client(s, req.appId(), req.appKey());
      AppVersion v = req.choose(versions.released(s, app.appId), "app " + app.appId);
      return Http.ok().put("version", VersionJson.offer(v, ctx)
          .put("appName", app.name)
          .put("forceUpdate", v.forceUpdate));
    }));
  }
}
