package dev.beacon.api.releases;

import dev.beacon.api.apps.App;
import dev.beacon.api.apps.AppAccess;
import dev.beacon.api.core.Body;
import dev.beacon.api.core.Db;
import dev.beacon.api.core.Http;
import dev.beacon.api.core.Routes;
import dev.beacon.api.files.Downloads;
import dev.beacon.api.telemetry.Installs;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/**
 * Family A's {@code POST /api/v1/version/check {app_key, current_version, platform, machine_id?,
 * channel?}} answered as {@code {"code":200,"message":...,"data":{has_update, current_version,
 * latest_version, download_url, release_notes, force_update}}}. Failures take family A's shape
 * from the failure handler.
 */
final class VersionCheckRoutes {
  static final String UPDATE_FOUND = "发现新版本";
  static final String UP_TO_DATE = "当前已是最新版本";

  private final Db db;
  private final VersionsService versions;
  private final Installs installs;

  VersionCheckRoutes(Db db, VersionsService versions, Installs installs) {
    this.db = db;
    this.versions = versions;
    this.installs = installs;
  }

  void mount(Routes routes) {
    routes.post("/api/v1/version/check").client("app_key", this::check);
  }

  private void check(RoutingContext ctx) {
    Body b = Body.of(ctx);
    String appKey = b.requiredString("app_key", 64);
    String current = b.requiredString("current_version", 128).trim();
    String platform = b.optionalString("platform", 64);
    String machineId = b.optionalString("machine_id", 255);
    String channel = Channels.parse("channel", b.optionalString("channel", 64));
    Http.reply(ctx, db.tx(s -> {
      App app = AppAccess.byKey(s, appKey);
      return new Live<>(app.appId, app.secret, versions.released(s, app.appId));
    }).compose(live -> db.blocking(() -> {
      Asker asker = new Asker(live.secret(), machineId, channel, current, null,
          () -> installs.latestVersion(live.appId(), live.secret(), machineId));
      return ReleaseChooser.check(live.versions(), current, platform, machineId, asker);
    })).map(c -> answer(c, current, ctx)));
  }

  /**
   * The answer, exactly the seed's fields (a downgrade is offered as an update); a package uploaded
   * to Beacon gets an absolute URL on the host the client asked.
   */
  private static JsonObject answer(ReleaseChooser.Check c, String current, RoutingContext ctx) {
    JsonObject data = new JsonObject()
        .put("has_update", c.hasUpdate())
        .put("current_version", current)
        .put("latest_version", c.latest() == null ? current : c.latest().name)
        .put("download_url", c.hasUpdate() ? Downloads.absolute(ctx, c.latest().url) : null)
        .put("release_notes", c.hasUpdate() ? c.latest().desc : null)
        .put("force_update", c.forceUpdate());
    return new JsonObject()
        .put("code", 200)
        .put("message", c.hasUpdate() ? UPDATE_FOUND : UP_TO_DATE)
        .put("data", data);
  }
}
