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
import dev.beacon.api.shared.MachineHash;
import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;
import java.time.LocalDate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Family B's module upgrade check, {@code POST /v1/app/module/upgrade {appId, appKey, moduleId,
 * deviceId?, channel?, versionCode?}}: the rules of {@code /v1/app/upgrade} for one module of the app. A module of
 * another app is a 4004.
 */
final class ModuleUpgradeRoutes {
  private static final Logger LOG = LoggerFactory.getLogger(ModuleUpgradeRoutes.class);
  private final Db db;
  private final ModuleVersionsService versions;
  private final java.util.function.Supplier<java.time.Instant> now;

  ModuleUpgradeRoutes(Db db, ModuleVersionsService versions, java.util.function.Supplier<java.time.Instant> now) {
    this.db = db;
    this.now = now;
    this.versions = versions;
  }

  void mount(Routes routes) {
    routes.post("/v1/app/module/upgrade").client("appKey", this::upgrade);
  }

  private void upgrade(RoutingContext ctx) {
    Body b = Body.of(ctx);
    UpgradeRequest req = UpgradeRequest.of(b);
    String moduleId = b.requiredString("moduleId", 64).trim();
    ModuleMachines.Sighting[] sighting = {null};
    Http.reply(ctx, db.tx(s -> {
      App app = AppAccess.client(s, req.appId(), req.appKey());
      AppModule m = ModulesService.inApp(s, req.appId(), moduleId);
      if (req.deviceId() != null && req.versionCode() != null) {
        sighting[0] = new ModuleMachines.Sighting(moduleId, req.versionCode(), LocalDate.ofInstant(now.get(), app.zone()),
            MachineHash.of(app.secret, req.deviceId()));
      }
      return new Live<>(app.appId, app.secret, versions.released(s, moduleId)).named(m.name);
    }).compose(live -> noted(sighting[0]).map(live)).compose(live -> db.blocking(() -> {
      // a module's version is not in heartbeats: only the request's versionCode says what it has
      ModuleVersion v = req.choose(live.versions(), "module " + moduleId, req.asker(live.secret(), null));
      return Http.ok().put("module", VersionJson.offer(v, ctx).put("moduleName", live.name()));
    })));
  }

  /** Notes which module version the machine runs (release health); a failure there never fails the check. */
  private Future<Void> noted(ModuleMachines.Sighting sighting) {
    if (sighting == null) {
      return Future.succeededFuture();
    }
    return db.blocking(() -> db.inJdbcTx(c -> {
      ModuleMachines.note(c, sighting);
      return null;
    })).<Void>mapEmpty().recover(e -> {
      LOG.debug("cannot note the module version of a machine: {}", e.toString());
      return Future.succeededFuture();
    });
  }
}
