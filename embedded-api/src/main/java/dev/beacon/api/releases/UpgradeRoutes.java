package dev.beacon.api.releases;

import dev.beacon.api.apps.App;
import dev.beacon.api.apps.AppAccess;
import dev.beacon.api.core.ApiException;
import dev.beacon.api.core.Body;
import dev.beacon.api.core.Db;
import dev.beacon.api.core.Dates;
import dev.beacon.api.core.Http;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
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

  void mount(Router root) {
    root.post("/v1/app/upgrade").handler(this::upgrade);
  }

  private void upgrade(RoutingContext ctx) {
    Body b = Body.of(ctx);
    String appId = b.requiredString("appId", 64).trim();
    String appKey = b.requiredString("appKey", 64);
    String deviceId = b.optionalString("deviceId", 255);
    String device = deviceId == null || deviceId.isBlank() ? null : deviceId.trim();
    Http.reply(ctx, db.tx(s -> {
      App app = AppAccess.client(s, appId, appKey);
      AppVersion v = ReleaseChooser.upgrade(versions.released(s, appId), device)
          .orElseThrow(() -> ApiException.notFound("app " + appId + " has no released version"
              + (device == null ? "" : " for device " + device)));
      return Http.ok().put("version", json(app, v));
    }));
  }

  /** The offer as the seed shows it, plus {@code forceUpdate}. */
  private static JsonObject json(App app, AppVersion v) {
    return new JsonObject()
        .put("appName", app.name)
        .put("versionName", v.name)
        .put("versionCode", v.code)
        .put("md5", v.md5)
        .put("url", v.url)
        .put("desc", v.desc)
        .put("updateTime", Dates.format(v.releasedAt))
        .put("forceUpdate", v.forceUpdate)
        .put("strategy", new JsonObject().put("deviceIds", v.deviceIds));
  }
}
