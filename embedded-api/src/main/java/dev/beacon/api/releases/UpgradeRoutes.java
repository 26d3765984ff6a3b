package dev.beacon.api.releases;

import dev.beacon.api.apps.App;
import dev.beacon.api.apps.AppAccess;
import dev.beacon.api.core.Body;
import dev.beacon.api.core.Db;
import dev.beacon.api.core.Http;
import dev.beacon.api.core.Routes;
import dev.beacon.api.telemetry.Installs;
import io.vertx.ext.web.RoutingContext;

/**
 * Family B's client upgrade check, {@code POST /v1/app/upgrade {appId, appKey, deviceId?, channel?,
 * versionCode?}}:
 * authenticated by the app key, no sign-in.
 */
final class UpgradeRoutes {
  private final Db db;
  private final VersionsService versions;
  private final Installs installs;

  UpgradeRoutes(Db db, VersionsService versions, Installs installs) {
    this.db = db;
    this.versions = versions;
    this.installs = installs;
  }

  void mount(Routes routes) {
    routes.post("/v1/app/upgrade").client("appKey", this::upgrade);
  }

  /** The offer as the seed shows it, plus {@code forceUpdate}. */
  private void upgrade(RoutingContext ctx) {
    UpgradeRequest req = UpgradeRequest.of(Body.of(ctx));
    Http.reply(ctx, db.tx(s -> {
      App app = AppAccess.client(s, req.appId(), req.appKey());
      return new Live<>(app.appId, app.secret, versions.released(s, app.appId)).named(app.name);
    }).compose(live -> db.blocking(() -> {
      Asker asker = req.asker(live.secret(), () -> installs.latestVersion(live.appId(), live.secret(), req.deviceId()));
      AppVersion v = req.choose(live.versions(), "app " + live.appId(), asker);
      return Http.ok().put("version", VersionJson.offer(v, ctx)
          .put("appName", live.name())
          .put("forceUpdate", v.forceUpdate));
    })));
  }
}
